"""PII_KEY against the stored data: the start-up check, and key rotation.

A wrong PII_KEY must never look like working data (ciphertext shown as a phone, duplicates no longer found,
new rows written under a second key), so every process checks the key against a sample of stored values
before it serves, and ``rotate`` re-encrypts every value (and recomputes its blind index) under a new key.
Rotation is resumable: a value that already opens with the new key is left alone, so a run stopped halfway
is simply run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from tortoise import Tortoise
from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from models.pii import EncryptedField, Keyring, PiiDecryptionError, is_ciphertext, keyring

log = logging.getLogger(__name__)

SAMPLE = 20
"""Values checked per column at start-up: the oldest and the newest, so a key changed midway shows too."""
BATCH = 500


class PiiKeyMismatch(Exception):
    """PII_KEY does not open the stored data; the message says where and what to do."""


@dataclass(frozen=True)
class EncryptedColumn:
    table: str
    column: str
    kind: str
    hash_column: str | None


def encrypted_columns() -> list[EncryptedColumn]:
    """Every encrypted column of the registered models, with its blind-index column if it has one."""
    found = []
    for model in Tortoise.apps["models"].values():
        meta = model._meta
        if meta.abstract:
            continue
        pii_fields = getattr(model, "PII_FIELDS", {})
        for name, field in meta.fields_map.items():
            if isinstance(field, EncryptedField):
                kind, hash_field = pii_fields.get(name, (name, None))
                hash_column = meta.fields_map[hash_field].source_field or hash_field if hash_field else None
                found.append(EncryptedColumn(meta.db_table, field.source_field or name, kind, hash_column))
    return sorted(found, key=lambda c: (c.table, c.column))


def _by_table(columns: list[EncryptedColumn]) -> dict[str, list[EncryptedColumn]]:
    tables: dict[str, list[EncryptedColumn]] = {}
    for column in columns:
        tables.setdefault(column.table, []).append(column)
    return tables


async def _query(sql: str, params: list | None = None) -> list[dict]:
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect != "mysql":
        sql = sql.replace("%s", "?")
    _, rows = await connection.execute_query(sql, params or [])
    return [dict(row) for row in rows]


async def verify(keys: Keyring | None = None, *, sample: int = SAMPLE) -> int:
    """Raise ``PiiKeyMismatch`` unless ``keys`` (the configured PII_KEY) opens the oldest and newest stored
    values of every encrypted column; returns how many values were checked."""
    keys = keys or keyring()
    checked = 0
    for column in encrypted_columns():
        for order in ("ASC", "DESC"):
            try:
                rows = await _query(
                    f"SELECT id, {column.column} AS v FROM {column.table} "
                    f"WHERE {column.column} IS NOT NULL ORDER BY id {order} LIMIT {int(sample)}"
                )
            except OperationalError:
                return checked  # not migrated yet: nothing stored to check

            for row in rows:
                if not is_ciphertext(row["v"]):
                    continue
                try:
                    keys.decrypt(row["v"])
                except PiiDecryptionError:
                    raise PiiKeyMismatch(
                        f"PII_KEY does not decrypt the stored data ({column.table}.{column.column} of row "
                        f"{row['id']}): it is not the key this database was written with. Set the original "
                        "PII_KEY; to change keys use `python -m app rotate-pii-key` with PII_KEY_NEW"
                    ) from None
                checked += 1
    return checked


async def verify_all(keys: Keyring, *, batch: int = BATCH) -> int:
    """Every stored value opens with ``keys`` (``PiiKeyMismatch`` otherwise); returns how many were checked."""
    checked = 0
    for table, columns in _by_table(encrypted_columns()).items():
        names = ", ".join(c.column for c in columns)
        last_id = 0
        while rows := await _query(
            f"SELECT id, {names} FROM {table} WHERE id > %s ORDER BY id LIMIT {int(batch)}", [last_id]
        ):
            for row in rows:
                for column in columns:
                    value = row[column.column]
                    if value is None or value == "":
                        continue
                    try:
                        keys.decrypt(value)
                    except PiiDecryptionError:
                        raise PiiKeyMismatch(
                            f"{table}.{column.column} of row {row['id']} does not open with the new key"
                        ) from None
                    checked += 1
            last_id = rows[-1]["id"]
    return checked


@dataclass
class RotationReport:
    rotated: int = 0
    already: int = 0
    """Values that opened with the new key already (an earlier, interrupted run)."""
    rows: int = 0


async def rotate(
    old: Keyring, new: Keyring, *, batch: int = BATCH, progress: Callable[[str, int], None] | None = None
) -> RotationReport:
    """Re-encrypt every stored value under ``new``: one transaction per batch of rows, resumable.
    With ``new`` the same as ``old`` it only encrypts values still stored in plain text.

    A value that opens with neither key stops the run with its table and row before anything of that
    batch is written, so no value is ever lost or left unreadable.
    """
    report = RotationReport()
    for table, columns in _by_table(encrypted_columns()).items():
        names = ", ".join(c.column for c in columns)
        last_id = 0
        while True:
            rows = await _query(
                f"SELECT id, {names} FROM {table} WHERE id > %s ORDER BY id LIMIT {int(batch)}", [last_id]
            )
            if not rows:
                break
            async with in_transaction() as connection:
                for row in rows:
                    changes = _rotated_values(row, columns, old, new, table, report)
                    if changes:
                        sets = ", ".join(f"{name} = %s" for name in changes)
                        sql = f"UPDATE {table} SET {sets} WHERE id = %s"
                        if connection.capabilities.dialect != "mysql":
                            sql = sql.replace("%s", "?")
                        await connection.execute_query(sql, [*changes.values(), row["id"]])
                    report.rows += 1
            last_id = rows[-1]["id"]
            if progress:
                progress(table, last_id)
    return report


def _rotated_values(
    row: dict, columns: list[EncryptedColumn], old: Keyring, new: Keyring, table: str, report: RotationReport
) -> dict[str, str]:
    changes: dict[str, str] = {}
    for column in columns:
        value = row[column.column]
        if value is None or value == "":
            continue
        if is_ciphertext(value):
            try:
                new.decrypt(value)
                report.already += 1
                continue
            except PiiDecryptionError:
                pass
            try:
                plaintext = old.decrypt(value)
            except PiiDecryptionError:
                raise PiiKeyMismatch(
                    f"{table}.{column.column} of row {row['id']} opens with neither PII_KEY nor "
                    "PII_KEY_NEW; nothing of its batch was written"
                ) from None
        else:
            plaintext = value  # written before the column was encrypted
        changes[column.column] = new.encrypt(plaintext)
        if column.hash_column:
            changes[column.hash_column] = new.blind_index(column.kind, plaintext)
        report.rotated += 1
    return changes
