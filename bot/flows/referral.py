"""``referral_code`` and ``poster``: share codes and posters."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.router import Context
    from nlp import Parsed


async def handle(ctx: Context, parsed: Parsed) -> str:
    if parsed.intent == "poster":
        return "海报功能即将上线，敬请期待。"
    return "推广码功能即将上线，敬请期待。"
