"""``bench match``: the matching engine against N listings in the configured database.

Seeds N demo listings if fewer are there, then times Q random requirements
(regions of the configured tree, areas and prices as seeded) through
``services.matching.search``. Last line: JSON with p50_ms and p95_ms.
"""

from __future__ import annotations

import asyncio
import random
import time

from app import demo
from app.bench import http
from core import db
from core.config import Settings
from services import matching
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("match", help="latency of the matching engine over N listings")
    p.add_argument("--listings", type=int, default=100_000)
    p.add_argument("--queries", type=int, default=500)
    p.add_argument("--seed", type=int, default=7)
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
        seeding_s = time.perf_counter() - started
        rng = random.Random(args.seed + 1)
        queries = [random_criteria(rng, settings.regions) for _ in range(args.queries)]
        for c in queries[:20]:  # warm connections and caches
            await matching.search(c, settings)
        latencies, found = [], 0
        started = time.perf_counter()
        for c in queries:
            t0 = time.perf_counter()
            found += bool(await matching.search(c, settings, limit=50))
            latencies.append((time.perf_counter() - t0) * 1000)
        result = http.Result(len(queries), 0, time.perf_counter() - started, latencies)
    finally:
        await resources.close()
    http.print_summary(
        result.summary(
            bench="match",
            listings=args.listings,
            seeded=added,
            seeding_s=round(seeding_s, 1),
            with_results=found,
            database=settings.database_url.split(":")[0],
        )
    )
    return 0
