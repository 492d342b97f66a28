"""Redis, or its in-process stand-in for the embedded mode.

Everything shared between processes (access token, message dedupe, chat
context, rate limits, the job queue) lives here. With ``REDIS_URL`` empty the
app uses fakeredis, which behaves the same inside one process.
"""

from __future__ import annotations

import asyncio
import functools
import logging

import fakeredis
from redis.asyncio import Redis

from core.config import Settings

log = logging.getLogger(__name__)

_embedded_server: fakeredis.FakeServer | None = None


def embedded_server() -> fakeredis.FakeServer:
    """One fake server per process, so every client in it sees the same data."""
    global _embedded_server
    if _embedded_server is None:
        _embedded_server = fakeredis.FakeServer()
    return _embedded_server


def connect(settings: Settings) -> Redis:
    if settings.embedded_redis:
        return fakeredis.FakeAsyncRedis(server=embedded_server())
    # No per-read socket_timeout: it wraps every reply in an asyncio timeout, a tenth of the chat
    # endpoint's CPU. Connect attempts time out; a dead server is noticed by TCP keepalive.
    return Redis.from_url(settings.redis_url, socket_connect_timeout=5, socket_keepalive=True)


class Batcher:
    """Sends the commands issued during one event-loop turn as one pipeline: one round trip.

    Under load many chat requests reach Redis in the same turn, and redis-py's
    per-command cost (pool, lock, socket write) was a third of the endpoint's
    CPU; batched, it is paid once per turn. Results and errors go back to each
    caller as if it had sent its command alone.
    """

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._pending: list[tuple[str, tuple, dict, asyncio.Future]] = []
        self._sending: set[asyncio.Future] = set()  # the loop keeps only weak references to tasks
        self._unawaited: set[asyncio.Future] = set()

    def call(self, command: str, *args, **kwargs) -> asyncio.Future:
        """``await batcher.call("set", key, value, ex=60)``: any redis-py command name and arguments."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._pending.append((command, args, kwargs, future))
        if len(self._pending) == 1:
            loop.call_soon(self._flush)
        return future

    def send(self, command: str, *args, failure: str, **kwargs) -> None:
        """``call`` for a command nobody waits for (a cache write, a queue push): a failure is logged as
        ``failure``; ``settle`` waits for those in flight."""
        future = self.call(command, *args, **kwargs)
        self._unawaited.add(future)
        future.add_done_callback(functools.partial(self._sent, failure))

    def _sent(self, failure: str, future: asyncio.Future) -> None:
        self._unawaited.discard(future)
        if not future.cancelled() and future.exception() is not None:
            log.warning("%s: %r", failure, future.exception())

    async def settle(self) -> None:
        """Wait for the commands sent without waiting (before the process stops; tests)."""
        await asyncio.gather(*self._unawaited, return_exceptions=True)

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        sending = asyncio.ensure_future(self._execute(batch))
        self._sending.add(sending)
        sending.add_done_callback(self._sending.discard)

    async def _execute(self, batch: list[tuple[str, tuple, dict, asyncio.Future]]) -> None:
        try:
            pipe = self._redis.pipeline(transaction=False)
            for command, args, kwargs, _ in batch:
                getattr(pipe, command)(*args, **kwargs)
            results = await pipe.execute(raise_on_error=False)
        except Exception as exc:  # connection trouble: every caller in the batch sees it
            results = [exc] * len(batch)
        for (*_, future), result in zip(batch, results, strict=True):
            if future.done():  # the caller was cancelled
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)


@functools.cache
def batcher(redis: Redis) -> Batcher:
    """The batcher of a Redis client (one per client, for the life of the process)."""
    return Batcher(redis)
