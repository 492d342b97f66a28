"""Database: Tortoise configuration from settings, and migrations with aerich.

aerich writes dialect-specific SQL, so each dialect keeps its own migration
chain under migrations/<dialect>/; both chains are generated from the same
models by `python -m app makemigrations NAME`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from tortoise import Tortoise
from tortoise.fields import DatetimeField
from tortoise.timezone import get_default_timezone, get_use_tz

from core.config import ROOT, Settings

MODELS = ["models", "aerich.models"]


def _store_datetimes_in_configured_zone() -> None:
    """Write every aware datetime in the configured time zone, whatever zone it came in.

    Tortoise converts on ``create`` but passes ``save(update_fields=...)`` and
    ``update()`` values through as given: MySQL then stores a UTC value's wall
    clock as if it were local (8 h off), and SQLite mixes +00:00 and +08:00
    text that no longer compares in order.
    """
    original = DatetimeField.to_db_value
    if getattr(original, "in_configured_zone", False):
        return

    def to_db_value(self, value, instance):
        value = original(self, value, instance)
        if isinstance(value, datetime) and value.tzinfo is not None and get_use_tz():
            value = value.astimezone(get_default_timezone())
        return value

    to_db_value.in_configured_zone = True  # type: ignore[attr-defined]
    DatetimeField.to_db_value = to_db_value  # type: ignore[method-assign]


_store_datetimes_in_configured_zone()


def stored_time(value: datetime) -> datetime:
    """An aware datetime as a raw statement must pass it: in the configured zone, as the models store it."""
    return value.astimezone(get_default_timezone()) if get_use_tz() else value


MIGRATIONS_DIR = ROOT / "migrations"


def dialect(database_url: str) -> str:
    return urlparse(database_url).scheme


def tortoise_config(database_url: str, *, timezone: str = "Asia/Shanghai") -> dict:
    url = database_url
    if dialect(url) == "sqlite":
        path = url[len("sqlite://") :]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    elif "charset=" not in url:
        url += ("&" if "?" in url else "?") + "charset=utf8mb4"
    return {
        "connections": {"default": url},
        "apps": {"models": {"models": MODELS, "default_connection": "default"}},
        "use_tz": True,
        "timezone": timezone,
    }


async def init(settings: Settings) -> None:
    # Global fallback: Sanic runs listeners and request handlers in different task contexts,
    # and Tortoise 1.x keeps its state in a context variable.
    await Tortoise.init(
        config=tortoise_config(settings.database_url, timezone=settings.timezone), _enable_global_fallback=True
    )


async def close() -> None:
    await Tortoise.close_connections()


async def ping() -> None:
    conn = Tortoise.get_connection("default")
    await conn.execute_query("SELECT 1")


def migration_location(database_url: str) -> Path:
    return MIGRATIONS_DIR / dialect(database_url)


async def migrate(settings: Settings) -> list[str]:
    """Bring the schema to the newest revision; returns the revisions applied.

    On MySQL one process at a time: web hosts starting together each migrate (deploy/scrm-web.service), and
    MySQL cannot roll back a half-applied schema change, so the others wait for the first and find nothing to do.
    """
    if dialect(settings.database_url) != "mysql":
        return await _upgrade(settings)
    await _create_mysql_database(settings.database_url)
    async with _mysql_lock(settings.database_url, "migrate"):
        return await _upgrade(settings)


async def _upgrade(settings: Settings) -> list[str]:
    from aerich import Command

    command = Command(
        tortoise_config=tortoise_config(settings.database_url, timezone=settings.timezone),
        app="models",
        location=str(migration_location(settings.database_url)),
    )
    await command.init()
    try:
        return await command.upgrade(run_in_transaction=True)
    finally:
        await Tortoise.close_connections()


async def _mysql_connect(database_url: str):
    import aiomysql

    parsed = urlparse(database_url)
    return await aiomysql.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
    )


@contextlib.asynccontextmanager
async def _mysql_lock(database_url: str, purpose: str, timeout_s: int = 600) -> AsyncIterator[None]:
    """A MySQL named lock for ``purpose`` on this database, held by its own connection for the block."""
    name = f"scrm:{urlparse(database_url).path.lstrip('/')}:{purpose}"[:64]
    conn = await _mysql_connect(database_url)
    try:
        async with conn.cursor() as cursor:
            await cursor.execute("SELECT GET_LOCK(%s, %s)", (name, timeout_s))
            (taken,) = await cursor.fetchone()
        if taken != 1:
            raise TimeoutError(f"another process held the {purpose} lock for {timeout_s} s")
        yield
    finally:
        conn.close()  # ends the connection and with it the lock


async def _create_mysql_database(database_url: str) -> None:
    """CREATE DATABASE IF NOT EXISTS, so a fresh server needs no manual step."""
    name = urlparse(database_url).path.lstrip("/")
    conn = await _mysql_connect(database_url)
    try:
        async with conn.cursor() as cursor:
            await cursor.execute(
                f"CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            )
    finally:
        conn.close()


async def make_migration(database_url: str, name: str, *, timezone: str = "Asia/Shanghai") -> str | None:
    """Write the next migration of ``database_url``'s dialect chain from the models.

    The first one is written by creating the schema in that (scratch) database;
    later ones are diffed offline against the chain's last recorded state.
    """
    from aerich import Command

    location = migration_location(database_url)
    command = Command(
        tortoise_config=tortoise_config(database_url, timezone=timezone), app="models", location=str(location)
    )
    try:
        if not (location / "models").exists():
            if dialect(database_url) == "mysql":
                await _create_mysql_database(database_url)
            await command.init_db(safe=True)
            return "initial schema"
        await command.init(offline=True)
        return await command.migrate(name, no_input=True, offline=True)
    finally:
        await Tortoise.close_connections()
