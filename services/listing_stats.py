"""Figures of the H5 pages: per listing, per sharer and per channel, and the forwarding tree of a listing.

- views: page views; visitors: distinct visitors among them;
- avg_dwell_s: the mean, over views that reported reading time, of each view's
  reading time (visible time only, capped per view at ``h5.dwell_cap_s``);
- shares: visits that arrived through a shared link (child views);
- poster_scans, consultations: those events;
- viewings, deals: for a listing, its booked viewings and its closing (any
  source); for a sharer or channel, the viewings booked and deals won by the
  clients who consulted through it.

The forwarding tree links each child view to the view whose link it came
through: depth is its longest chain, branching the mean number of visits a
shared view brought, and the fission coefficient the new visitors brought per
sharer (visitors whose first visit to the listing was through someone's link,
divided by the visitors whose links brought anyone).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.functions import Count, Max

from models import Account, Listing, ListingStatusChange, StageChange, TrackEvent, Viewing
from models.enums import EventKind, ListingStatus, Role, Stage, ViewingStatus
from services import tracking
from services.errors import ListingNotFound, StaffOnly
from services.resources import Resources

GROUPS = {"listing": "listing_id", "sharer": "sharer_id", "channel": "channel"}
STAFF = (Role.ADMIN, Role.MANAGER, Role.SALES)


@dataclass
class Figures:
    views: int = 0
    visitors: int = 0
    avg_dwell_s: int = 0
    shares: int = 0
    poster_scans: int = 0
    consultations: int = 0
    viewings: int = 0
    deals: int = 0


@dataclass
class Tree:
    depth: int = 0
    branching: float = 0.0
    max_branching: int = 0
    sharers: int = 0
    new_visitors: int = 0
    fission: float = 0.0


@dataclass
class Row:
    key: int | str | None
    name: str
    figures: Figures = field(default_factory=Figures)
    tree: Tree | None = None

    def as_json(self) -> dict:
        out = {"key": self.key, "name": self.name, **asdict(self.figures)}
        if self.tree is not None:
            out["tree"] = asdict(self.tree)
        return out


async def figures(by: str, *, since: datetime, until: datetime, listing_id: int | None = None) -> dict:
    """``{key: Figures}`` grouped ``by`` listing, sharer or channel, for events in [since, until)."""
    column = GROUPS[by]
    window = TrackEvent.filter(happened_at__gte=since, happened_at__lt=until)
    if listing_id is not None:
        window = window.filter(listing_id=listing_id)
    out: dict = defaultdict(Figures)
    counts = await window.annotate(n=Count("id")).group_by(column, "kind").values(column, "kind", "n")
    names = {EventKind.VIEW: "views", EventKind.POSTER_SCAN: "poster_scans", EventKind.CONSULT: "consultations"}
    for row in counts:
        kind = EventKind(row["kind"])
        if kind in names:
            setattr(out[row[column]], names[kind], row["n"])
    for row in (
        await window.filter(kind=EventKind.VIEW)
        .annotate(n=Count("visitor", distinct=True))
        .group_by(column)
        .values(column, "n")
    ):
        out[row[column]].visitors = row["n"]
    for row in (
        await window.filter(kind=EventKind.VIEW, parent_token__not_isnull=True)
        .annotate(n=Count("id"))
        .group_by(column)
        .values(column, "n")
    ):
        out[row[column]].shares = row["n"]
    dwell: dict = defaultdict(list)
    for row in (
        await window.filter(kind=EventKind.DWELL)
        .annotate(ms=Max("value"))
        .group_by("token", column)
        .values(column, "ms")
    ):
        dwell[row[column]].append(row["ms"] or 0)
    for key, values in dwell.items():
        out[key].avg_dwell_s = round(sum(values) / len(values) / 1000)
    if by == "listing":
        await _listing_outcomes(out, since, until, listing_id)
    else:
        await _consulted_outcomes(out, column, since, until)
    return dict(out)


async def _listing_outcomes(out: dict, since: datetime, until: datetime, listing_id: int | None) -> None:
    viewings = Viewing.filter(created_at__gte=since, created_at__lt=until).exclude(status=ViewingStatus.CANCELLED)
    closings = ListingStatusChange.filter(changed_at__gte=since, changed_at__lt=until, to_status=ListingStatus.CLOSED)
    if listing_id is not None:
        viewings, closings = viewings.filter(listing_id=listing_id), closings.filter(listing_id=listing_id)
    for row in await viewings.annotate(n=Count("id")).group_by("listing_id").values("listing_id", "n"):
        out[row["listing_id"]].viewings = row["n"]
    for row in await closings.annotate(n=Count("id")).group_by("listing_id").values("listing_id", "n"):
        out[row["listing_id"]].deals = row["n"]


async def _consulted_outcomes(out: dict, column: str, since: datetime, until: datetime) -> None:
    """Viewings and deals of the clients who consulted through each sharer or channel (ever, up to ``until``)."""
    consulted = await TrackEvent.filter(kind=EventKind.CONSULT, happened_at__lt=until, value__not_isnull=True).values(
        column, "value"
    )
    groups: dict = defaultdict(set)
    for row in consulted:
        groups[row[column]].add(row["value"])
    clients = {client for members in groups.values() for client in members}
    if not clients:
        return
    viewings = defaultdict(int)
    for row in (
        await Viewing.filter(client_id__in=list(clients), created_at__gte=since, created_at__lt=until)
        .exclude(status=ViewingStatus.CANCELLED)
        .annotate(n=Count("id"))
        .group_by("client_id")
        .values("client_id", "n")
    ):
        viewings[row["client_id"]] = row["n"]
    won = set(
        await StageChange.filter(
            client_id__in=list(clients), to_stage=Stage.WON, changed_at__gte=since, changed_at__lt=until
        ).values_list("client_id", flat=True)
    )
    for key, members in groups.items():
        if sum(viewings[c] for c in members) or members & won:
            out[key].viewings = sum(viewings[c] for c in members)
            out[key].deals = len(members & won)


async def tree(listing_id: int, *, since: datetime, until: datetime) -> Tree:
    """The forwarding tree of a listing's views in [since, until)."""
    views = (
        await TrackEvent.filter(
            kind=EventKind.VIEW, listing_id=listing_id, happened_at__gte=since, happened_at__lt=until
        )
        .order_by("happened_at", "id")
        .values("token", "parent_token", "visitor")
    )
    return shape(views)


def shape(views: list[dict]) -> Tree:
    """Depth, branching and fission of views in time order (``token``, ``parent_token``, ``visitor``)."""
    by_token = {v["token"]: v for v in views}
    children: dict[str, int] = defaultdict(int)
    depth: dict[str, int] = {}
    first_seen: dict[str, dict] = {}
    for view in views:
        parent = by_token.get(view["parent_token"]) if view["parent_token"] else None
        depth[view["token"]] = depth.get(parent["token"], 0) + 1 if parent else 0
        if parent is not None:
            children[parent["token"]] += 1
        first_seen.setdefault(view["visitor"], view)
    sharers = {by_token[token]["visitor"] for token in children}
    brought = sum(1 for view in first_seen.values() if view["parent_token"] in by_token)
    return Tree(
        depth=max(depth.values(), default=0),
        branching=round(sum(children.values()) / len(children), 2) if children else 0.0,
        max_branching=max(children.values(), default=0),
        sharers=len(sharers),
        new_visitors=brought,
        fission=round(brought / len(sharers), 2) if sharers else 0.0,
    )


async def report(*, since: datetime, until: datetime, resources: Resources | None = None) -> dict[str, list[Row]]:
    """Every listing, sharer and channel with activity in the window, busiest first (``stats listings``)."""
    if resources is not None:
        await tracking.flush(resources.redis, settings=resources.settings)
    out: dict[str, list[Row]] = {}
    for by in GROUPS:
        found = await figures(by, since=since, until=until)
        names = await _names(by, [key for key in found if key is not None])
        rows = [
            Row(key, names.get(key, "-" if key is None else str(key)), value)
            for key, value in found.items()
            if by != "listing" or key is not None
        ]
        if by == "listing":
            for row in rows:
                row.tree = await tree(int(row.key or 0), since=since, until=until)
        rows.sort(key=lambda r: (-r.figures.views, -r.figures.consultations, str(r.key)))
        out[by] = rows
    return out


async def _names(by: str, keys: list) -> dict:
    if by == "listing":
        return {
            r["id"]: f"{r['code']} {r['title']}"
            for r in await Listing.filter(id__in=keys).values("id", "code", "title")
        }
    if by == "sharer":
        return dict(await Account.filter(id__in=keys).values_list("id", "name"))
    return {key: key for key in keys}


async def for_listing(resources: Resources, *, actor: Account, code: str, now: datetime | None = None) -> dict:
    """``A12 数据``: today's and the last 7 days' figures of a listing (business time zone), for staff."""
    if actor.role not in STAFF or not actor.active:
        raise StaffOnly("listing_figures")
    listing = await Listing.filter(code=code.strip().upper()[:32]).first()
    if listing is None:
        raise ListingNotFound(code)
    await tracking.flush(resources.redis, settings=resources.settings)
    now = now or datetime.now(timezone.utc)
    local = now.astimezone(ZoneInfo(resources.settings.timezone))
    today = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
    week = today - timedelta(days=6)
    result: dict[str, Any] = {"code": listing.code, "title": listing.title}
    for name, since in (("today", today), ("week", week)):
        found = await figures("listing", since=since, until=now + timedelta(seconds=1), listing_id=listing.id)
        result[name] = found.get(listing.id, Figures())
    result["tree"] = await tree(listing.id, since=week, until=now + timedelta(seconds=1))
    return result
