"""``python -m app serve`` processes for tests that need real servers (stopped, killed, restarted)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import httpx
import pytest


def start(port: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_until_serving(procs: list[subprocess.Popen], urls: list[str], timeout: float = 60) -> None:
    """Until each server answers /healthz; a server that exits or never answers fails the test with its stderr."""
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        for url in urls:
            while True:
                try:
                    if (await client.get(f"{url}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    for proc in procs:
                        proc.kill()
                    errors = b"".join(proc.stderr.read() for proc in procs).decode()[-3000:]
                    pytest.fail(f"servers did not start:\n{errors}")
                await asyncio.sleep(0.2)
