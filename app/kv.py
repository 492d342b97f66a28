"""Redis, or its in-process stand-in for the embedded mode.

Everything shared between processes (access token, message dedupe, chat
context, rate limits, the job queue) lives here. With ``REDIS_URL`` empty the
app uses fakeredis, which behaves the same inside one process.
"""
from __future__ import annotations

import fakeredis
from redis.asyncio import Redis

from app.config import Settings

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
