"""``bench WHAT``: the project's benchmarks; each prints a JSON summary as its last line."""
import importlib

BENCHES = ["bot"]


def register(sub) -> None:
    p = sub.add_parser("bench", help="run a benchmark")
    benches = p.add_subparsers(dest="bench", required=True, metavar="WHAT")
    for name in BENCHES:
        importlib.import_module(f"app.bench.{name}").register(benches)
