"""A minimal keep-alive HTTP/1.1 load generator on asyncio.

Requests are prepared before the clock starts, so the client spends its CPU
on I/O only and the server under test gets the machine.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlsplit


@dataclass
class Result:
    n: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    def summary(self, **extra) -> dict:
        lat = sorted(self.latencies_ms) or [0.0]

        def pct(p: float) -> float:
            return round(lat[min(len(lat) - 1, int(p / 100 * len(lat)))], 2)

        return {
            **extra,
            "n": self.n,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "per_s": round(self.n / self.seconds, 1) if self.seconds else 0,
            "p50_ms": pct(50),
            "p95_ms": pct(95),
            "p99_ms": pct(99),
            "mean_ms": round(statistics.fmean(lat), 2),
        }


def build_request(url: str, body: bytes, content_type: str = "text/xml") -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    head = (
        f"POST {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode() + body


class _Connection(asyncio.Protocol):
    """One keep-alive connection that sends a request and waits for its whole response.

    A bare Protocol (no StreamReader) keeps the generator's CPU per request low.
    """

    transport: asyncio.Transport
    """Set by ``connection_made``, which runs before ``create_connection`` returns the protocol."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.waiter: asyncio.Future | None = None
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # a stream transport (uvloop's does not subclass it)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        self._check()

    def connection_lost(self, exc) -> None:
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("closed"))

    def _check(self) -> None:
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0 or self.waiter is None or self.waiter.done():
            return
        head = bytes(self.buffer[:head_end]).lower()
        marker = head.find(b"content-length:")
        if marker >= 0:
            length = int(head[marker + 15 : head.find(b"\r\n", marker) if head.find(b"\r\n", marker) > 0 else None])
        elif head[9:12] in (b"204", b"304"):  # no body, so no length
            length = 0
        else:
            return
        if len(self.buffer) < head_end + 4 + length:
            return
        status = int(head[9:12])
        body = bytes(self.buffer[head_end + 4 : head_end + 4 + length])
        keep_alive = b"connection: close" not in head
        del self.buffer[: head_end + 4 + length]
        self.waiter.set_result((status, body, keep_alive))

    async def request(self, raw: bytes) -> tuple[int, bytes, bool]:
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(raw)
        return await self.waiter


async def run(url: str, requests: list[bytes], concurrency: int, check=None, expect: int = 200) -> Result:
    """Send ``requests`` over ``concurrency`` keep-alive connections; an answer other than ``expect``
    (or failing ``check(body)``) is an error."""
    parts = urlsplit(url)
    loop = asyncio.get_running_loop()
    queue = list(reversed(requests))
    latencies: list[float] = []
    errors = 0

    async def connect() -> _Connection:
        _, conn = await loop.create_connection(_Connection, parts.hostname or "localhost", parts.port or 80)
        return conn

    async def connection() -> None:
        nonlocal errors
        conn = await connect()
        while queue:
            raw = queue.pop()
            started = time.perf_counter()
            try:
                status, body, keep_alive = await conn.request(raw)
                ok = status == expect and (check is None or check(body))
            except (ConnectionError, ValueError):
                ok, keep_alive = False, False
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok
            if not keep_alive or conn.closed:
                conn.transport.close()
                conn = await connect()
        conn.transport.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return Result(len(requests), errors, time.perf_counter() - started, latencies)


def run_sync(coroutine):
    """Run the load on uvloop (as Sanic does), so the generator takes less of the shared CPU."""
    import uvloop

    return uvloop.run(coroutine)


def print_summary(summary: dict) -> None:
    for key, value in summary.items():
        print(f"{key:>10}: {value}")
    print(json.dumps(summary))
