"""One way to write the audit log: who did what, with the values before and after."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from tortoise.expressions import Q

from models import Account, AuditLog
from models.enums import Role


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


async def search(
    viewer: Account,
    *,
    actor_id: int | None = None,
    action: str = "",
    entity: str = "",
    entity_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    offset: int = 0,
    limit: int = 100,
) -> tuple[list[AuditLog], int]:
    """Audit entries ``viewer`` may read, newest first, and how many match: every entry for admins, the
    team's and their own for managers, their own for salespeople."""
    query = AuditLog.all()
    if viewer.role == Role.MANAGER:
        query = query.filter(Q(actor_id=viewer.id) | Q(actor__manager_id=viewer.id))
    elif viewer.role != Role.ADMIN:
        query = query.filter(actor_id=viewer.id)
    if actor_id is not None:
        query = query.filter(actor_id=actor_id)
    if action:
        query = query.filter(action__startswith=action)
    if entity:
        query = query.filter(entity=entity)
    if entity_id is not None:
        query = query.filter(entity_id=entity_id)
    if since is not None:
        query = query.filter(at__gte=since)
    if until is not None:
        query = query.filter(at__lt=until)
    total = await query.count()
    entries = await query.order_by("-at", "-id").offset(offset).limit(limit).select_related("actor")
    return list(entries), total
