"""Fixed-window request limits in Redis, shared by every process."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis

from core import kv
from services.errors import RateLimited

WINDOW_S = 60


def counter(key: str, *, window_s: int = WINDOW_S) -> tuple[str, int]:
    """The Redis key counting ``key`` in the current window, and its expiry (so no key outlives its window)."""
    return f"rl:{key}:{int(time.time()) // window_s}", window_s + 1


def check(count: int, limit: int, *, window_s: int = WINDOW_S) -> None:
    """RateLimited (with Retry-After) when ``count``, this window's requests, is beyond ``limit``."""
    if count > limit:
        now = int(time.time())
        retry_after = max(1, (now // window_s + 1) * window_s - now)
        raise RateLimited("too many requests, slow down", headers={"Retry-After": str(retry_after)})


async def hit(redis: Redis, key: str, limit: int, *, window_s: int = WINDOW_S) -> None:
    """Count one request against ``key``; RateLimited (with Retry-After) beyond ``limit`` per window."""
    redis_key, ttl_s = counter(key, window_s=window_s)
    batch = kv.batcher(redis)  # count and expiry in one round trip
    count, _ = await asyncio.gather(batch.call("incr", redis_key), batch.call("expire", redis_key, ttl_s))
    check(count, limit, window_s=window_s)
