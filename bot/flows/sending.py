"""``send_listing``: ``把A61发给华兴精密张总`` gives the link and poster to forward and records what was sent;
``share_text``: a listing's text for a group or Moments."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.context import Context
from bot.flows import common, referral
from models import Client
from models.enums import DealType
from services import listing_sends, listings_public, posters
from services.errors import NotFound


async def send_listing(ctx: Context, slots: dict, chosen=None) -> str:
    """One listing, or each of several (``把A61和A62都发给华兴精密``), each with its own link and record."""
    codes = [str(code).upper() for code in slots.get("listings") or [slots.get("listing")] if code]
    if not codes:
        return "发哪套房源？例如「把A61发给华兴精密张总」。"
    client = await common.client_for(ctx, slots, "send_listing", chosen)
    if isinstance(client, str):
        return client
    if len(codes) == 1:
        return await _send(ctx, slots, client, codes[0], common.msg_id(ctx, slots))
    # one record per listing: WeChat's MsgId of the message, with the listing, tells a redelivery apart
    return "\n\n".join([await _send(ctx, slots, client, code, f"{common.msg_id(ctx, slots)}:{code}") for code in codes])


async def _send(ctx: Context, slots: dict, client: Client, code: str, source_msg_id: str) -> str:
    try:
        sent = await listing_sends.send(
            actor=ctx.actor,
            client=client,
            code=code,
            settings=ctx.resources.settings,
            now=ctx.now,
            contact_name=slots.get("contact_name"),
            source_msg_id=source_msg_id,
        )
    except NotFound:
        return f"房源{code}现在不能发给客户（没有这套房源，或未审核、已暂停、已成交）。发「{code}」看它的状态。"
    listing = await sent.record.listing
    to = f"{sent.record.contact_name}总" if sent.record.contact_name else client.display_name
    await referral.queue_poster(ctx, listing)
    lines = [f"{listing.code} {listing.title} → {to}（{client.display_name}）", f"链接（直接转发）：{sent.url}"]
    if sent.before:
        tz = ZoneInfo(ctx.resources.settings.timezone)
        day = f"{sent.before.astimezone(tz):%m月%d日}"
        lines.append(
            f"已再次发送（上次{day}发过）。"
            if slots.get("again")
            else f"注意：{listing.code}在{day}已经发给过{client.display_name}。"
        )
    lines.append("分享海报正在生成，稍后以图片发给你，长按即可转发。客户打开、咨询都记在你名下。")
    lines.append(f"已记入{client.display_name}的跟进：发送{listing.code}；以后给它匹配时已发过的排在后面。")
    return "\n".join(lines)


async def share_text(ctx: Context, slots: dict, chosen=None) -> str:
    """``A12 朋友圈文案`` / ``A12 群发文案``: a text to paste into a group or Moments, with the listing's link
    credited to the sender (so visits and enquiries from it are theirs)."""
    code = str(slots.get("listing") or "").upper()
    if not code:
        return "哪套房源的文案？例如「A12 朋友圈文案」。"
    try:
        listing = await listings_public.get_visible_by_code(code)
    except NotFound:
        return f"房源{code}现在不能对外推广（没有这套房源，或未审核、已暂停、已成交）。"
    channel = "moments" if "朋友圈" in ctx.text else "share"
    url = posters.page_url(ctx.resources.settings, listing, ctx.actor, channel=channel)
    price, unit, note = posters.price_of(listing)
    place = " · ".join(dict.fromkeys(p for p in (listing.city, listing.district, listing.town) if p)) or listing.region
    person, role = await posters.person_of(listing, ctx.actor)
    lines = [
        f"【{'出售' if listing.deal_type == DealType.SALE else '出租'}】{listing.title}",
        f"位置：{place}",
        f"价格：{price}{unit}" + (f"（{note}）" if note else ""),
        "｜".join(f"{label}{value}" for label, value in posters.facts_of(listing)),
    ]
    if listing.features:
        lines.append("配套：" + "、".join(posters.FEATURE_NAMES.get(f, f) for f in listing.features))
    lines.append(f"实拍和详情：{url}")
    if person:
        lines.append(f"联系{role}：{person}")
    return "复制下面这段发到" + ("朋友圈" if channel == "moments" else "群里") + "：\n\n" + "\n".join(lines)
