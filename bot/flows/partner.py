"""What a bound partner (external broker, past client) can say: my code, my stats, help.

Partners never reach the staff CRM flows; they see only their own referrals.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import texts
from bot.flows import referral

if TYPE_CHECKING:
    from bot.router import Context

CODE = re.compile(r"推广码|二维码|我的码|分享码|邀请码")
STATS = re.compile(r"数据|统计|业绩|战绩|成绩|推荐了")


async def handle(ctx: Context, text: str) -> str:
    if CODE.search(text):
        return await referral.send_code(ctx)
    if STATS.search(text):
        return await referral.stats_text(ctx)
    return texts.PARTNER_HELP
