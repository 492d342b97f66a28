"""撤销: take back my last record, from the audit log, within ``UNDO_WINDOW``.

The audit entry of each undoable write keeps what is needed to take it back (the plans a follow-up replaced,
the values a correction overwrote, contact data encrypted). Taking one back writes an ``undo`` entry naming
it, so the next 撤销 goes one record further back and nothing is undone twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from redis.asyncio import Redis

from core.config import Settings
from models import Account, AuditLog, FollowUp, WechatUser
from models.enums import Stage
from services import accounts, audit, clients, listings
from services.errors import CannotUndo, NothingToUndo

UNDO_WINDOW = timedelta(minutes=10)
UNDOABLE = (
    "followup.create",
    "client.update",
    "client.contact_add",
    "listing.update",
    "client.stage",
    "client.create",
    "client.delete",
)
NOT_UNDOABLE = (
    "listing.status",
    "listing.create",
    "listing.resubmit",
    "listing.approve",
    "listing.reject",
    "followup.cancel",
    "client.reassign",
    "client.merge",
    "client.merge_lead",
    "client.distinct",
    "deal.create",
    "deal.end",
    "withdrawal.request",
)
"""Records 撤销 does not take back: when one is the last, 撤销 says so instead of undoing an older one."""


@dataclass(frozen=True)
class Undone:
    """What was taken back: ``kind`` is the undone entry's action, ``name`` the client or listing it was about,
    ``detail`` the follow-up's note or the stage the client is back at, ``fields`` the fields restored."""

    kind: str
    name: str
    detail: str = ""
    fields: tuple[str, ...] = ()


async def undo_last(*, actor: Account, now: datetime, settings: Settings, redis: Redis) -> Undone:
    """Take back ``actor``'s last record of the last ``UNDO_WINDOW``: ``NothingToUndo`` when there is none,
    ``CannotUndo`` when it is of a kind 撤销 does not take back."""
    since = now - UNDO_WINDOW
    undone_ids = {
        entry["after"].get("undid")
        for entry in await AuditLog.filter(actor_id=actor.id, action="undo", at__gte=since - UNDO_WINDOW).values(
            "after"
        )
        if entry["after"]
    }
    entries = (
        await AuditLog.filter(actor_id=actor.id, at__gte=since, action__in=UNDOABLE + NOT_UNDOABLE)
        .order_by("-at", "-id")
        .limit(20)
    )
    entry = next((e for e in entries if e.id not in undone_ids), None)
    if entry is None:
        raise NothingToUndo(int(UNDO_WINDOW.total_seconds() // 60))
    if entry.action not in UNDOABLE or (entry.action == "client.stage" and (entry.after or {}).get("note")):
        # the last thing I did is not taken back by 撤销 (a listing's status and the stage it moved, a deal...):
        # going further back would undo something older than what the user means
        raise CannotUndo(entry.action)
    undone = await _take_back(actor, entry, settings, now)
    await audit.record(actor, "undo", entry.entity, entry.entity_id, after={"undid": entry.id, "action": entry.action})
    if entry.action == "client.delete":
        await _forget_follower(redis, entry.entity_id)
    return undone


async def _forget_follower(redis: Redis, client_id: int | None) -> None:
    """A client back from deletion is a client again for their WeChat user's next message (``accounts.Identity``)."""
    openids = await WechatUser.filter(clients__id=client_id).values_list("openid", flat=True)
    await accounts.forget_identities(redis, *(str(openid) for openid in openids if openid))


async def _take_back(actor: Account, entry: AuditLog, settings: Settings, now: datetime) -> Undone:
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "followup.create":
        followup = await FollowUp.get_or_none(id=entry.entity_id)
        if followup is None:
            raise NothingToUndo(int(UNDO_WINDOW.total_seconds() // 60))
        client = await clients.remove_followup(
            actor=actor, followup=followup, before=before, superseded=after.get("superseded") or [], settings=settings
        )
        return Undone(entry.action, client.display_name, followup.content)
    if entry.action == "client.update":
        client = await clients.get_visible(actor, entry.entity_id or 0)
        await clients.restore(actor=actor, client=client, before=before, settings=settings)
        fields = (*(after.get("fields") or ()), *(("requirement",) if after.get("requirement") else ()))
        return Undone(entry.action, client.display_name, fields=fields)
    if entry.action == "client.contact_add":
        client = await clients.get_visible(actor, entry.entity_id or 0)
        name = await clients.remove_contact(actor=actor, client=client, contact_id=after["contact"])
        return Undone(entry.action, client.display_name, name or "")
    if entry.action == "listing.update":
        listing = await listings.get_by_code(before["code"])
        await listings.restore(actor=actor, listing=listing, previous=before.get("previous") or {})
        return Undone(entry.action, listing.code, fields=tuple(sorted(before.get("previous") or {})))
    if entry.action == "client.stage":
        client = await clients.get_visible(actor, entry.entity_id or 0)
        await clients.revert_stage(
            actor=actor, client=client, to=Stage(before["stage"]), settings=settings, note="撤销"
        )
        return Undone(entry.action, client.display_name, before["stage"])
    if entry.action == "client.delete":
        client = await clients.undelete(actor=actor, client_id=entry.entity_id or 0)
        return Undone(entry.action, client.display_name)
    client = await clients.get_visible(actor, entry.entity_id or 0)
    await clients.delete(actor=actor, client=client, now=now, reason="撤销录入", action="client.uncreate")
    return Undone(entry.action, client.display_name)
