"""What only a bound partner (external broker, past client) sees: their own referrals.

Partners never reach the staff CRM flows (see ``bot.handlers``); they see only their own referrals.
"""

from __future__ import annotations

from bot import format, texts
from bot.context import Context
from services.referrals import stats as referral_stats


async def referred_clients(ctx: Context) -> str:
    """Company and stage of the partner's own referrals; no contact data."""
    clients = await referral_stats.referred_clients(ctx.actor)
    if not clients:
        return texts.PARTNER_NO_REFERRALS
    lines = [f"{n}. {c.display_name} · {format.stage(c.stage)}" for n, c in enumerate(clients, 1)]
    return "您推荐的客户（最近10个）：\n" + "\n".join(lines)
