"""Follows, unfollows and code scans of the official account: queued in Redis on the reply path, written in batches.

When a poster goes viral thousands follow in the same minute, and each welcome must go back within
WeChat's deadline: the reply only appends the touch to a Redis stream (pipelined with the other
commands of its event-loop turn). Every web process runs a writer (``run_writer``); one at a time, under
a Redis lock, a writer takes a batch from the stream's head, writes it in one transaction (one upsert of
the users, attribution's conditional UPDATE per touch through a code, the events) and only then deletes
the entries. So each user's touches are written in the order WeChat sent them, and a writer that dies
mid-batch leaves its entries queued for the next one. Writing a batch again changes nothing already
written: the upsert and the conditional UPDATE come to the same result, and an event already stored (same
user, code and moment) is not stored twice.

Whatever reads a follower's attribution right after their follow (a lead, the tests) calls ``flush`` first.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from core import kv, loops
from core.db import stored_time
from models import ReferralEvent, WechatUser
from models.enums import ReferralEventKind
from services import tasks, wechat_users
from services.referrals import attribution
from services.resources import Resources

log = logging.getLogger(__name__)

QUEUE_KEY = "follows:queue"
DEAD_KEY = "follows:dead"
"""Entries the writer could not read, moved aside (with the reason) so they do not hold up the queue."""
LOCK_KEY = "follows:writer"
LOCK_TTL_MS = 10_000
"""A writer that died holding the lock holds up the queue this long; a batch takes a fraction of it."""
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_local_lock: asyncio.Lock | None = None


class Touch(str, Enum):
    FOLLOW = "f"
    UNFOLLOW = "u"
    SCAN = "s"


@dataclass(frozen=True)
class _Queued:
    touch: Touch
    openid: str
    scene: str
    at: datetime


async def queue(redis: Redis, touch: Touch, openid: str, scene: str = "", *, now: datetime | None = None) -> None:
    """Queue a touch (``scene``: the code's string, or empty) to be written by the next batch."""
    at = now or datetime.now(timezone.utc)
    micros = (at - _EPOCH) // timedelta(microseconds=1)
    await kv.batcher(redis).call("xadd", QUEUE_KEY, {"t": touch.value, "o": openid, "s": scene, "at": micros})


async def flush(resources: Resources) -> None:
    """Write every touch queued before this call (waiting while another process's writer holds the queue)."""
    newest = await resources.redis.xrevrange(QUEUE_KEY, count=1)
    if not newest:
        return
    until = newest[0][0]
    while True:
        written = await _write_batch(resources, until=until)
        if written is None:
            await asyncio.sleep(0.01)
        elif written < resources.settings.referral.follows_batch:
            return


async def run_writer(resources: Resources) -> None:
    """A web process's background writer: every ``referral.follows_interval_s`` it writes what is queued."""
    await loops.every(
        resources.settings.referral.follows_interval_s,
        lambda: _write_queued(resources),
        what="follows: writing queued touches",
    )


async def _write_queued(resources: Resources) -> None:
    while await resources.redis.xlen(QUEUE_KEY):
        written = await _write_batch(resources)
        if written is None or written < resources.settings.referral.follows_batch:
            return


async def _write_batch(resources: Resources, *, until: bytes | str = "+") -> int | None:
    """Write the queue's first batch (entries up to ``until``) under the writers' lock: how many touches were
    written, or None if another process holds the lock."""
    global _local_lock
    if _local_lock is None:
        _local_lock = asyncio.Lock()
    redis = resources.redis
    async with _local_lock:
        token = secrets.token_hex(8)
        if not await redis.set(LOCK_KEY, token, nx=True, px=LOCK_TTL_MS):
            return None
        try:
            entries = await redis.xrange(QUEUE_KEY, max=until, count=resources.settings.referral.follows_batch)
            if entries:
                followed = await _store(resources, await _readable(redis, entries))
                await redis.xdel(QUEUE_KEY, *(entry_id for entry_id, _ in entries))
                await _learn_unionids(resources, entries[0][0], followed)
            return len(entries)
        finally:
            await redis.eval(_RELEASE, 1, LOCK_KEY, token)  # type: ignore[misc]  # redis-py types eval sync-or-async


async def _readable(redis: Redis, entries: list) -> list[_Queued]:
    """The batch's touches; an entry that cannot be read is copied to ``DEAD_KEY`` and logged, and is deleted
    with the batch, so one bad entry cannot stop every follow behind it."""
    batch = []
    for entry_id, fields in entries:
        try:
            batch.append(_parse(fields))
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            log.error("follows: unreadable queue entry %s moved to %s: %r", entry_id, DEAD_KEY, exc)
            await redis.xadd(DEAD_KEY, {**fields, "error": repr(exc)}, maxlen=10_000, approximate=True)
    return batch


def _parse(fields: dict) -> _Queued:
    get = {key.decode(): value.decode() for key, value in fields.items()}
    at = _EPOCH + timedelta(microseconds=int(get["at"]))
    return _Queued(Touch(get["t"]), get["o"], get["s"], at)


async def _store(resources: Resources, batch: list[_Queued]) -> list[str]:
    """Write a batch in one transaction; returns the openids that followed."""
    if not batch:
        return []
    scenes = {
        value: await attribution.cached_scene(resources.redis, value) for value in {q.scene for q in batch if q.scene}
    }
    async with in_transaction():
        user_ids = await _upsert_users(batch)
        stored = await _stored_touches(batch, user_ids)
        touches = []
        for queued in batch:
            scene = scenes.get(queued.scene)
            if scene is None or queued.touch == Touch.UNFOLLOW:
                continue
            touch = (user_ids[queued.openid], scene, queued.at)
            if (touch[0], scene.id, queued.at) not in stored:  # else written before its entry was deleted
                touches.append((touch, queued.touch))
        attributed = await attribution.attribute_each([touch for touch, _ in touches], settings=resources.settings)
        if touches:
            await ReferralEvent.bulk_create(
                [
                    ReferralEvent(
                        scene_id=scene.id,
                        kind=ReferralEventKind.FOLLOW if kind == Touch.FOLLOW else ReferralEventKind.SCAN,
                        wechat_user_id=user_id,
                        attributed=won,
                        happened_at=at,
                    )
                    for ((user_id, scene, at), kind), won in zip(touches, attributed, strict=True)
                ]
            )
    return [q.openid for q in batch if q.touch == Touch.FOLLOW]


async def _upsert_users(batch: list[_Queued]) -> dict[str, int]:
    """Every touched user (created if new) with their follows and unfollows in order, in one statement; their ids.

    A scan changes nothing but ``updated_at``; a later row of the same user updates the row an earlier one wrote.
    """
    rows = []
    for queued in batch:
        stamp = stored_time(queued.at)
        followed = stamp if queued.touch == Touch.FOLLOW else None
        unfollowed = stamp if queued.touch == Touch.UNFOLLOW else None
        rows.append((queued.openid, queued.touch == Touch.FOLLOW, followed, unfollowed, stamp, stamp))
    db = WechatUser._meta.db  # the transaction's connection
    columns = "openid, subscribed, subscribed_at, unsubscribed_at, created_at, updated_at"
    if db.capabilities.dialect == "mysql":
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
        new = "VALUES({})".format
        upsert = "ON DUPLICATE KEY UPDATE"
    else:
        values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(rows))
        new = "excluded.{}".format
        upsert = "ON CONFLICT (openid) DO UPDATE SET"
    await db.execute_query(
        f"INSERT INTO wechat_users ({columns}) VALUES {values} {upsert} "
        f"subscribed = CASE WHEN {new('subscribed_at')} IS NULL AND {new('unsubscribed_at')} IS NULL "
        f"THEN subscribed ELSE {new('subscribed')} END, "
        f"subscribed_at = COALESCE({new('subscribed_at')}, subscribed_at), "
        f"unsubscribed_at = COALESCE({new('unsubscribed_at')}, unsubscribed_at), "
        f"updated_at = {new('updated_at')}",
        [value for row in rows for value in row],
    )
    found = await WechatUser.filter(openid__in=list({q.openid for q in batch})).values_list("openid", "id")
    return dict(found)


async def _stored_touches(batch: list[_Queued], user_ids: dict[str, int]) -> set[tuple[int, int, datetime]]:
    """(user, scene, moment) of the batch's touches already stored: only when a batch is written again."""
    rows = await ReferralEvent.filter(
        wechat_user_id__in=list(set(user_ids.values())),
        kind__in=(ReferralEventKind.FOLLOW, ReferralEventKind.SCAN),
        happened_at__gte=min(q.at for q in batch),
    ).values_list("wechat_user_id", "scene_id", "happened_at")
    return {(user_id, scene_id, at) for user_id, scene_id, at in rows}


async def _learn_unionids(resources: Resources, entry_id: bytes | str, openids: list[str]) -> None:
    """After the follows are written: one background job learns the followers' unionids (``entry_id``, the batch's
    first queue entry, makes a batch written again the same job)."""
    if openids:
        job_id = f"unionids:{entry_id.decode() if isinstance(entry_id, bytes) else entry_id}"
        await tasks.enqueue(resources, wechat_users.fetch_unionids, list(dict.fromkeys(openids)), job_id=job_id)
