"""A web process's background loops: one step every few seconds, for ever; a failing step (the database down)
is logged and retried after a pause that doubles up to ``MAX_PAUSE_S``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

MAX_PAUSE_S = 30.0


async def every(interval_s: float, step: Callable[[], Awaitable[object]], *, what: str) -> None:
    """Await ``step()`` every ``interval_s`` seconds until cancelled; ``what`` names it in the log."""
    pause = interval_s
    while True:
        await asyncio.sleep(pause)
        try:
            await step()
            pause = interval_s
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s failed; retrying", what)
            pause = min(max(pause * 2, 1.0), MAX_PAUSE_S)
