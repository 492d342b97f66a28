"""Backups: a consistent, compressed, encrypted snapshot of the database, and its restore.

A backup file is ``MAGIC`` followed by AES-GCM sealed chunks (key from BACKUP_KEY, never PII_KEY: a stolen
backup and its key still leave phones encrypted) of a gzipped tar holding ``manifest.json`` and one JSON-lines
file per table. The snapshot is taken while the service runs: MySQL in one ``REPEATABLE READ`` transaction
started ``WITH CONSISTENT SNAPSHOT`` (what ``mysqldump --single-transaction`` does), SQLite through its online
backup API. The manifest records the schema version (the last migration), the row count of every table, the
time, and the SHA-256 of every table file; restore checks all of them. Personal data stays as stored, so the
restored database opens with the same PII_KEY.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import io
import json
import logging
import os
import sqlite3
import struct
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlparse

from arq.cron import CronJob, cron
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from core import db
from core.config import ConfigError, Settings
from models import Account, pii
from models.enums import Role
from services import notify, pii_keys
from services.notify import Notice

log = logging.getLogger(__name__)

MAGIC = b"SCRM-BACKUP-1\n"
CHUNK = 1 << 20
FORMAT = 1
INSERT_BATCH = 500
SKIPPED_TABLES = {"aerich"}
"""The migration history is not data: restore migrates the fresh database to the backup's schema version."""


class BackupError(Exception):
    """A backup could not be written, or a file is not a backup this key and this schema can restore."""


@dataclass
class Manifest:
    created_at: str
    dialect: str
    schema_version: str
    tables: dict[str, int]
    sha256: dict[str, str]
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1, sort_keys=True).encode()


def backup_key(settings: Settings) -> bytes:
    """BACKUP_KEY as bytes; refused when unset or equal to PII_KEY or SECRET_KEY."""
    if not settings.backup_key:
        raise ConfigError(
            "BACKUP_KEY is not set; make one with `python -m app genkey` and keep it apart from the backups"
        )
    key = base64.urlsafe_b64decode(settings.backup_key)
    if key in (settings.pii_key_bytes, settings.secret_key_bytes):
        raise ConfigError("BACKUP_KEY must differ from PII_KEY and SECRET_KEY")
    return key


# --- values in JSON lines ---------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, timedelta):
        return {"$td": value.total_seconds()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode()}
    return value


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "$d": Decimal,
    "$dt": datetime.fromisoformat,
    "$date": date.fromisoformat,
    "$time": time.fromisoformat,
    "$td": lambda seconds: timedelta(seconds=seconds),
    "$b": base64.b64decode,
}


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    ((tag, raw),) = value.items()
    return _DECODERS[tag](raw)


# --- encryption: sealed chunks, the last one marked, so a cut file fails ----------------------------------


class _SealingWriter(io.RawIOBase):
    def __init__(self, out: BinaryIO, key: bytes) -> None:
        self._out, self._aead, self._prefix = out, AESGCM(key), os.urandom(8)
        self._buffer, self._index = bytearray(), 0
        out.write(MAGIC + self._prefix)

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce = self._prefix + struct.pack(">I", self._index)
        sealed = self._aead.encrypt(nonce, chunk, b"last" if last else b"more")
        self._out.write(struct.pack(">I?", len(sealed), last) + sealed)
        self._index += 1

    def finish(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()


def _opened_chunks(stream: BinaryIO, key: bytes) -> Iterator[bytes]:
    if stream.read(len(MAGIC)) != MAGIC:
        raise BackupError("not a backup file of this application")
    aead, prefix, index = AESGCM(key), stream.read(8), 0
    while True:
        head = stream.read(5)
        if len(head) < 5:
            raise BackupError("the backup file is cut short")
        size, last = struct.unpack(">I?", head)
        sealed = stream.read(size)
        try:
            yield aead.decrypt(prefix + struct.pack(">I", index), sealed, b"last" if last else b"more")
        except InvalidTag:
            raise BackupError("the backup does not open with BACKUP_KEY, or it was altered") from None
        if last:
            return
        index += 1


# --- reading a consistent snapshot ------------------------------------------------------------------------


@dataclass
class _Table:
    name: str
    columns: list[str]
    rows: list[tuple]


def _snapshot_sqlite(path: str) -> tuple[str, list[_Table]]:
    """The online backup API copies the live file page by page into a private copy, which is then read."""
    with tempfile.TemporaryDirectory() as scratch:
        copy_path = os.path.join(scratch, "snapshot.sqlite3")
        source, copy = sqlite3.connect(path), sqlite3.connect(copy_path)
        try:
            source.backup(copy)
        finally:
            source.close()
        try:
            names = [
                r[0]
                for r in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            version = _latest_version(copy.execute, "?")
            tables = []
            for name in names:
                if name in SKIPPED_TABLES:
                    continue
                cursor = copy.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
                tables.append(_Table(name, [d[0] for d in cursor.description], cursor.fetchall()))
        finally:
            copy.close()
    return version, tables


def _latest_version(execute, mark: str) -> str:
    row = execute(f"SELECT version FROM aerich WHERE app = {mark} ORDER BY id DESC LIMIT 1", ("models",)).fetchone()
    if row is None:
        raise BackupError("the database has no migration history: run `python -m app migrate` first")
    return row[0]


async def _snapshot_mysql(database_url: str) -> tuple[str, list[_Table]]:
    """All tables read in one REPEATABLE READ transaction with a consistent snapshot, on its own connection."""
    import aiomysql

    parsed = urlparse(database_url)
    conn = await aiomysql.connect(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 3306,
        user=parsed.username or "root",
        password=parsed.password or "",
        db=parsed.path.lstrip("/"),
        charset="utf8mb4",
    )
    try:
        async with conn.cursor() as cursor:
            await cursor.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            await cursor.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT")
            await cursor.execute("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
            names = sorted(row[0] for row in await cursor.fetchall())
            await cursor.execute("SELECT version FROM aerich WHERE app = %s ORDER BY id DESC LIMIT 1", ("models",))
            row = await cursor.fetchone()
            if row is None:
                raise BackupError("the database has no migration history: run `python -m app migrate` first")
            tables = []
            for name in names:
                if name in SKIPPED_TABLES:
                    continue
                await cursor.execute(f"SELECT * FROM `{name}` ORDER BY 1")
                tables.append(_Table(name, [d[0] for d in cursor.description], list(await cursor.fetchall())))
            await cursor.execute("COMMIT")
    finally:
        conn.close()
    return row[0], tables


async def snapshot(settings: Settings) -> tuple[str, list[_Table]]:
    if db.dialect(settings.database_url) == "sqlite":
        return await asyncio.to_thread(_snapshot_sqlite, settings.database_url[len("sqlite://") :])
    return await _snapshot_mysql(settings.database_url)


# --- backup -----------------------------------------------------------------------------------------------


def _table_file(table: _Table) -> bytes:
    lines = [json.dumps({"columns": table.columns}, ensure_ascii=False)]
    lines += [json.dumps([_encode(v) for v in row], ensure_ascii=False) for row in table.rows]
    return ("\n".join(lines) + "\n").encode()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(timezone.utc).timestamp())
    archive.addfile(info, io.BytesIO(data))


def _write_archive(path: Path, key: bytes, manifest: Manifest, files: dict[str, bytes]) -> str:
    """Write to a temporary name, then rename: a half-written backup never has the final name."""
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as out:
        sealing = _SealingWriter(out, key)
        with (
            gzip.GzipFile(fileobj=sealing, mode="wb", mtime=0) as compressed,
            tarfile.open(fileobj=compressed, mode="w") as archive,
        ):
            _add(archive, "manifest.json", manifest.to_json())
            for name, data in files.items():
                _add(archive, name, data)
        sealing.finish()
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n")
    return digest


async def backup(settings: Settings, out: Path) -> Manifest:
    """Write a backup of the configured database to ``out`` (and ``out``.sha256 beside it)."""
    key = backup_key(settings)
    version, tables = await snapshot(settings)
    files = {f"tables/{t.name}.jsonl": _table_file(t) for t in tables}
    manifest = Manifest(
        created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        dialect=db.dialect(settings.database_url),
        schema_version=version,
        tables={t.name: len(t.rows) for t in tables},
        sha256={name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    await asyncio.to_thread(_write_archive, out, key, manifest, files)
    return manifest


# --- restore ----------------------------------------------------------------------------------------------


def read_archive(path: Path, key: bytes) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and table files, each checked against the manifest's SHA-256 (and the file's .sha256)."""
    sidecar = path.with_name(path.name + ".sha256")
    if sidecar.exists():
        expected = sidecar.read_text().split()[0]
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise BackupError(f"{path.name} does not match its checksum ({sidecar.name}): the file is damaged")
    with open(path, "rb") as stream:
        plain = b"".join(_opened_chunks(stream, key))
    try:
        with tarfile.open(fileobj=io.BytesIO(gzip.decompress(plain)), mode="r") as archive:
            files = {m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}  # type: ignore[union-attr]
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BackupError(f"the backup's content is unreadable: {exc}") from None
    if "manifest.json" not in files:
        raise BackupError("the backup has no manifest")
    raw = json.loads(files.pop("manifest.json"))
    manifest = Manifest(**raw)
    if manifest.format != FORMAT:
        raise BackupError(f"backup format {manifest.format} is not supported by this release")
    for name, digest in manifest.sha256.items():
        if hashlib.sha256(files.get(name, b"")).hexdigest() != digest:
            raise BackupError(f"{name} in the backup does not match its checksum")
    return manifest, files


async def _schema_version() -> str:
    rows = await _query("SELECT version FROM aerich WHERE app = %s ORDER BY id DESC LIMIT 1", ["models"])
    return rows[0]["version"] if rows else ""


async def _query(sql: str, params: list | None = None) -> list[dict]:
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect != "mysql":
        sql = sql.replace("%s", "?")
    _, rows = await connection.execute_query(sql, params or [])
    return [dict(row) for row in rows]


def _quote(name: str, mysql: bool) -> str:
    return f"`{name}`" if mysql else f'"{name}"'


async def row_counts(tables: list[str]) -> dict[str, int]:
    mysql = Tortoise.get_connection("default").capabilities.dialect == "mysql"
    return {name: (await _query(f"SELECT COUNT(*) AS n FROM {_quote(name, mysql)}"))[0]["n"] for name in tables}


async def restore(settings: Settings, path: Path, *, force: bool = False) -> Manifest:
    """Load a backup into the configured database, which is migrated first and must hold no data unless
    ``force`` (then its rows are replaced). The database is not touched unless the whole file checks out
    first; afterwards the row counts are compared and PII_KEY must open the restored personal data."""
    manifest, files = await asyncio.to_thread(read_archive, path, backup_key(settings))
    await db.migrate(settings)
    await db.init(settings)
    try:
        if (version := await _schema_version()) != manifest.schema_version:
            raise BackupError(
                f"the backup is of schema {manifest.schema_version}, this release migrates to "
                f"{version}: restore with the release that wrote it, then migrate"
            )
        present = await row_counts(list(manifest.tables))
        if any(present.values()) and not force:
            busy = ", ".join(f"{name} ({n})" for name, n in present.items() if n)
            raise BackupError(
                f"the database is not empty: {busy}. Restore into an empty database, or pass "
                "--force to replace its data"
            )
        await _load(manifest, files)
        loaded = await row_counts(list(manifest.tables))
        wrong = {name: (loaded[name], n) for name, n in manifest.tables.items() if loaded[name] != n}
        if wrong:
            raise BackupError(f"row counts differ after restore (table: restored, in backup): {wrong}")
        pii.configure(settings.pii_key_bytes)
        await pii_keys.verify()  # the restored personal data opens with this PII_KEY
    finally:
        await db.close()
    return manifest


async def _load(manifest: Manifest, files: dict[str, bytes]) -> None:
    """All tables in one transaction, foreign keys checked at the end (SQLite) or not at all (MySQL)."""
    async with in_transaction() as connection:
        mysql = connection.capabilities.dialect == "mysql"
        await connection.execute_script("SET FOREIGN_KEY_CHECKS=0" if mysql else "PRAGMA defer_foreign_keys=ON")
        for name in manifest.tables:
            await connection.execute_script(f"DELETE FROM {_quote(name, mysql)}")
        for name in manifest.tables:
            lines = files[f"tables/{name}.jsonl"].decode().splitlines()
            columns = json.loads(lines[0])["columns"]
            mark = "%s" if mysql else "?"
            sql = (
                f"INSERT INTO {_quote(name, mysql)} ({', '.join(_quote(c, mysql) for c in columns)}) "
                f"VALUES ({', '.join([mark] * len(columns))})"
            )
            rows = [[_decode(v) for v in json.loads(line)] for line in lines[1:]]
            for start in range(0, len(rows), INSERT_BATCH):
                await connection.execute_many(sql, rows[start : start + INSERT_BATCH])
        if mysql:
            await connection.execute_script("SET FOREIGN_KEY_CHECKS=1")


# --- scheduled backups ------------------------------------------------------------------------------------


def backup_dir(settings: Settings) -> Path:
    return Path(settings.backup.dir)


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (and their .sha256); returns what was deleted."""
    found = sorted(directory.glob("scrm-*.backup"), key=lambda p: p.name, reverse=True)
    removed = []
    for old in found[max(keep, 1) :]:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".sha256").unlink(missing_ok=True)
        removed.append(old)
    return removed


def scheduled_name(now: datetime) -> str:
    return f"scrm-{now.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}.backup"


async def scheduled_backup(ctx: dict) -> str:
    """The worker's daily job: a backup into ``backup.dir``, the newest ``backup.keep`` kept; a failure is
    reported to every admin by template message (the notification outbox), once per day."""
    settings: Settings = ctx["resources"].settings
    now = datetime.now(timezone.utc)
    directory = backup_dir(settings)
    try:
        out = directory / scheduled_name(now)
        manifest = await backup(settings, out)
        prune(directory, settings.backup.keep)
    except Exception as exc:  # whatever broke, admins must hear of it
        log.exception("scheduled backup failed")
        await report_failure(exc, now)
        return f"failed: {exc}"
    log.info("backup written", extra={"fields": {"file": out.name, "rows": sum(manifest.tables.values())}})
    return out.name


async def report_failure(exc: Exception, now: datetime) -> int:
    """A notice to each active admin; returns how many were queued."""
    reason = (str(exc) or type(exc).__name__)[:60]
    queued = 0
    for admin in await Account.filter(role=Role.ADMIN, active=True):
        if await notify.queue(
            Notice.BACKUP_FAILED,
            admin,
            dedupe_key=f"backup:failed:{now:%Y%m%d}:{admin.id}",
            facts={"reason": reason},
        ):
            queued += 1
    return queued


def cron_jobs(settings: Settings) -> list[CronJob]:
    """``scheduled_backup`` daily at ``backup.time`` (business time zone; the worker runs its crons in it),
    unless ``backup.keep`` is 0."""
    if not settings.backup.keep:
        return []
    at = settings.backup.time
    return [cron(scheduled_backup, hour=at.hour, minute=at.minute, second=0, timeout=3600, keep_result=3600)]
