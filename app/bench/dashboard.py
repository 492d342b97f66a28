"""``bench dashboard``: the dashboard's figures for 50 salespeople, 200k follow-ups and 1M tracking events.

Works in its own database (``--database-url``, default a SQLite file under data/), seeded once by bulk insert
and reused by later runs (``--reseed`` starts over): 5 teams of 10 salespeople, ``--clients`` clients with
``--followups`` follow-ups, stage changes, deals, viewings, ratings and spend, ``--events`` tracking events
over 90 days with forwarding chains, and 30 days of chat and request counters. Then it rebuilds the rollups
(timed: what the worker does every few minutes, and a 90-day backfill) and times ``kpis.dashboard`` for the
last 30 days as an admin, a manager and a salesperson. With ``--url`` (a server started on the same database
and Redis, e.g. ``DATABASE_URL=sqlite://data/bench-dashboard.sqlite3 python -m app serve --port 8016``) it
also times the page itself over HTTP (``GET /bo/`` for the same period, signed in as each role: figures,
template and transfer). Last line: JSON with p50/p95 per role.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import random
import statistics
import time
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
from tortoise import Tortoise

from app.bench.http import print_summary
from core import db
from core.config import Settings
from models import (
    Account,
    ChannelSpend,
    Client,
    Deal,
    EndpointDaily,
    FollowUp,
    IntentDaily,
    Listing,
    StageChange,
    TrackEvent,
    Viewing,
    ViewingRating,
)
from models.enums import DealType, EventKind, ReviewStatus, Role, Source, Stage, ViewingStatus
from services import commissions, kpis, metrics, rollups, staff_sessions
from services.resources import Resources

TEAMS, PER_TEAM = 5, 10
DAYS = 90
INTENTS = ("log_followup", "new_client", "client_info", "agenda", "match_client", "search_listings", "unknown")
ROUTES = ("/wechat", "/h5/listings/<code:str>", "/h5/events", "/api/mp/v1/listings", "/healthz")


def register(sub) -> None:
    p = sub.add_parser("dashboard", help="dashboard figures over 50 salespeople, 200k follow-ups, 1M events")
    p.add_argument("--database-url", default="sqlite://data/bench-dashboard.sqlite3")
    p.add_argument("--clients", type=int, default=20_000)
    p.add_argument("--followups", type=int, default=200_000)
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=20, help="timed dashboards per role")
    p.add_argument("--reseed", action="store_true", help="empty the bench database and seed it again")
    p.add_argument(
        "--url", help="also time GET /bo/ on this server (same database and Redis), e.g. http://127.0.0.1:8016"
    )
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    settings = dataclasses.replace(settings, database_url=args.database_url)
    return asyncio.run(_main(settings, args))


async def _main(settings: Settings, args) -> int:
    await db.migrate(settings)
    resources = await Resources.open(settings, check_pii_key=False)
    try:
        return await _run(resources, args)
    finally:
        await resources.close()


async def _run(resources: Resources, args) -> int:
    settings = resources.settings
    now = datetime.now(timezone.utc)
    seeded_s = None
    if args.reseed or not await Account.filter(name="bench-admin").exists():
        started = time.perf_counter()
        await _empty()
        await _seed(settings, args, now)
        seeded_s = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    await rollups.refresh(resources, days=2, now=now)
    refresh_s = time.perf_counter() - started
    backfill_s = None
    if seeded_s is not None:
        started = time.perf_counter()
        await rollups.refresh(resources, days=DAYS, now=now)
        backfill_s = round(time.perf_counter() - started, 1)
    today = rollups.local_day(now, settings.timezone)
    period = kpis.period_of(today - timedelta(days=29), today)
    admin = await Account.get(name="bench-admin")
    manager = await Account.filter(role=Role.MANAGER, name__startswith="bench-").order_by("id").first()
    sales = await Account.filter(role=Role.SALES, name__startswith="bench-").order_by("id").first()
    summary: dict[str, Any] = {
        "bench": "dashboard",
        "database": settings.database_url.split(":", 1)[0],
        "salespeople": await Account.filter(role=Role.SALES).count(),
        "clients": await Client.all().count(),
        "followups": await FollowUp.all().count(),
        "track_events": await TrackEvent.all().count(),
        "seed_s": seeded_s,
        "rollup_refresh_s": round(refresh_s, 2),
        "rollup_90_days_s": backfill_s,
    }
    for role, actor in (("admin", admin), ("manager", manager), ("sales", sales)):
        assert actor is not None
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            figures = await kpis.dashboard(actor, period, tz=settings.timezone, now=now)
            times.append((time.perf_counter() - started) * 1000)
        summary.update(_percentiles(role, times))
        if role == "admin":
            summary["funnel"] = [step["clients"] for step in figures["funnel"]]
            summary["shares"] = figures["sharing"]["shares"]
    if args.url:
        for role, actor in (("admin", admin), ("manager", manager), ("sales", sales)):
            assert actor is not None
            summary.update(await _time_page(resources, args, actor, f"http_{role}", period))
    print_summary(summary)
    return 0


def _percentiles(name: str, times: list[float]) -> dict[str, float]:
    """p50 and p95 (nearest rank) in ms."""
    times = sorted(times)
    return {
        f"{name}_p50_ms": round(statistics.median(times), 1),
        f"{name}_p95_ms": round(times[max(0, math.ceil(len(times) * 0.95) - 1)], 1),
    }


async def _time_page(resources: Resources, args, actor: Account, name: str, period: kpis.Period) -> dict:
    """``GET /bo/`` for the period as ``actor`` over HTTP, ``--repeat`` times after one warm-up."""
    token = await staff_sessions.start(resources, actor, method="link")
    query = {"since": period.since.isoformat(), "until": period.until.isoformat()}
    times = []
    async with httpx.AsyncClient(base_url=args.url, cookies={"bo_session": token}, timeout=30) as http:
        for n in range(args.repeat + 1):
            started = time.perf_counter()
            response = await http.get("/bo/", params=query)
            if response.status_code != 200 or 'data-chart="funnel"' not in response.text:
                raise SystemExit(f"GET /bo/ as {actor.name}: {response.status_code}")
            if n:
                times.append((time.perf_counter() - started) * 1000)
    return _percentiles(name, times)


async def _empty() -> None:
    conn = Tortoise.get_connection("default")
    for model in Tortoise.apps["models"].values():
        if model.__module__ != "aerich.models":
            await conn.execute_script(f"DELETE FROM {model._meta.db_table}")


def _db(model, column: str, value: Any) -> Any:
    return model._meta.fields_map[column].to_db_value(value, model)


async def _insert(model, columns: tuple[str, ...], rows: list[tuple], batch: int = 5000) -> None:
    """Bulk insert through the driver (1M ORM objects would take minutes), values converted as the ORM does."""
    conn = Tortoise.get_connection("default")
    mark = "?" if conn.capabilities.dialect == "sqlite" else "%s"
    table = model._meta.db_table
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"
    converted = [[_db(model, c, v) for c, v in zip(columns, row, strict=True)] for row in rows]
    for i in range(0, len(converted), batch):
        await conn.execute_many(sql, converted[i : i + batch])


async def _seed(settings: Settings, args, now: datetime) -> None:
    rng = random.Random(16)
    await Account.create(name="bench-admin", role=Role.ADMIN)
    sales: list[int] = []
    for t in range(TEAMS):
        manager = await Account.create(name=f"bench-manager-{t}", role=Role.MANAGER)
        await Account.bulk_create(
            [Account(name=f"bench-sales-{t}-{i}", role=Role.SALES, manager_id=manager.id) for i in range(PER_TEAM)]
        )
        sales += await Account.filter(manager_id=manager.id).values_list("id", flat=True)  # type: ignore[arg-type]
    sources = list(Source)
    created = [now - timedelta(days=rng.uniform(0, 180)) for _ in range(args.clients)]
    await _insert(
        Client,
        ("company", "company_norm", "owner_id", "source", "stage", "deal_probability", "important", "version",
         "next_followup_at", "created_at", "updated_at"),
        [
            (f"bench-{n}", f"bench-{n}", sales[n % len(sales)], rng.choice(sources), Stage.INTENT, 10, False, 1,
             now + timedelta(days=rng.uniform(-20, 10)), at, at)
            for n, at in enumerate(created)
        ],
    )  # fmt: skip
    clients = await Client.all().order_by("id").values_list("id", "created_at", "owner_id")
    per_client = max(args.followups // max(len(clients), 1), 1)
    await _insert(
        FollowUp,
        ("client_id", "author_id", "content", "channel", "by_client", "happened_at", "done", "created_at"),
        [
            (cid, owner, "跟进", "chat", rng.random() < 0.05, at + timedelta(days=k * 3), False, at)
            for cid, at, owner in clients
            for k in range(per_client)
        ],
    )
    listings = [
        Listing(
            code=f"B{n}", title=f"bench厂房{n}", property_type="factory", deal_type="rent", region="花桥",
            area=2000, owner_id=sales[n % len(sales)], review_status=ReviewStatus.APPROVED,
        )
        for n in range(500)
    ]  # fmt: skip
    await Listing.bulk_create(listings, batch_size=500)
    listing_ids: list[int] = list(await Listing.all().values_list("id", flat=True))  # type: ignore[arg-type]
    changes, viewings, deal_rows = [], [], []
    rule = await commissions.rule_in_force(settings, now)
    for cid, at, _ in clients:
        roll = rng.random()
        if roll < 0.35:
            first = at + timedelta(days=rng.uniform(1, 20))
            viewings.append(
                (cid, rng.choice(listing_ids), first, first + timedelta(hours=1), ViewingStatus.DONE, first)
            )
            changes.append((cid, Stage.VIEWING, first))
            if roll < 0.15:
                changes.append((cid, Stage.NEGOTIATING, first + timedelta(days=5)))
            if roll < 0.06:
                signed = first + timedelta(days=rng.uniform(6, 60))
                changes.append((cid, Stage.WON, signed))
                deal_rows.append(
                    (cid, DealType.RENT, signed, 12_000_000, 1_000_000, 0, "active", signed, rule.id, rule.spec, signed)
                )
    await _insert(StageChange, ("client_id", "to_stage", "changed_at"), changes)
    await _insert(Viewing, ("client_id", "listing_id", "start_at", "end_at", "status", "created_at"), viewings)
    await _insert(
        Deal,
        ("client_id", "deal_type", "signed_at", "size_fen", "monthly_rent_fen", "rent_free_months", "status",
         "release_at", "rule_id", "rule_snapshot", "created_at"),
        deal_rows,
    )  # fmt: skip
    viewing_ids = await Viewing.all().values_list("id", "client_id")
    owner_of = {cid: owner for cid, _, owner in clients}
    await _insert(
        ViewingRating,
        ("viewing_id", "client_id", "owner_id", "score", "rated_at"),
        [(vid, cid, owner_of[cid], rng.randint(2, 5), now - timedelta(days=rng.uniform(0, 60))) for vid, cid in viewing_ids[::3]],
    )  # fmt: skip
    await _insert(
        ChannelSpend,
        ("channel", "spent_on", "amount_fen", "created_at"),
        [(s, (now - timedelta(days=d)).date(), rng.randint(10_000, 500_000), now) for d in range(0, 90, 7) for s in sources],
    )  # fmt: skip
    await _seed_events(args.events, sales, listing_ids, now, rng)
    await _seed_counters(settings, now, rng)


async def _seed_events(n: int, sales: list[int], listings: list[int], now: datetime, rng: random.Random) -> None:
    """Views (40%, a third of them through a shared link), dwell heartbeats, clicks, shares, consults."""
    rows: list[tuple] = []
    views: list[tuple[str, str]] = []
    visitors = [f"bv{n:06d}xxxxxxxxxx"[:16] for n in range(max(n // 20, 1))]
    columns = ("kind", "token", "parent_token", "listing_id", "visitor", "sharer_id", "channel", "target", "value",
               "happened_at")  # fmt: skip
    start = now - timedelta(days=DAYS)
    step = timedelta(days=DAYS) / max(n, 1)
    for i in range(n):
        at = start + step * i
        roll = rng.random()
        if roll < 0.4 or not views:
            token = f"bt{i:010d}"
            parent = rng.choice(views[-2000:])[0] if views and rng.random() < 0.33 else None
            visitor = rng.choice(visitors)
            views.append((token, visitor))
            rows.append((EventKind.VIEW, token, parent, rng.choice(listings), visitor, rng.choice(sales),
                         "share" if parent else "chat", None, None, at))  # fmt: skip
            continue
        token, visitor = views[-1 - int(rng.random() * min(len(views), 50))]
        kind = EventKind.DWELL if roll < 0.8 else EventKind.CLICK if roll < 0.93 else EventKind.SHARE
        if roll > 0.995:
            kind = EventKind.CONSULT
        rows.append((kind, token, None, rng.choice(listings), visitor, rng.choice(sales), "chat",
                     "tel" if kind == EventKind.CLICK else None,
                     rng.randint(1000, 120_000) if kind == EventKind.DWELL else None, at))  # fmt: skip
        if len(rows) >= 50_000:
            await _insert(TrackEvent, columns, rows)
            rows = []
    await _insert(TrackEvent, columns, rows)


async def _seed_counters(settings: Settings, now: datetime, rng: random.Random) -> None:
    """30 days of chat intents and request latency, as the rollup stores them from Redis."""
    today = rollups.local_day(now, settings.timezone)
    days = [today - timedelta(days=d) for d in range(30)]
    await IntentDaily.bulk_create(
        [IntentDaily(day=d, intent=i, replies=rng.randint(10, 400)) for d in days for i in INTENTS]
    )
    rows = []
    for d in days:
        for route in ROUTES:
            buckets = [rng.randint(0, 5000) for _ in range(len(metrics.BUCKETS_MS) + 1)]
            rows.append(
                EndpointDaily(day=d, route=route, requests=sum(buckets), errors=rng.randint(0, 20), buckets=buckets)
            )
    await EndpointDaily.bulk_create(rows)
