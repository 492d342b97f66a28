"""One way to write the audit log: who did what, with the values before and after."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from models import Account, AuditLog


def plain(value: Any) -> Any:
    """A JSON-safe copy: enums by value, Decimals and datetimes as strings."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (Decimal, datetime, date)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


async def record(
    actor: Account | None,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditLog:
    """Call inside the change's transaction, so the entry exists iff the change does."""
    return await AuditLog.create(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=plain(before) if before is not None else None,
        after=plain(after) if after is not None else None,
    )
