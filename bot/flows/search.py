"""``search_listings`` and ``match_client``: ranked listings with one reason line each, paged by 更多."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot import format as fmt
from bot.context import Context
from bot.flows import clients as client_flows
from bot.flows import common
from services import clients, listing_sends, matching

EMPTY = "没有符合条件的房源（条件：{conditions}）。可以放宽面积、区域或层高再试，例如「找 苏州 2000平 厂房」。"
"""Names the conditions as understood, so a misread (a wrong place or size) shows at once."""


async def search_listings(ctx: Context, slots: dict, chosen=None) -> str:
    """Listings that fit; a message that opens with one of my clients' names is news about that client
    (`华兴精密想要23一平 我跟房东谈谈`, `宏达物流 租金谈到24`), recorded as a note, not a search."""
    if chosen is None and (note := await client_flows.note_on_my_client(ctx)) is not None:
        return note
    criteria = matching.Criteria.from_slots(slots)
    if criteria.empty:
        return "找什么样的房源？例如「找 昆山 2000平 单层厂房 层高8米」。"
    found = await matching.search(criteria, ctx.resources.settings, limit=common.MAX_RESULTS)
    return await common.page(
        ctx,
        f"找到{common.count(found)}套（按匹配度）：",
        [fmt.match_entry(m) for m in found],
        empty=EMPTY.format(conditions=fmt.requirement(criteria)),
    )


async def match_client(ctx: Context, slots: dict, chosen=None) -> str:
    client = await common.client_for(ctx, slots, "match_client", chosen)
    if isinstance(client, str):
        return client
    criteria = await clients.criteria_of(client)
    if criteria.empty:
        return f"{client.display_name}还没有需求。发「新客户 {client.display_name} 2000平 昆山 厂房」补充。"
    found = await matching.search(criteria, ctx.resources.settings, limit=common.MAX_RESULTS)
    sent = await listing_sends.sent_to(client)
    tz = ZoneInfo(ctx.resources.settings.timezone)
    return await common.page(
        ctx,
        f"{client.display_name}的匹配房源（{common.count(found)}套"
        + ("，已发过的在后" if any(m.listing["id"] in sent for m in found) else "")
        + "）：",
        [
            fmt.match_entry(m)
            + (f"（{sent[m.listing['id']].astimezone(tz):%m月%d日}已发）" if m.listing["id"] in sent else "")
            for m in listing_sends.unsent_first(found, sent)
        ],
        empty=f"{client.display_name}暂无匹配房源（需求：{fmt.requirement(await clients.requirement_of(client), client.region)}）。有新房源上架会通知你。",
    )
