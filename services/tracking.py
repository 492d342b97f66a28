"""Tracking of H5 pages: events are queued in Redis on the request path and written in batches.

A page view mints a share token; the page puts it into every link it shares
(``?t=<token>``), so a visit arriving with a token is a child of that view and
shares are counted from the visits they produce. Later events of a view
(clicks, dwell heartbeats, share setups, the consultation) carry its token and
are kept only when they come from the same visitor as the view: a forged or
replayed beacon with someone else's token is dropped.

Who is credited (``sharer_id``): a visit through a staff member's or partner's
own link (``?s=s12``) credits them; a visit through a shared token credits the
sharing visitor if they are staff or a partner, else whoever was credited for
the sharer's own visit, so a forwarding chain stays with the person who started it.

Ingestion never blocks a page: ``enqueue`` holds the events for the process's next Redis push; every
web process drains the queue (``run_ingest``) with an atomic multi-pop, so each
event is written by exactly one process, in one transaction per batch. A batch
whose insert fails goes back to the queue.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from datetime import datetime, timezone
from typing import Any

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from core import kv, loops
from core.config import Settings
from models import Account, TrackEvent, WechatUser
from models.enums import EventKind
from services import metrics
from services.resources import Resources

QUEUE_KEY = "track:queue"
RETRY_KEY = "track:retry"
# A beacon can be written before its view: another process may still be inserting the batch with the view.
# Such events wait for the next flush; past this age their view is taken to be forged or lost.
UNKNOWN_VIEW_GRACE_S = 60
_REQUEUE = """
local items = redis.call('lrange', KEYS[1], 0, 999)
if #items > 0 then
  redis.call('rpush', KEYS[2], unpack(items))
  redis.call('ltrim', KEYS[1], #items, -1)
end
return #items
"""
TOKEN = re.compile(r"[A-Za-z0-9_-]{12}")
VISITOR = re.compile(r"[A-Za-z0-9_-]{16}")
CHANNEL = re.compile(r"[a-z_]{1,16}")
SCENE = re.compile(r"[sp]([1-9][0-9]{0,9})")
CHANNELS = frozenset({"share", "poster", "chat", "miniapp", "moments", "direct", "portfolio", "similar"})
CLICK_TARGETS = frozenset(
    {"tel", "nav_tencent", "nav_amap", "video", "panorama", "vr", "photo", "floor_plan", "miniapp", "listing", "form"}
)
MAX_ACCOUNT_ID = 2**31 - 1
KINDS = frozenset(kind.value for kind in EventKind)
_drain_lock: asyncio.Lock | None = None


def mint_token() -> str:
    return secrets.token_urlsafe(9)


def mint_visitor() -> str:
    return secrets.token_urlsafe(12)


def channel_of(value: str | None, *, shared: bool) -> str:
    """The visit's channel from the link's ``c=``; a link with a share token is a share unless it says otherwise."""
    if value in CHANNELS:
        return value
    return "share" if shared else "direct"


def scene_account(value: str | None) -> int | None:
    """The account id in a staff or partner link's ``s=s12`` / ``s=p5``; None if there is none or it is malformed."""
    match = SCENE.fullmatch(value or "")
    if match is None or int(match.group(1)) > MAX_ACCOUNT_ID:
        return None
    return int(match.group(1))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def view_event(
    *,
    token: str,
    parent_token: str | None,
    listing_id: int | None,
    visitor: str,
    wechat_user_id: int | None,
    scene_account_id: int | None,
    channel: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    return {
        "k": EventKind.VIEW.value,
        "t": token,
        "p": parent_token,
        "l": listing_id,
        "v": visitor,
        "u": wechat_user_id,
        "s": scene_account_id,
        "c": channel,
        "at": (now or _now()).timestamp(),
    }


def follow_event(
    kind: EventKind,
    *,
    token: str,
    visitor: str,
    target: str | None = None,
    value: int | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """An event of an existing view (click, dwell, share, poster scan, consult)."""
    return {"k": kind.value, "t": token, "v": visitor, "x": target, "n": value, "at": (now or _now()).timestamp()}


PUSH_S = 0.05
"""Events are held in the process this long and pushed as one RPUSH: thousands of views a second cost a few
Redis writes instead of one each (an event is lost if the process dies meanwhile, as a push in flight is)."""
PUSH_MAX = 1000
"""More events than this are pushed at once."""


class _Held:
    """The events waiting for one Redis client since its last push."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.items: list[str] = []


_held: dict[Redis, _Held] = {}


def enqueue(redis: Redis, events: list[dict[str, Any]]) -> None:
    """Queue events for the next batch write without waiting for Redis: they are pushed with the others of
    the next ``PUSH_S``, and a failed push is logged (tracking never holds up a page)."""
    if not events:
        return
    loop = asyncio.get_running_loop()
    held = _held.get(redis)
    if held is None or held.loop is not loop:  # another loop's events (a test's) are gone with it
        held = _held[redis] = _Held(loop)
        loop.call_later(PUSH_S, _push, redis, held)
    held.items.extend(json.dumps(e, separators=(",", ":")) for e in events)
    if len(held.items) >= PUSH_MAX:
        _push(redis, held)
    metrics.count_tracking(redis, [e["k"] for e in events])


def _push(redis: Redis, held: _Held) -> None:
    """Send ``held`` as one RPUSH (pipelined by ``core.kv``), unless it was sent already."""
    if _held.get(redis) is held:
        del _held[redis]
    if not held.items:
        return
    kv.batcher(redis).send("rpush", QUEUE_KEY, *held.items, failure="tracking: events lost, Redis refused the push")
    held.items = []


async def push(redis: Redis) -> None:
    """Send the held events now and wait for every push in flight (before a flush, and at shutdown)."""
    held = _held.get(redis)
    if held is not None and held.loop is asyncio.get_running_loop():
        _push(redis, held)
    await kv.batcher(redis).settle()


async def queued(redis: Redis) -> int:
    return await redis.llen(QUEUE_KEY)  # type: ignore[misc]  # redis-py types list commands sync-or-async


async def flush(redis: Redis, *, settings: Settings, batch: int | None = None) -> int:
    """Write every queued event; returns how many were taken off the queue (dropped forgeries included)."""
    global _drain_lock
    if _drain_lock is None:
        _drain_lock = asyncio.Lock()
    size = batch or settings.h5.ingest_batch
    dwell_cap_ms = settings.h5.dwell_cap_s * 1000
    taken = 0
    await push(redis)  # this process's held events and pushes still in flight come first
    async with _drain_lock:  # so a caller's flush returns only after this process's running batch is written
        await redis.eval(_REQUEUE, 2, RETRY_KEY, QUEUE_KEY)  # type: ignore[misc]  # last flush's early beacons
        while True:
            raw = await redis.lpop(QUEUE_KEY, size)  # type: ignore[misc]
            if not raw:
                return taken
            try:
                early = await _store([_parse(item) for item in raw], dwell_cap_ms)
            except Exception:
                await redis.rpush(QUEUE_KEY, *raw)  # type: ignore[misc]
                raise
            if early:
                await redis.rpush(RETRY_KEY, *(raw[i] for i in early))  # type: ignore[misc]
            taken += len(raw) - len(early)
            if len(raw) < size:
                return taken


async def run_ingest(resources: Resources) -> None:
    """A web process's background writer: flush every ``h5.ingest_interval_s``."""
    await loops.every(
        resources.settings.h5.ingest_interval_s,
        lambda: flush(resources.redis, settings=resources.settings),
        what="tracking: writing queued events",
    )


def _parse(item: bytes | str) -> dict[str, Any] | None:
    try:
        event = json.loads(item)
    except ValueError:
        return None
    if not isinstance(event, dict) or event.get("k") not in KINDS or not isinstance(event.get("at"), (int, float)):
        return None
    return event if isinstance(event.get("t"), str) and isinstance(event.get("v"), str) else None


async def _store(parsed: list[dict[str, Any] | None], dwell_cap_ms: int) -> list[int]:
    """Write the batch; returns the positions of young events whose view is not stored yet (to retry)."""
    events = [(i, e) for i, e in enumerate(parsed) if e is not None]
    views = {e["t"]: e for _, e in events if e.get("k") == EventKind.VIEW.value}
    wanted = {e["t"] for _, e in events if e["t"] not in views} | {e["p"] for e in views.values() if e.get("p")}
    known = (
        {
            row["token"]: row
            for row in await TrackEvent.filter(kind=EventKind.VIEW, token__in=list(wanted)).values(
                "token", "listing_id", "visitor", "wechat_user_id", "sharer_id", "channel"
            )
        }
        if wanted
        else {}
    )
    active, bound = await _accounts(views, known)
    rows: list[dict[str, Any]] = []
    early: list[int] = []
    young = time.time() - UNKNOWN_VIEW_GRACE_S
    for position, event in events:
        at = datetime.fromtimestamp(event["at"], timezone.utc)
        if event["k"] == EventKind.VIEW.value:
            row = _credit(event, known, active, bound)
            known[event["t"]] = row
            rows.append({"kind": EventKind.VIEW, "happened_at": at, **row})
            continue
        view = known.get(event["t"])
        if view is None and event["at"] > young:
            early.append(position)  # its view may be in another process's batch still being written
            continue
        if view is None or view["visitor"] != event["v"]:
            continue  # an unknown token, or another visitor's: forged or replayed
        value = event.get("n")
        if event["k"] == EventKind.DWELL.value:
            value = min(max(int(value or 0), 0), dwell_cap_ms)
        rows.append(
            {
                "kind": EventKind(event["k"]),
                "happened_at": at,
                "target": event.get("x"),
                "value": value,
                "token": event["t"],
                "listing_id": view["listing_id"],
                "visitor": view["visitor"],
                "wechat_user_id": view["wechat_user_id"],
                "sharer_id": view["sharer_id"],
                "channel": view["channel"],
            }
        )
    if rows:
        async with in_transaction():
            await _insert(rows)
    return early


async def _insert(rows: list[dict[str, Any]]) -> None:
    """One ``executemany`` of Tortoise's own INSERT and value conversions, without a model instance per event
    (which was most of the writer's time)."""
    db = TrackEvent._meta.db
    executor = db.executor_class(model=TrackEvent, db=db)
    fields = [TrackEvent._meta.fields_map[name] for name in executor.regular_columns]
    values = [[field.to_db_value(row.get(field.model_field_name), TrackEvent) for field in fields] for row in rows]
    await db.execute_many(executor.insert_query, values)


async def _accounts(views: dict[str, dict], known: dict[str, dict]) -> tuple[set[int], dict[int, int]]:
    """Which credited ids are active accounts, and the account each bound WeChat user belongs to."""
    ids = {e["s"] for e in views.values() if e.get("s")}
    users = {e.get("u") for e in views.values() if e.get("u")} | {
        r["wechat_user_id"] for r in known.values() if r["wechat_user_id"]
    }
    active: set[int] = set()
    bound: dict[int, int] = {}
    if ids:
        active = {row["id"] for row in await Account.filter(id__in=list(ids), active=True).values("id")}
    if users:
        rows = await WechatUser.filter(id__in=list(users), account_id__not_isnull=True).values("id", "account_id")
        bound = {row["id"]: row["account_id"] for row in rows}
    return active, bound


def _credit(event: dict[str, Any], known: dict[str, dict], active: set[int], bound: dict[int, int]) -> dict[str, Any]:
    """The stored view: its parent (unless the visitor reopened their own link) and who is credited."""
    parent_token: str | None = event.get("p")
    parent = known.get(parent_token) if parent_token else None
    if parent is None:
        parent_token = None
    sharer = event.get("s") if event.get("s") in active else None
    if parent is not None:
        if parent["visitor"] == event["v"]:
            parent_token = None  # the sharer's own second look is not a share
            sharer = parent["sharer_id"]
        else:
            sharer = bound.get(parent["wechat_user_id"]) or parent["sharer_id"] or sharer
    channel = event["c"] if CHANNEL.fullmatch(event.get("c") or "") else "direct"
    return {
        "token": event["t"],
        "parent_token": parent_token,
        "listing_id": event.get("l"),
        "visitor": event["v"],
        "wechat_user_id": event.get("u"),
        "sharer_id": sharer,
        "channel": channel,
    }


async def view_of(redis: Redis, token: str, *, settings: Settings) -> dict[str, Any] | None:
    """A stored view by its token (queued events are written first); None if there is no such view."""
    if not TOKEN.fullmatch(token or ""):
        return None
    row = await TrackEvent.filter(kind=EventKind.VIEW, token=token).values(
        "token", "listing_id", "visitor", "wechat_user_id", "sharer_id", "channel"
    )
    if not row:
        await flush(redis, settings=settings)
        row = await TrackEvent.filter(kind=EventKind.VIEW, token=token).values(
            "token", "listing_id", "visitor", "wechat_user_id", "sharer_id", "channel"
        )
    return row[0] if row else None
