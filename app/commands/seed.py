"""``seed``: demo staff, listings and clients, so `make run` has something to show."""
import asyncio

from app.resources import Resources
from services import seed


def register(sub) -> None:
    p = sub.add_parser("seed", help="add demo data (idempotent for the demo staff)")
    p.add_argument("--listings", type=int, default=60, help="synthetic listings to add")
    p.add_argument("--clients", type=int, default=30, help="synthetic clients to add")
    p.add_argument("--seed", type=int, default=7, help="random seed, for repeatable data")
    p.set_defaults(func=run)


def run(settings, args) -> int:
    return asyncio.run(_run(settings, args))


async def _run(settings, args) -> int:
    resources = await Resources.open(settings)
    try:
        report = await seed.seed_demo(listings=args.listings, clients=args.clients, rng_seed=args.seed,
                                      regions=settings.regions)
    finally:
        await resources.close()
    for line in report:
        print(line)
    return 0
