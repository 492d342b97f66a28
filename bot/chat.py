"""Staff chat: what a bound salesperson or manager can say."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import texts

if TYPE_CHECKING:
    from bot.router import Context


async def handle(ctx: Context, text: str) -> str:
    return texts.STAFF_HELP
