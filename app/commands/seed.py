"""``seed``: demo staff, listings and clients, so `make run` has something to show."""

from app import demo
from app.commands import command
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("seed", help="add demo data (idempotent for the demo staff)")
    p.add_argument("--listings", type=int, default=60, help="synthetic listings to add")
    p.add_argument("--clients", type=int, default=30, help="synthetic clients to add")
    p.add_argument("--seed", type=int, default=7, help="random seed, for repeatable data")
    p.set_defaults(func=command(_run), dev_only=True)


async def _run(resources: Resources, args) -> int:
    report = await demo.seed_demo(
        listings=args.listings, clients=args.clients, rng_seed=args.seed, regions=resources.settings.regions
    )
    for line in report:
        print(line)
    return 0
