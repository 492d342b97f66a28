"""Credentials WeChat issues for a limited time (access token, jsapi_ticket), shared by every process through Redis."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis

from .errors import TransientError

# Compare-and-delete: release the lock only if we still own it.
_RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""

Fetch = Callable[[bool], Awaitable[tuple[str, int]]]


class TokenCache:
    """Keeps the token in ``wechat:<kind>:<appid>`` until shortly before it
    expires; one process at a time fetches a new one under a Redis lock while
    the others poll the key. ``kind`` is ``token`` (access token) or
    ``jsapi_ticket``."""

    def __init__(
        self,
        redis: Redis,
        appid: str,
        fetch: Fetch,
        *,
        lock_ttl: float,
        margin: int = 300,
        poll_interval: float = 0.05,
        kind: str = "token",
    ) -> None:
        self._redis = redis
        self._kind = kind
        self._key = f"wechat:{kind}:{appid}"
        self._lock_key = f"wechat:{kind}:{appid}:lock"
        self._fetch = fetch
        self._lock_ttl_ms = int(lock_ttl * 1000)
        self._margin = margin
        self._poll_interval = poll_interval
        self._release = redis.register_script(_RELEASE)

    async def get(self) -> str:
        return await self._cached() or await self.refresh()

    async def refresh(self, failed: str | None = None) -> str:
        """A valid token other than ``failed`` (the one WeChat just refused).

        If another caller already replaced ``failed``, its token is returned:
        N concurrent failures cause one fetch.
        """
        deadline = time.monotonic() + 2 * self._lock_ttl_ms / 1000
        while True:
            current = await self._cached()
            if current and current != failed:
                return current
            owner = secrets.token_hex(16)
            if await self._redis.set(self._lock_key, owner, nx=True, px=self._lock_ttl_ms):
                try:
                    current = await self._cached()
                    if current and current != failed:
                        return current
                    # stable_token hands out the same token while WeChat
                    # thinks it valid; force a new one (20 a day) only if
                    # that is the very token WeChat just refused.
                    token, expires_in = await self._fetch(False)
                    if failed is not None and token == failed:
                        token, expires_in = await self._fetch(True)
                    ttl = max(expires_in - self._margin, expires_in // 2, 1)
                    await self._redis.set(self._key, token, ex=ttl)
                    return token
                finally:
                    await self._release(keys=[self._lock_key], args=[owner])
            if time.monotonic() > deadline:
                raise TransientError(None, f"timed out waiting for another process's {self._kind} refresh", self._kind)
            await asyncio.sleep(self._poll_interval)

    async def _cached(self) -> str | None:
        value = await self._redis.get(self._key)
        return value.decode() if isinstance(value, bytes) else value
