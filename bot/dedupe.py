"""Answer each WeChat message once, however often WeChat retries it.

WeChat retries a callback (3 tries in all) when a reply takes over 5 s, and
the retries can land on any process. The first process to claim the
message's key computes the reply; the others wait for it and answer the
same. Keys live in Redis (or the embedded stand-in).
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from wechatpy.messages import BaseMessage

from core import kv

PENDING = b"\x00pending"
TTL_S = 300
NO_REPLY = "success"

# Claim KEYS[1] for this process and, in the same round trip, read KEYS[2]
# (the sender's cached identity, which nearly every reply needs).
_CLAIM = """
local claimed = redis.call("SET", KEYS[1], ARGV[1], "NX", "EX", ARGV[2])
return {claimed and 1 or 0, redis.call("GET", KEYS[2]) or false}
"""


def message_key(message: BaseMessage) -> str:
    """MsgIds are unique per sender only: two users' messages may share one."""
    if message.id:
        return f"wx:msg:{message.source}:{message.id}"
    event = getattr(message, "event", message.type)
    return f"wx:evt:{message.source}:{int(message.create_time.timestamp())}:{event}"


async def once(redis: Redis, key: str, compute: Callable[[bytes | None], Awaitable[str]], *, prefetch: str,
               wait_s: float = 4.5) -> str:
    """The reply for ``key``: computed here if first, else the first one's.

    ``compute`` receives the value of the ``prefetch`` key, read in the same
    round trip as the claim.
    """
    batch = kv.batcher(redis)
    claimed, prefetched = await batch.call("eval", _CLAIM, 2, key, prefetch, PENDING, TTL_S)
    if claimed:
        try:
            reply = await compute(prefetched or None)
        except BaseException:
            # Nothing was committed (services use transactions): let a retry try again.
            await redis.delete(key)
            raise
        await batch.call("set", key, reply.encode("utf-8"), ex=TTL_S)
        return reply
    deadline = asyncio.get_running_loop().time() + wait_s
    while True:
        value = await redis.get(key)
        if value is None:
            # The first attempt failed and released the key: this retry takes over.
            return await once(redis, key, compute, prefetch=prefetch, wait_s=wait_s)
        if value != PENDING:
            return value.decode("utf-8")
        if asyncio.get_running_loop().time() >= deadline:
            return NO_REPLY
        await asyncio.sleep(0.05)
