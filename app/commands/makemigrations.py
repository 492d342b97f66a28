"""``makemigrations NAME``: write the next migration for both dialects (developers only).

Each dialect runs in its own process: Tortoise caches SQL dialect details per
model class, so one process must not init two backends.
"""

import argparse
import asyncio
import subprocess
import sys

from core import db
from core.config import Settings

SCRATCH = {
    "sqlite": "sqlite://data/makemigrations.sqlite3",
    "mysql": "mysql://root:@127.0.0.1:3306/scrm_makemigrations",
}


def register(sub) -> None:
    p = sub.add_parser("makemigrations", help="generate migrations from model changes (SQLite and MySQL)")
    p.add_argument("name")
    p.add_argument(
        "--mysql-url",
        default=SCRATCH["mysql"],
        help="a scratch MySQL/MariaDB database used for the MySQL chain's first migration",
    )
    p.add_argument("--only", choices=sorted(SCRATCH), help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    if args.only:
        url = args.mysql_url if args.only == "mysql" else SCRATCH["sqlite"]
        written = asyncio.run(db.make_migration(url, args.name, timezone=settings.timezone))
        print(f"{args.only}: {written or 'no changes'}")
        return 0
    for dialect in SCRATCH:
        command = [
            sys.executable,
            "-m",
            "app",
            "makemigrations",
            args.name,
            "--only",
            dialect,
            "--mysql-url",
            args.mysql_url,
        ]
        if subprocess.run(command).returncode:
            return 1
    return 0
