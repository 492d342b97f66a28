"""A salesperson's day: follow-ups due that day and those overdue before it, by time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models import Account, FollowUp


@dataclass
class Agenda:
    day: date
    overdue: list[FollowUp]
    due: list[FollowUp]


async def for_day(*, actor: Account, day: date, settings, limit: int = 30) -> Agenda:
    """Pending follow-ups (not superseded) of the clients ``actor`` owns: on ``day``, and overdue before it.

    An agenda is personal, so managers see their own clients here too.
    """
    start = datetime.combine(day, time.min, ZoneInfo(settings.timezone))
    end = start + timedelta(days=1)
    pending = FollowUp.filter(client__owner_id=actor.id, done=False, next_at__not_isnull=True).select_related("client")
    overdue = await pending.filter(next_at__lt=start).order_by("next_at").limit(limit)
    due = await pending.filter(next_at__gte=start, next_at__lt=end).order_by("next_at").limit(limit)
    return Agenda(day, list(overdue), list(due))
