"""``referral_code`` and ``poster``: share codes and posters.

The reply comes at once; creating the QR code, uploading it and sending the
image (slow WeChat calls) run as a task and arrive by customer-service message.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import texts
from services import referrals, tasks

if TYPE_CHECKING:
    from bot.router import Context
    from nlp import Parsed


async def handle(ctx: Context, parsed: Parsed) -> str:
    if parsed.intent == "poster":
        return texts.POSTER_COMING
    return await send_code(ctx)


async def send_code(ctx: Context) -> str:
    """Queue the QR image to this account (once per minute at most) and answer with the stats so far."""
    await tasks.enqueue(ctx.resources, "send_referral_qr", ctx.account.id, ctx.openid,
                        job_id=f"referral-qr:{ctx.account.id}:{ctx.openid}")
    return f"{texts.REFERRAL_CODE_COMING}\n\n{await stats_text(ctx)}"


async def stats_text(ctx: Context) -> str:
    return texts.REFERRAL_STATS.format(**await referrals.stats_for_account(ctx.account))
