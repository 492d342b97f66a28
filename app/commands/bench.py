"""``bench WHAT``: the project's benchmarks (app/bench/<what>.py); each prints JSON as its last line."""

from app.cli import register_all


def register(sub) -> None:
    p = sub.add_parser("bench", help="run a benchmark (refused with ENV=prod)")
    p.set_defaults(dev_only=True)
    register_all("app.bench", p.add_subparsers(dest="bench", required=True, metavar="WHAT"))
