"""What a bound partner (external broker, past client) can say: my code, my stats, help.

Partners never reach the staff CRM flows; they see only their own referrals.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import format, texts
from bot.flows import referral
from services import referrals

if TYPE_CHECKING:
    from bot.router import Context

CODE = re.compile(r"推广码|二维码|我的码|分享码|邀请码")
STATS = re.compile(r"数据|统计|业绩|战绩|成绩")
REFERRED = re.compile(r"客户|推荐")


async def handle(ctx: Context, text: str) -> str:
    if CODE.search(text):
        return await referral.send_code(ctx)
    if STATS.search(text):
        return await referral.stats_text(ctx)
    if REFERRED.search(text):
        return await referred_clients(ctx)
    return texts.PARTNER_HELP


async def referred_clients(ctx: Context) -> str:
    """Company and stage of the partner's own referrals; no contact data."""
    clients = await referrals.list_referred_clients(ctx.account)
    if not clients:
        return texts.PARTNER_NO_REFERRALS
    lines = [f"{n}. {c.display_name} · {format.stage(c.stage)}" for n, c in enumerate(clients, 1)]
    return "您推荐的客户（最近10个）：\n" + "\n".join(lines)
