"""``bench match``: the matching engine against N listings in the configured database.

Seeds N demo listings if fewer are there, then times Q random requirements
(regions of the configured tree, areas and prices as seeded) through
``services.matching.search``. With ``--reverse``, also seeds R demo clients with
their requirements and times the reverse match of Q random approved listings
(``services.listings.clients_fitting``, what approving a listing runs).
Last line: JSON with p50_ms and p95_ms.
"""

from __future__ import annotations

import asyncio
import functools
import random
import time
from collections.abc import Awaitable, Callable

from app import demo
from app.bench import http
from core import db
from core.config import Settings
from models import Listing
from models.enums import ReviewStatus
from services import listings, matching
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("match", help="latency of the matching engine over N listings")
    p.add_argument("--listings", type=int, default=100_000)
    p.add_argument("--queries", type=int, default=500)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--reverse", action="store_true", help="time the reverse match of approved listings instead")
    p.add_argument("--requirements", type=int, default=100_000, help="demo clients with requirements (--reverse)")
    p.set_defaults(func=run)


def random_criteria(rng: random.Random, regions: dict) -> matching.Criteria:
    """A requirement a salesperson might type: a place at any level, a type, an area, sometimes more."""
    city = rng.choice(list(regions))
    district = rng.choice(list(regions[city] or {city: []}))
    towns = (regions[city] or {}).get(district) or []
    level = rng.random()
    region = rng.choice(towns) if towns and level < 0.2 else district if level < 0.7 else city
    kind = rng.choices(["factory", "warehouse", "office"], weights=[65, 30, 5])[0]
    target = demo.sample_area(rng, demo.PropertyType(kind))
    profile = demo.CITY_PROFILES.get(city, demo.DEFAULT_PROFILE)
    c = matching.Criteria(region=region, property_type=kind, deal_type="rent" if rng.random() < 0.6 else None)
    if rng.random() < 0.7:
        c.area_min, c.area_max = round(target * 0.9), round(target * 1.1)
    else:
        c.area_min = round(target)
    if rng.random() < 0.4:
        c.ceiling_height_min = rng.choice([6, 8, 9])
    if rng.random() < 0.5:
        c.rent_max = round(rng.uniform(*profile.rent))
    if rng.random() < 0.2:
        c.features = [rng.choice(["crane", "dock", "property_cert", "eia"])]
    return c


def _searches(args, settings: Settings, rng: random.Random) -> list[Callable[[], Awaitable[list]]]:
    queries = [random_criteria(rng, settings.regions) for _ in range(args.queries)]
    return [functools.partial(matching.search, c, settings, limit=50) for c in queries]


async def _reverse_matches(args, settings: Settings, rng: random.Random) -> list[Callable[[], Awaitable[list]]]:
    """The reverse match of random approved listings (read before the clock starts, as an approval has them)."""
    last = await Listing.all().order_by("-id").only("id").first()
    ids = [rng.randint(1, last.id if last else 1) for _ in range(args.queries * 2)]
    found = await Listing.filter(id__in=ids, review_status=ReviewStatus.APPROVED)
    return [functools.partial(listings.clients_fitting, listing, settings) for listing in found[: args.queries]]


def run(settings: Settings, args) -> int:
    return asyncio.run(_run(settings, args))


async def _run(settings: Settings, args) -> int:
    await db.migrate(settings)
    resources = await Resources.open(settings)
    try:
        team, _ = await demo.seed_team()
        started = time.perf_counter()
        added = await demo.seed_listings(
            args.listings, rng=random.Random(args.seed), regions=settings.regions, team=team
        )
        if args.reverse:
            added += await demo.seed_clients(
                args.requirements, rng=random.Random(args.seed), regions=settings.regions, team=team
            )
        seeding_s = time.perf_counter() - started
        rng = random.Random(args.seed + 1)
        timed = await _reverse_matches(args, settings, rng) if args.reverse else _searches(args, settings, rng)
        for find in timed[:20]:  # warm connections and caches
            await find()
        latencies, found = [], 0
        started = time.perf_counter()
        for find in timed:
            t0 = time.perf_counter()
            found += bool(await find())
            latencies.append((time.perf_counter() - t0) * 1000)
        result = http.Result(len(timed), 0, time.perf_counter() - started, latencies)
    finally:
        await resources.close()
    http.print_summary(
        result.summary(
            bench="match --reverse" if args.reverse else "match",
            listings=args.listings,
            requirements=args.requirements if args.reverse else None,
            seeded=added,
            seeding_s=round(seeding_s, 1),
            with_results=found,
            database=settings.database_url.split(":")[0],
        )
    )
    return 0
