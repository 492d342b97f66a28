"""``rollup [--days N]``: rebuild the dashboard's daily rollups of the last N days and every client's milestones.

The worker does this for today and yesterday every few minutes; run it after an import or a restore, or to
backfill older days (counters kept in Redis, such as chat intents and request latency, reach back 40 days).
"""

from __future__ import annotations

import time

from app.commands import command
from services import rollups
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("rollup", help="rebuild the dashboard's daily rollups")
    p.add_argument("--days", type=int, default=2, help="business days back from today, today included (default 2)")
    p.set_defaults(func=command(_run))


async def _run(resources: Resources, args) -> int:
    if not 1 <= args.days <= 400:
        print("--days is 1 to 400")
        return 2
    started = time.perf_counter()
    await rollups.refresh(resources, days=args.days)
    print(f"rolled up {args.days} day(s) and every client's milestones in {time.perf_counter() - started:.1f} s")
    return 0
