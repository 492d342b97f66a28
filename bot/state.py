"""Short-lived chat state per WeChat user, in Redis: a pending numbered choice, the last result list.

Both expire after ``TTL_S``; a new question replaces the old one.
"""

from __future__ import annotations

import json

from redis.asyncio import Redis

from core import kv

TTL_S = 600


def _key(kind: str, openid: str) -> str:
    return f"chat:{kind}:{openid}"


async def put(redis: Redis, kind: str, openid: str, value: dict, *, ttl: int = TTL_S) -> None:
    await redis.set(_key(kind, openid), json.dumps(value, ensure_ascii=False, default=str), ex=ttl)


async def get(redis: Redis, kind: str, openid: str) -> dict | None:
    raw = await redis.get(_key(kind, openid))
    return json.loads(raw) if raw else None


async def drop(redis: Redis, kind: str, openid: str) -> None:
    """Batched (``core.kv``): the router drops a bound sender's open question on nearly every message."""
    await kv.batcher(redis).call("delete", _key(kind, openid))
