"""Answer each WeChat message once, however often WeChat retries it.

WeChat retries a callback (3 tries in all) when a reply takes over 5 s, and
the retries can land on any process. The first process to claim the
message's key computes the reply; the others wait for it and answer the
same. Keys live in Redis (or the embedded stand-in).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import math
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from redis.asyncio import Redis
from wechatpy.messages import BaseMessage

from bot.protocol import event_name
from core import kv
from core.config import Settings
from services.visitors import Arrival

PENDING = b"\x00pending"
TTL_S = 300
CLAIM_MARGIN_S = 4
NO_REPLY = "success"

# Bind the signed query KEYS[3] to the body's digest ARGV[3] (refuse, -1, if it is bound to another body),
# claim KEYS[1] for this process and, in the same round trip, read KEYS[2] (the sender's cached identity,
# which nearly every reply needs). With KEYS[4] and KEYS[5] (``services.visitors.Arrival``), a message
# claimed here from a sender whose identity says unbound (``<user>::``, ``services.accounts``) is counted
# in KEYS[4] and opens the window KEYS[5]; the count is returned.
_CLAIM = """
if not redis.call("SET", KEYS[3], ARGV[3], "NX", "EX", ARGV[4]) and redis.call("GET", KEYS[3]) ~= ARGV[3] then
  return {-1, false, false}
end
local claimed = redis.call("SET", KEYS[1], ARGV[1], "NX", "EX", ARGV[2])
local identity = redis.call("GET", KEYS[2])
local arrivals = false
if claimed and KEYS[5] and identity and string.find(identity, "^%d+::") then
  arrivals = redis.call("INCR", KEYS[4])
  redis.call("EXPIRE", KEYS[4], ARGV[5])
  redis.call("SET", KEYS[5], ARGV[6], "EX", ARGV[7])
end
return {claimed and 1 or 0, identity, arrivals}
"""


class SignatureReused(Exception):
    """A signed query seen before with another body: a replayed signature, not WeChat's retry."""


@dataclass(frozen=True)
class Binding:
    """A callback's signed query (signature, timestamp, nonce) and the digest of the message it came with.

    The URL signature covers neither sender nor body, so a leaked callback URL
    would sign any body while its timestamp is fresh: the first body seen with
    it is the only one answered. The binding lasts as long as the timestamp is
    accepted (``Protocol.verify``), and a little more.
    """

    key: str
    digest: str
    ttl_s: int

    @classmethod
    def of(cls, cb, xml: str, max_age_s: int, now: float | None = None) -> Binding:
        fresh_for = int(cb.timestamp) + max_age_s - int(now or time.time())
        return cls(
            f"wx:sig:{cb.timestamp}:{cb.nonce}:{cb.signature}",
            hashlib.blake2b(xml.encode("utf-8"), digest_size=16).hexdigest(),
            max(fresh_for, 0) + 5,
        )


def message_key(message: BaseMessage) -> str:
    """MsgIds are unique per sender only: two users' messages may share one."""
    if message.id:
        return f"wx:msg:{message.source}:{message.id}"
    event = event_name(message) or message.type
    return f"wx:evt:{message.source}:{int(message.create_time.timestamp())}:{event}"


class Replies:
    """Claims and cached replies of the endpoint, in Redis.

    A cached reply can hold a client's full phone or WeChat id, so it is
    stored encrypted (AES-GCM under a key derived from SECRET_KEY for this use
    only, bound to its Redis key); the pending marker is not secret.
    """

    def __init__(self, redis: Redis, settings: Settings) -> None:
        self._redis = redis
        self._batch = kv.batcher(redis)
        self._aead = AESGCM(hmac.new(settings.secret_key_bytes, b"scrm-wechat-reply-cache", hashlib.sha256).digest())
        # A claim outlives the reply deadline and the writing down of a late message (bot.inbound), no more:
        # a process killed before answering leaves the message to WeChat's next try, 5 s after the first.
        self._claim_ttl_s = math.ceil(settings.reply_deadline_s) + CLAIM_MARGIN_S

    async def once(
        self,
        key: str,
        compute: Callable[[bytes | None, int | None], Awaitable[str]],
        *,
        prefetch: str,
        binding: Binding,
        arrival: Arrival | None = None,
        wait_s: float = 4.5,
    ) -> str:
        """The reply for ``key``: computed here if first, else the first one's.

        ``compute`` receives the value of the ``prefetch`` key, read in the same
        round trip as the claim, and the count of ``arrival`` when the claim made
        it (a visitor's message; None otherwise). Raises SignatureReused if
        ``binding`` refuses the body.
        """
        keys = [key, prefetch, binding.key]
        args: list = [PENDING, self._claim_ttl_s, binding.digest, binding.ttl_s]
        if arrival is not None:
            keys += [arrival.counter, arrival.window]
            args += [arrival.counter_ttl_s, arrival.at, arrival.window_ttl_s]
        claimed, prefetched, arrivals = await self._batch.call("eval", _CLAIM, len(keys), *keys, *args)
        if claimed == -1:
            raise SignatureReused(binding.key)
        if claimed:
            try:
                reply = await compute(prefetched or None, arrivals)
            except BaseException:
                # Nothing was committed (services use transactions): let a retry try again.
                await self._redis.delete(key)
                raise
            self._keep(key, reply)
            return reply
        deadline = asyncio.get_running_loop().time() + wait_s
        while True:
            value = await self._redis.get(key)
            if value is None:
                # The first attempt failed and released the key: this retry takes over.
                return await self.once(key, compute, prefetch=prefetch, binding=binding, arrival=arrival, wait_s=wait_s)
            if value != PENDING:
                return self._open(key, value)
            if asyncio.get_running_loop().time() >= deadline:
                return NO_REPLY
            await asyncio.sleep(0.05)

    def _keep(self, key: str, reply: str) -> None:
        """Cache the reply for WeChat's retries without waiting for it: the answer goes out meanwhile. A retry
        that comes first finds the claim and waits for the reply (``once``); if the write fails, the claim
        expires and a retry computes the reply again, as when a process dies before answering."""
        self._batch.send("set", key, self._seal(key, reply), ex=TTL_S, failure="reply not cached for retries")

    async def settle(self) -> None:
        """Wait for the replies being cached (before the process stops; tests)."""
        await self._batch.settle()

    def _seal(self, key: str, reply: str) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, reply.encode("utf-8"), key.encode())

    def _open(self, key: str, sealed: bytes) -> str:
        try:
            return self._aead.decrypt(sealed[:12], sealed[12:], key.encode()).decode("utf-8")
        except InvalidTag:  # sealed under another SECRET_KEY (a deploy changed it): no reply beats a wrong one
            return NO_REPLY
