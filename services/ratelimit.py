"""Fixed-window request limits in Redis, shared by every process."""

from __future__ import annotations

import asyncio
import time

from redis.asyncio import Redis

from core import kv
from services.errors import RateLimited

WINDOW_S = 60


async def hit(redis: Redis, key: str, limit: int, *, window_s: int = WINDOW_S) -> None:
    """Count one request against ``key``; RateLimited (with Retry-After) beyond ``limit`` per window."""
    window = int(time.time()) // window_s
    redis_key = f"rl:{key}:{window}"
    batch = kv.batcher(redis)  # count and expiry in one round trip, so no key outlives its window
    count, _ = await asyncio.gather(batch.call("incr", redis_key), batch.call("expire", redis_key, window_s + 1))
    if count > limit:
        retry_after = max(1, (window + 1) * window_s - int(time.time()))
        raise RateLimited("too many requests, slow down", headers={"Retry-After": str(retry_after)})
