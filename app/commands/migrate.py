"""``migrate``: bring the database schema to the newest revision, then encrypt values of columns that became
encrypted (follow-up notes written before they were)."""

import asyncio

from core import db
from core.config import Settings
from models import pii
from services import pii_keys


def register(sub) -> None:
    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    applied = asyncio.run(db.migrate(settings))
    print(f"migrations applied: {', '.join(applied) if applied else 'none (up to date)'}")
    encrypted = asyncio.run(_encrypt_plaintext(settings))
    if encrypted:
        print(f"values encrypted that were stored in plain text: {encrypted}")
    return 0


async def _encrypt_plaintext(settings: Settings) -> int:
    pii.configure(settings.pii_key_bytes)
    await db.init(settings)
    try:
        await pii_keys.verify()
        return (await pii_keys.rotate(pii.keyring(), pii.keyring())).rotated
    finally:
        await db.close()
