"""``migrate``: bring the database schema to the newest revision."""
import asyncio

from core import db
from core.config import Settings


def register(sub) -> None:
    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    applied = asyncio.run(db.migrate(settings))
    print(f"migrations applied: {', '.join(applied) if applied else 'none (up to date)'}")
    return 0
