"""A salesperson's day: follow-ups due that day and those overdue before it, by time, and the viewings booked
in the mini-program."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q
from tortoise.functions import Count

from core.config import Settings
from models import Account, FollowUp, Viewing
from models.enums import Role, ViewingStatus
from services import permissions


@dataclass
class Agenda:
    day: date
    until: date
    overdue: list[FollowUp]
    due: list[FollowUp]
    viewings: list[Viewing] = field(default_factory=list)
    """Viewings booked in the mini-program that day, for the client's salesperson (else the listing's owner)."""


def _window(
    day: date, now: datetime | None, settings: Settings, until: date | None = None
) -> tuple[datetime, datetime, datetime]:
    """The start of ``day`` and the end of ``until`` (or of ``day``), and the overdue cut-off: the day's start,
    or ``now`` when that is earlier (tomorrow's agenda does not call this evening's follow-ups overdue)."""
    tz = ZoneInfo(settings.timezone)
    start = datetime.combine(day, time.min, tz)
    end = datetime.combine(max(until or day, day), time.min, tz) + timedelta(days=1)
    return start, end, min(start, now) if now is not None else start


async def for_day(
    *,
    actor: Account,
    day: date,
    settings: Settings,
    now: datetime | None = None,
    limit: int = 30,
    until: date | None = None,
) -> Agenda:
    """Pending follow-ups (not superseded) of the clients ``actor`` owns: on ``day`` (through ``until`` for a
    range, 这周), and overdue before it.

    An agenda is personal, so managers see their own clients here too.
    """
    start, end, cutoff = _window(day, now, settings, until)
    pending = FollowUp.filter(client__owner_id=actor.id, done=False, next_at__not_isnull=True).select_related("client")
    overdue = await pending.filter(next_at__lt=cutoff).order_by("next_at").limit(limit)
    due = await pending.filter(next_at__gte=start, next_at__lt=end).order_by("next_at").limit(limit)
    return Agenda(
        day, max(until or day, day), list(overdue), list(due), await viewings_for(actor, start, end, limit=limit)
    )


async def viewings_for(actor: Account, start: datetime, end: datetime, *, limit: int = 30) -> list[Viewing]:
    """Booked viewings in [start, end) that ``actor`` receives: those of their clients, and those of their
    listings whose visitor is no client yet (as ``viewings.book`` tells them)."""
    mine = Q(client__owner_id=actor.id, client__deleted_at__isnull=True) | Q(
        client_id__isnull=True, listing__owner_id=actor.id
    )
    return list(
        await Viewing.filter(mine, status=ViewingStatus.BOOKED, start_at__gte=start, start_at__lt=end)
        .order_by("start_at")
        .limit(limit)
        .select_related("listing", "client", "wechat_user")
    )


@dataclass
class MemberLoad:
    name: str
    due: int
    overdue: int


async def team_load(
    *, manager: Account, day: date, settings: Settings, now: datetime | None = None, until: date | None = None
) -> list[MemberLoad]:
    """For a manager (or admin): each team member's due (on ``day``, or through ``until``) and overdue
    follow-ups, busiest first.

    Admins see every active account's load; managers their own team's.
    """
    start, end, cutoff = _window(day, now, settings, until)
    members = Account.filter(active=True).exclude(id=manager.id).exclude(role=Role.PARTNER)
    if manager.role != Role.ADMIN:
        members = members.filter(manager_id=manager.id)
    names = dict(await members.values_list("id", "name"))
    if not names:
        return []
    pending = FollowUp.filter(client__owner_id__in=list(names), done=False, next_at__not_isnull=True)

    async def counts(query) -> dict[int, int]:
        rows = await query.annotate(n=Count("id")).group_by("client__owner_id").values_list("client__owner_id", "n")
        return dict(rows)

    due = await counts(pending.filter(next_at__gte=start, next_at__lt=end))
    overdue = await counts(pending.filter(next_at__lt=cutoff))
    loads = [MemberLoad(name, due.get(id_, 0), overdue.get(id_, 0)) for id_, name in names.items()]
    return sorted((m for m in loads if m.due or m.overdue), key=lambda m: (-m.overdue, -m.due, m.name))


async def planned(
    *, actor: Account, since: datetime, until: datetime, owner_id: int | None = None, limit: int = 500
) -> list[FollowUp]:
    """The team's calendar: planned follow-ups (not superseded) between ``since`` and ``until`` of the clients
    ``actor`` may see, by time."""
    query = permissions.visible_followups(actor).filter(done=False, next_at__gte=since, next_at__lt=until)
    if owner_id is not None:
        query = query.filter(client__owner_id=owner_id)
    return list(await query.order_by("next_at").limit(limit).select_related("client", "client__owner"))


async def overdue(*, actor: Account, now: datetime, owner_id: int | None = None, limit: int = 500) -> list[FollowUp]:
    """Planned follow-ups whose time has passed without a newer contact, oldest first."""
    query = permissions.visible_followups(actor).filter(done=False, next_at__lt=now)
    if owner_id is not None:
        query = query.filter(client__owner_id=owner_id)
    return list(await query.order_by("next_at").limit(limit).select_related("client", "client__owner"))
