"""Daily rollups the dashboard reads instead of scanning raw rows (models.kpis).

- ``rebuild_day(day)``: one business day of H5 tracking (per credited account
  and channel, forwarding depth, sharers, first-time visitors, active users),
  the day's Redis counters (chat intents, requests per route, mini-program
  users), DAU/MAU and the retention cohorts the day completes;
- ``rebuild_milestones()``: when each client reached each funnel step.

Every rebuild replaces what it computes from the raw rows, so running it
again (or in two workers at once, one after the other) gives the same rows.
The worker runs ``refresh`` every ``ROLLUP_EVERY_MIN`` minutes for today and
yesterday; ``python -m app rollup --days N`` rebuilds older days.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from arq import cron
from redis.asyncio import Redis
from tortoise.expressions import Subquery
from tortoise.functions import Count, Max, Min, Sum
from tortoise.transactions import in_transaction

from core.config import Settings
from models import (
    ActiveDay,
    Client,
    ClientMilestones,
    Deal,
    EndpointDaily,
    Favorite,
    FirstSeen,
    FollowUp,
    IntentDaily,
    ListingShareDaily,
    Requirement,
    Retention,
    SharerDay,
    StageChange,
    TrackDaily,
    TrackEvent,
    UsageDaily,
    UserFirstView,
    ViewDepth,
    Viewing,
)
from models.enums import DealStatus, EventKind, Stage, ViewingStatus
from services import metrics
from services.resources import Resources
from services.tasks import task

log = logging.getLogger(__name__)

H5, MINIAPP = "h5", "miniapp"
SURFACES = (H5, MINIAPP)
RETENTION_DAYS = (1, 7, 30)
MAU_DAYS = 30
CHUNK = 1000
ROLLUP_EVERY_MIN = 10
ROLLED_AT_KEY = "kpi:rolled_at"
MINIAPP_MS_PER_USER_DAY = 12 * 3600 * 1000
"""More mini-program time than this for one user in a day is a stuck or forged reporter, not reading."""
REQUIREMENT_BOUNDS = (
    "deal_type",
    "property_type",
    "region",
    "area_min",
    "area_max",
    "ceiling_height_min",
    "floor_load_min",
    "power_kva_min",
    "rent_max",
    "budget_month_max",
    "sale_price_max",
    "sale_total_max",
)


def day_range(day: date, tz: str) -> tuple[datetime, datetime]:
    """The UTC instants [start, end) of a business day."""
    zone = ZoneInfo(tz)
    start = datetime.combine(day, time(0), zone)
    return start.astimezone(timezone.utc), (start + timedelta(days=1)).astimezone(timezone.utc)


def local_day(at: datetime, tz: str) -> date:
    return at.astimezone(ZoneInfo(tz)).date()


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


# ---- one day ----------------------------------------------------------------------------------------


async def rebuild_day(resources: Resources, day: date) -> None:
    await _tracking_day(resources.settings, day)
    await _counters_day(resources.redis, day)
    miniapp_ms = await _miniapp_time(resources.redis, day)
    for surface in SURFACES:
        await _usage_day(surface, day, miniapp_ms=miniapp_ms)
        for cohort in (day, *(day - timedelta(days=n) for n in RETENTION_DAYS)):
            await _retention(surface, cohort)


@dataclass
class _Group:
    views: int = 0
    shares: int = 0
    share_setups: int = 0
    consults: int = 0
    poster_scans: int = 0
    dwell_ms: int = 0
    new_visitors: int = 0
    new_via_share: int = 0
    depth_max: int = 0
    depth_sum: int = 0
    dwell_by_token: dict[str, int] = field(default_factory=dict)


async def _tracking_day(settings: Settings, day: date) -> None:
    since, until = day_range(day, settings.timezone)
    events = (
        await TrackEvent.filter(happened_at__gte=since, happened_at__lt=until)
        .order_by("happened_at", "id")
        .values(
            "kind",
            "token",
            "parent_token",
            "visitor",
            "sharer_id",
            "channel",
            "value",
            "wechat_user_id",
            "happened_at",
            "listing_id",
        )
    )
    views = [e for e in events if e["kind"] == EventKind.VIEW]
    view_of = {v["token"]: v for v in views}
    outside = list({v["parent_token"] for v in views if v["parent_token"] and v["parent_token"] not in view_of})
    parents: dict[str, dict] = {}
    depths: dict[str, int] = {}
    for tokens in _chunks(outside):
        for row in await TrackEvent.filter(kind=EventKind.VIEW, token__in=tokens).values(
            "token", "visitor", "sharer_id"
        ):
            parents[row["token"]] = row
        depths.update(await ViewDepth.filter(token__in=tokens).values_list("token", "depth"))
    groups: dict[tuple[int, str], _Group] = defaultdict(_Group)
    sharers: dict[str, int] = {}
    listing_shares: dict[int, int] = defaultdict(int)
    child_depths: list[ViewDepth] = []
    for view in views:
        group = groups[(view["sharer_id"] or 0, view["channel"])]
        group.views += 1
        parent_token = view["parent_token"]
        if parent_token:
            parent = view_of.get(parent_token) or parents.get(parent_token)
            depth = depths.get(parent_token, 0) + 1
            depths[view["token"]] = depth
            child_depths.append(ViewDepth(token=view["token"], depth=depth))
            group.shares += 1
            if view["listing_id"] is not None:
                listing_shares[view["listing_id"]] += 1
            group.depth_sum += depth
            group.depth_max = max(group.depth_max, depth)
            if parent is not None:
                sharers.setdefault(parent["visitor"], parent["sharer_id"] or 0)
    for event in events:
        group = groups[(event["sharer_id"] or 0, event["channel"])]
        kind = event["kind"]
        if kind == EventKind.SHARE:
            group.share_setups += 1
        elif kind == EventKind.CONSULT:
            group.consults += 1
        elif kind == EventKind.POSTER_SCAN:
            group.poster_scans += 1
        elif kind == EventKind.DWELL:  # a heartbeat carries the view's reading time so far: keep the largest
            group.dwell_by_token[event["token"]] = max(group.dwell_by_token.get(event["token"], 0), event["value"] or 0)
    first_views: dict[str, dict] = {}
    for view in views:
        first_views.setdefault(view["visitor"], view)
    new = await _first_seen(H5, day, list(first_views))
    for visitor in new:
        view = first_views[visitor]
        group = groups[(view["sharer_id"] or 0, view["channel"])]
        group.new_visitors += 1
        group.new_via_share += 1 if view["parent_token"] else 0
    opened_at: dict[int, datetime] = {}
    for view in views:  # in time order: the first one of each user is the earliest
        if view["wechat_user_id"]:
            opened_at.setdefault(view["wechat_user_id"], view["happened_at"])
    async with in_transaction():
        await TrackDaily.filter(day=day).delete()
        await TrackDaily.bulk_create(
            [
                TrackDaily(
                    day=day,
                    sharer_id=sharer_id,
                    channel=channel[:16],
                    views=g.views,
                    shares=g.shares,
                    share_setups=g.share_setups,
                    consults=g.consults,
                    poster_scans=g.poster_scans,
                    dwell_ms=sum(g.dwell_by_token.values()),
                    new_visitors=g.new_visitors,
                    new_via_share=g.new_via_share,
                    depth_max=g.depth_max,
                    depth_sum=g.depth_sum,
                )
                for (sharer_id, channel), g in groups.items()
            ],
            batch_size=CHUNK,
        )
        tokens = [row.token for row in child_depths]
        for chunk in _chunks(tokens):
            await ViewDepth.filter(token__in=chunk).delete()
        await ViewDepth.bulk_create(child_depths, batch_size=CHUNK)
        await ListingShareDaily.filter(day=day).delete()
        await ListingShareDaily.bulk_create(
            [ListingShareDaily(day=day, listing_id=lid, shares=n) for lid, n in listing_shares.items()],
            batch_size=CHUNK,
        )
        await _replace_sharers(day, sharers)
        await _replace_active(H5, day, {e["visitor"] for e in events})
        await _keep_earliest_open(opened_at)


async def _replace_sharers(day: date, sharers: dict[str, int]) -> None:
    """The day's sharers, each with the last earlier day they shared (``prev_day``), and the next later row of each
    pointed back at this day; so the distinct sharers of a period are its rows whose previous day is before it."""
    await SharerDay.filter(day=day).delete()
    visitors = list(sharers)
    rows = []
    for chunk in _chunks(visitors):
        before = dict(
            await SharerDay.filter(visitor__in=chunk, day__lt=day)
            .annotate(last=Max("day"))
            .group_by("visitor")
            .values_list("visitor", "last")
        )
        rows += [SharerDay(day=day, visitor=v, sharer_id=sharers[v], prev_day=before.get(v)) for v in chunk]
        after = (
            await SharerDay.filter(visitor__in=chunk, day__gt=day)
            .annotate(first=Min("day"))
            .group_by("visitor")
            .values_list("visitor", "first")
        )
        for visitor, first in after:
            await SharerDay.filter(visitor=visitor, day=first).update(prev_day=day)
    await SharerDay.bulk_create(rows, batch_size=CHUNK)


async def _keep_earliest_open(opened: dict[int, datetime]) -> None:
    users = list(opened)
    for chunk in _chunks(users):
        known = dict(await UserFirstView.filter(wechat_user_id__in=chunk).values_list("wechat_user_id", "first_at"))
        fresh = [UserFirstView(wechat_user_id=u, first_at=opened[u]) for u in chunk if u not in known]
        await UserFirstView.bulk_create(fresh)
        for user in chunk:
            if user in known and opened[user] < known[user]:
                await UserFirstView.filter(wechat_user_id=user).update(first_at=opened[user])


async def _first_seen(surface: str, day: date, subjects: list[str]) -> set[str]:
    """Record the subjects' first day (keeping an earlier one); returns those first seen on ``day``."""
    new: set[str] = set()
    for chunk in _chunks(subjects):
        known = dict(await FirstSeen.filter(surface=surface, subject__in=chunk).values_list("subject", "first_day"))
        await FirstSeen.bulk_create(
            [FirstSeen(surface=surface, subject=s, first_day=day) for s in chunk if s not in known]
        )
        later = [s for s, first in known.items() if first > day]
        if later:
            await FirstSeen.filter(surface=surface, subject__in=later).update(first_day=day)
        new.update(s for s in chunk if s not in known or known[s] >= day)
    return new


async def _replace_active(surface: str, day: date, subjects: set[str]) -> None:
    await ActiveDay.filter(surface=surface, day=day).delete()
    await ActiveDay.bulk_create(
        [ActiveDay(surface=surface, day=day, subject=s[:24]) for s in subjects], batch_size=CHUNK
    )


async def _counters_day(redis: Redis, day: date) -> None:
    """The day's Redis counters into tables; a day whose keys have expired keeps the rows it has."""
    intents = metrics.decode_hash(await redis.hgetall(metrics.intents_day_key(day)))  # type: ignore[misc]
    if intents:
        async with in_transaction():
            await IntentDaily.filter(day=day).delete()
            await IntentDaily.bulk_create(
                [IntentDaily(day=day, intent=name[:32], replies=n) for name, n in intents.items()]
            )
    http = metrics.decode_hash(await redis.hgetall(metrics.http_day_key(day)))  # type: ignore[misc]
    if http:
        routes: dict[str, EndpointDaily] = {}
        for key, n in http.items():
            route, _, part = key.rpartition("|")
            row = routes.setdefault(
                route, EndpointDaily(day=day, route=route[:96], buckets=[0] * (len(metrics.BUCKETS_MS) + 1))
            )
            if part == "n":
                row.requests = n
            elif part == "e":
                row.errors = n
            elif part.startswith("b") and part[1:].isdigit() and int(part[1:]) < len(row.buckets):
                row.buckets[int(part[1:])] = n
        async with in_transaction():
            await EndpointDaily.filter(day=day).delete()
            await EndpointDaily.bulk_create(list(routes.values()))
    users = await redis.smembers(metrics.miniapp_users_day_key(day))  # type: ignore[misc]
    if users:
        subjects = {u.decode() if isinstance(u, bytes) else u for u in users}
        await _first_seen(MINIAPP, day, sorted(subjects))
        async with in_transaction():
            await _replace_active(MINIAPP, day, subjects)


async def _miniapp_time(redis: Redis, day: date) -> int | None:
    """The day's mini-program foreground time (each user capped at ``MINIAPP_MS_PER_USER_DAY``); None once the
    day's key has expired, so an older day keeps what it has."""
    per_user = metrics.decode_hash(await redis.hgetall(metrics.miniapp_time_day_key(day)))  # type: ignore[misc]
    if not per_user:
        return None
    return sum(min(max(ms, 0), MINIAPP_MS_PER_USER_DAY) for ms in per_user.values())


async def _usage_day(surface: str, day: date, *, miniapp_ms: int | None) -> None:
    dau = await ActiveDay.filter(surface=surface, day=day).count()
    mau = (
        await ActiveDay.filter(surface=surface, day__gt=day - timedelta(days=MAU_DAYS), day__lte=day)
        .annotate(n=Count("subject", distinct=True))
        .values("n")
    )
    new = await FirstSeen.filter(surface=surface, first_day=day).count()
    values = {"dau": dau, "mau": mau[0]["n"] if mau else 0, "new": new}
    if surface == H5:
        rows = await TrackDaily.filter(day=day).annotate(ms=Sum("dwell_ms")).values("ms")
        values["time_ms"] = int(rows[0]["ms"] or 0) if rows else 0
    elif miniapp_ms is not None:
        values["time_ms"] = miniapp_ms
    await UsageDaily.update_or_create(values, surface=surface, day=day)


async def _retention(surface: str, cohort: date) -> None:
    members = FirstSeen.filter(surface=surface, first_day=cohort)
    values = {"size": await members.count()}
    for n in RETENTION_DAYS:
        values[f"d{n}"] = await ActiveDay.filter(
            surface=surface, day=cohort + timedelta(days=n), subject__in=Subquery(members.values("subject"))
        ).count()
    if values["size"]:
        await Retention.update_or_create(values, surface=surface, cohort_day=cohort)
    else:
        await Retention.filter(surface=surface, cohort_day=cohort).delete()


# ---- funnel milestones ------------------------------------------------------------------------------


async def rebuild_milestones() -> int:
    """Every live client's milestones (deleted ones drop out), 1000 clients at a time; returns how many."""
    ids = await Client.live().order_by("id").values_list("id", flat=True)
    low = 0  # each chunk replaces every row from the end of the previous one, so deleted clients drop out
    for chunk in _chunks(list(ids)):
        rows = await _milestones(chunk)
        async with in_transaction():
            await ClientMilestones.filter(client_id__gte=low, client_id__lte=chunk[-1]).delete()
            await ClientMilestones.bulk_create(rows, batch_size=CHUNK)
        low = chunk[-1] + 1
    await ClientMilestones.filter(client_id__gte=low).delete()
    return len(ids)


def _earliest(*values: datetime | None) -> datetime | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


async def _firsts(query, key: str, at: str) -> dict:
    rows = await query.annotate(first=Min(at)).group_by(key).values(key, "first")
    return {row[key]: row["first"] for row in rows}


async def _milestones(chunk: list[int]) -> list[ClientMilestones]:
    clients = (
        await Client.live()
        .filter(id__in=chunk)
        .values("id", "owner_id", "source", "created_at", "stage", "wechat_user_id", "next_followup_at")
    )
    users = [c["wechat_user_id"] for c in clients if c["wechat_user_id"]]
    requirements = {
        row["client_id"]: row
        for row in await Requirement.filter(client_id__in=chunk).values("client_id", "updated_at", *REQUIREMENT_BOUNDS)
    }
    contacted = await _firsts(FollowUp.filter(client_id__in=chunk), "client_id", "happened_at")
    wrote = await _firsts(FollowUp.filter(client_id__in=chunk, by_client=True), "client_id", "happened_at")
    stages: dict[tuple[int, str], datetime] = {}
    for row in (
        await StageChange.filter(client_id__in=chunk)
        .annotate(first=Min("changed_at"))
        .group_by("client_id", "to_stage")
        .values("client_id", "to_stage", "first")
    ):
        stages[(row["client_id"], getattr(row["to_stage"], "value", row["to_stage"]))] = row["first"]
    booked_query = Viewing.filter(client_id__in=chunk).exclude(status=ViewingStatus.CANCELLED)
    booked = await _firsts(booked_query, "client_id", "created_at")
    viewed = await _firsts(booked_query, "client_id", "start_at")
    consulted = await _firsts(TrackEvent.filter(kind=EventKind.CONSULT, value__in=chunk), "value", "happened_at")
    favorited = (
        await _firsts(Favorite.filter(wechat_user_id__in=users), "wechat_user_id", "created_at") if users else {}
    )
    opened = (
        dict(await UserFirstView.filter(wechat_user_id__in=users).values_list("wechat_user_id", "first_at"))
        if users
        else {}
    )
    signed: dict[int, datetime] = {}
    deals: dict[int, int] = defaultdict(int)
    for row in (
        await Deal.filter(client_id__in=chunk).exclude(status=DealStatus.CANCELLED).values("client_id", "signed_at")
    ):
        deals[row["client_id"]] += 1
        signed[row["client_id"]] = _earliest(signed.get(row["client_id"]), row["signed_at"])  # type: ignore[assignment]
    rows = []
    for c in clients:
        cid, user = c["id"], c["wechat_user_id"]
        won_at = _earliest(signed.get(cid), stages.get((cid, Stage.WON.value)))
        negotiating_at = _earliest(stages.get((cid, Stage.NEGOTIATING.value)), won_at)
        viewing_at = _earliest(stages.get((cid, Stage.VIEWING.value)), viewed.get(cid), negotiating_at)
        interest_at = _earliest(wrote.get(cid), consulted.get(cid), favorited.get(user), booked.get(cid), viewing_at)
        pushed_at = _earliest(opened.get(user), interest_at)
        requirement = requirements.get(cid)
        stated = requirement is not None and any(requirement[b] is not None for b in REQUIREMENT_BOUNDS)
        requirement_at = _earliest(requirement["updated_at"] if stated else None, pushed_at)  # type: ignore[index]
        rows.append(
            ClientMilestones(
                client_id=cid,
                owner_id=c["owner_id"],
                source=getattr(c["source"], "value", c["source"]),
                created_at=c["created_at"],
                first_contact_at=_earliest(c["created_at"], contacted.get(cid)),
                requirement_at=requirement_at,
                pushed_at=pushed_at,
                interest_at=interest_at,
                viewing_at=viewing_at,
                negotiating_at=negotiating_at,
                won_at=won_at,
                lost=getattr(c["stage"], "value", c["stage"]) == Stage.LOST.value,
                deals=deals[cid],
                next_followup_at=c["next_followup_at"],
            )
        )
    return rows


# ---- the job ----------------------------------------------------------------------------------------


async def refresh(resources: Resources, *, days: int = 2, now: datetime | None = None) -> None:
    """Rebuild the last ``days`` business days (oldest first) and every client's milestones."""
    now = now or datetime.now(timezone.utc)
    today = local_day(now, resources.settings.timezone)
    for back in range(days - 1, -1, -1):
        await rebuild_day(resources, today - timedelta(days=back))
    await rebuild_milestones()
    await resources.redis.set(ROLLED_AT_KEY, now.isoformat())


@task()
async def refresh_rollups(ctx: dict) -> None:
    await refresh(ctx["resources"])


def cron_jobs(settings: Settings) -> list:
    return [
        cron(
            refresh_rollups,
            minute=set(range(0, 60, ROLLUP_EVERY_MIN)),
            run_at_startup=False,
            unique=True,
            timeout=600,
        )
    ]
