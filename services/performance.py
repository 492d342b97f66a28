"""What salespeople did: their own figures, a manager's view of the team, a colleague's clients and follow-ups.

Scope is the one of ``permissions.manages``: a salesperson sees only themself, a manager their team (and
themself), an admin every salesperson. Figures count what happened in a period:

- new clients: clients the member owns that were created in it;
- follow-ups: notes the member wrote (not a client's own words);
- viewings: notes of the member that record a viewing (带看), and mini-program viewings booked at their
  clients for a time in it (not cancelled);
- deals: clients of the member moved to won in it, and the first-year rent or sale price of the deals
  recorded with their terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.functions import Sum

from core.config import Settings
from models import Account, Client, Deal, FollowUp, StageChange, Viewing
from models.enums import DealStatus, Role, Stage, ViewingStatus
from nlp import Period
from services import permissions
from services.errors import AccountNotFound, OutsideYourTeam


@dataclass(frozen=True)
class Span:
    """A period of figures: ``start`` included, ``end`` excluded, and how a reply names it."""

    label: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Figures:
    new_clients: int
    followups: int
    viewings: int
    deals: int
    deal_size_fen: int


@dataclass(frozen=True)
class MemberFigures:
    account: Account
    figures: Figures


_LABELS = {
    Period.TODAY: "今天",
    Period.YESTERDAY: "昨天",
    Period.WEEK: "本周",
    Period.LAST_WEEK: "上周",
    Period.MONTH: "本月",
    Period.LAST_MONTH: "上月",
}


def span(period: Period | str, *, now: datetime, settings: Settings) -> Span:
    """The calendar ``period`` around ``now`` in the agency's zone (weeks start on Monday)."""
    tz = ZoneInfo(settings.timezone)
    today = now.astimezone(tz).date()
    period = Period(period)
    if period in (Period.TODAY, Period.YESTERDAY):
        first = today - timedelta(days=0 if period == Period.TODAY else 1)
        last = first + timedelta(days=1)
    elif period in (Period.WEEK, Period.LAST_WEEK):
        first = today - timedelta(days=today.weekday() + (7 if period == Period.LAST_WEEK else 0))
        last = first + timedelta(days=7)
    else:
        first = today.replace(day=1)
        if period == Period.LAST_MONTH:
            first = (first - timedelta(days=1)).replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1)
    return Span(_LABELS[period], _start_of(first, tz), _start_of(last, tz))


def day_span(day: date, *, settings: Settings, label: str) -> Span:
    tz = ZoneInfo(settings.timezone)
    return Span(label, _start_of(day, tz), _start_of(day + timedelta(days=1), tz))


def _start_of(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tz)


async def figures(member_ids: list[int], within: Span) -> dict[int, Figures]:
    """Each member's figures in ``within`` (no permission check: callers pass members they may see)."""
    if not member_ids:
        return {}
    between = {"__gte": within.start, "__lt": within.end}

    def window(field: str) -> dict:
        return {field + op: value for op, value in between.items()}

    async def per_member(rows) -> dict[int, int]:
        counts: dict[int, int] = {}
        for member_id in rows:
            counts[member_id] = counts.get(member_id, 0) + 1
        return counts

    new_clients = await per_member(
        await Client.live().filter(owner_id__in=member_ids, **window("created_at")).values_list("owner_id", flat=True)
    )
    followups = await per_member(
        await FollowUp.filter(author_id__in=member_ids, by_client=False, **window("happened_at")).values_list(
            "author_id", flat=True
        )
    )
    noted_viewings = await per_member(
        await FollowUp.filter(
            author_id__in=member_ids, by_client=False, stage=Stage.VIEWING, **window("happened_at")
        ).values_list("author_id", flat=True)
    )
    booked_viewings = await per_member(
        await Viewing.filter(client__owner_id__in=member_ids, **window("start_at"))
        .exclude(status=ViewingStatus.CANCELLED)
        .values_list("client__owner_id", flat=True)
    )
    wins = await per_member(
        await StageChange.filter(
            client__owner_id__in=member_ids, to_stage=Stage.WON, **window("changed_at")
        ).values_list("client__owner_id", flat=True)
    )
    sizes = dict(
        await Deal.filter(client__owner_id__in=member_ids, **window("signed_at"))
        .exclude(status=DealStatus.CANCELLED)
        .annotate(total=Sum("size_fen"))
        .group_by("client__owner_id")
        .values_list("client__owner_id", "total")
    )
    return {
        member_id: Figures(
            new_clients=new_clients.get(member_id, 0),
            followups=followups.get(member_id, 0),
            viewings=noted_viewings.get(member_id, 0) + booked_viewings.get(member_id, 0),
            deals=wins.get(member_id, 0),
            deal_size_fen=int(sizes.get(member_id) or 0),
        )
        for member_id in member_ids
    }


async def own(*, actor: Account, spans: list[Span]) -> list[tuple[Span, Figures]]:
    """``actor``'s own figures for each span (我的数据: this week and this month)."""
    return [(s, (await figures([actor.id], s))[actor.id]) for s in spans]


async def figures_of(*, actor: Account, name: str, spans: list[Span]) -> tuple[Account, list[tuple[Span, Figures]]]:
    """A colleague's figures for each span (``张三这周的数据``), if ``actor`` may see their work."""
    whose = await member(actor=actor, name=name)
    return whose, await own(actor=whose, spans=spans)


async def team(*, actor: Account, within: Span) -> list[MemberFigures]:
    """Each salesperson ``actor`` manages (and ``actor``), most deals and follow-ups first; managers only."""
    permissions.ensure_manager(actor, "view_team")
    members = Account.filter(active=True).exclude(role=Role.PARTNER)
    if not permissions.sees_all(actor):
        members = members.filter(manager_id=actor.id)
    accounts = [actor, *[m for m in await members if m.id != actor.id]]
    found = await figures([a.id for a in accounts], within)
    rows = [MemberFigures(a, found[a.id]) for a in accounts]
    return sorted(rows, key=lambda r: (-r.figures.deals, -r.figures.followups, -r.figures.viewings, r.account.name))


async def member(*, actor: Account, name: str) -> Account:
    """The colleague named, if ``actor`` may see their work: themself, their team (managers), anyone (admins)."""
    found = await Account.filter(name=name, active=True).exclude(role=Role.PARTNER).first()
    if found is not None and found.id == actor.id:
        return found
    permissions.ensure_manager(actor, "view_team")
    if found is None:
        raise AccountNotFound(name)
    if not await permissions.manages(actor, found.id):
        raise OutsideYourTeam(found)
    return found


async def clients_of(*, actor: Account, name: str, limit: int = 30) -> tuple[Account, list[Client], int]:
    """A colleague's clients (most recently active first) and how many they own in all."""
    owner = await member(actor=actor, name=name)
    owned = Client.live().filter(owner_id=owner.id, duplicate_of_id=None)
    return owner, list(await owned.order_by("-updated_at").limit(limit)), await owned.count()


async def followups_of(*, actor: Account, name: str, within: Span, limit: int = 30) -> tuple[Account, list[FollowUp]]:
    """A colleague's follow-up notes in ``within``, in the order they happened."""
    author = await member(actor=actor, name=name)
    notes = (
        FollowUp.filter(author_id=author.id, by_client=False, happened_at__gte=within.start, happened_at__lt=within.end)
        .select_related("client")
        .order_by("happened_at")
        .limit(limit)
    )
    return author, list(await notes)
