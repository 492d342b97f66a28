"""The CLI's commands, one module each (see app.cli)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from core.config import Settings
from services.resources import Resources, opened


def command(
    work: Callable[[Resources, object], Awaitable[int]], *, check_pii_key: bool = True
) -> Callable[[Settings, object], int]:
    """A CLI command's ``run(settings, args)`` that does ``work(resources, args)`` with resources open."""

    def run(settings: Settings, args) -> int:
        async def main() -> int:
            async with opened(settings, check_pii_key=check_pii_key) as resources:
                return await work(resources, args)

        return asyncio.run(main())

    return run
