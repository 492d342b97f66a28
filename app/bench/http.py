"""A minimal keep-alive HTTP/1.1 load generator on asyncio streams.

Requests are prepared before the clock starts, so the client spends its CPU
on I/O only and the server under test gets the machine.
"""
from __future__ import annotations

import asyncio
import json
import statistics
import time
from dataclasses import dataclass
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

        return {**extra, "n": self.n, "errors": self.errors, "seconds": round(self.seconds, 3),
                "per_s": round(self.n / self.seconds, 1) if self.seconds else 0,
                "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
                "mean_ms": round(statistics.fmean(lat), 2)}


def build_request(url: str, body: bytes, content_type: str = "text/xml") -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    head = (f"POST {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n")
    return head.encode() + body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def run(url: str, requests: list[bytes], concurrency: int, check=None) -> Result:
    parts = urlsplit(url)
    queue = list(reversed(requests))
    latencies: list[float] = []
    errors = 0

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        while queue:
            raw = queue.pop()
            started = time.perf_counter()
            try:
                writer.write(raw)
                status, body = await _read_response(reader)
                ok = status == 200 and (check is None or check(body))
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                ok = False
                writer.close()
                reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return Result(len(requests), errors, time.perf_counter() - started, latencies)


def print_summary(summary: dict) -> None:
    for key, value in summary.items():
        print(f"{key:>10}: {value}")
    print(json.dumps(summary))
