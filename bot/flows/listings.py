"""``new_listing``, ``listing_status``, a listing's card (A12 / A12什么情况), and the managers' review
commands (通过 A12 / 驳回 A12 理由)."""

from __future__ import annotations

import re

from bot import format as fmt
from bot.context import Context
from bot.flows import common
from bot.flows import media as media_flow
from models import Listing
from models.enums import ListingStatus, ReviewStatus
from services import listings, media, permissions

# What is left of a listing_status message once the listing and the status words are taken out: the client.
_STATUS_WORDS = (
    "已租",
    "已售",
    "已成交",
    "成交",
    "租出去",
    "租出",
    "租掉",
    "卖出去",
    "卖出",
    "卖掉",
    "售出",
    "已出租",
    "出租",
    "出售",
    "签约",
    "签了",
    "谈判中",
    "进入谈判",
    "在谈判",
    "谈判",
    "在谈",
    "议价",
    "带看预约中",
    "带看预约",
    "预约带看",
    "约看",
    "带看",
    "空置",
    "可租",
    "可售",
    "重新上架",
    "上架",
    "暂停推广",
    "暂停",
    "下架",
    "租给",
    "卖给",
    "售给",
    "状态",
    "改为",
    "改成",
    "设为",
    "客户",
    "房源",
    "已经",
    "已",
    "了",
    "的",
    "给",
    "和",
    "跟",
    "与",
    "在",
    "中",
)
_NOT_A_NAME = re.compile("|".join(sorted(_STATUS_WORDS, key=len, reverse=True)) + r"|[，,。.!！、:：\s]+")
_OPTIONAL = (("ceiling_height", "层高"), ("floor_load", "承重"), ("power_kva", "配电"))


async def new_listing(ctx: Context, slots: dict, chosen=None) -> str:
    missing = listings.missing_fields(slots)
    if missing:
        return f"房源缺{fmt.fields(missing)}，没有保存。例如：新房源 花桥 单层厂房 3000平 层高9米 租金28元"
    listing = await listings.create(
        actor=ctx.actor, slots=slots, title=fmt.listing_title(slots), settings=ctx.resources.settings
    )
    await media_flow.remember(ctx, listing)
    lines = [f"已录入房源：{fmt.listing_line(_row(listing))}"]
    if listing.landlord_name or listing.landlord_phone:
        landlord = " ".join(x for x in (listing.landlord_name, listing.landlord_phone) if x)
        lines.append(f"房东：{landlord}（加密保存，仅负责人和经理可见）")
    gaps = [label for key, label in _OPTIONAL if not slots.get(key)]
    if not slots.get("rent") and not slots.get("sale_price"):
        gaps.append("价格")
    if gaps:
        lines.append(f"缺：{'、'.join(gaps)}")
    if listing.review_status.value == "approved":
        fitting = await listings.clients_fitting(listing, ctx.resources.settings)
        lines.append("你是经理，已直接上架。" + _fitting_text(fitting))
    else:
        lines.append("已提交经理审核（房源审核），通过后才会匹配和发布。")
    lines.append(f"现在发照片或视频给我，会加入{listing.code}的相册。")
    return "\n".join(lines)


def _row(listing: Listing) -> dict:
    return {
        name: getattr(listing, name)
        for name in (
            "code",
            "property_type",
            "single_storey",
            "town",
            "district",
            "region",
            "area",
            "ceiling_height",
            "rent",
            "sale_price",
            "deal_type",
            "status",
        )
    }


async def listing_status(ctx: Context, slots: dict, chosen=None) -> str:
    ref = slots.get("listing")
    status = slots.get("listing_status")
    if not ref or not status:
        return "请写房源编号和状态，例如「A12已租」「A12谈判中 华兴精密」「A12暂停推广」。"
    listing = await listings.find(ref)
    status = ListingStatus(status)
    client = None
    if status in listings.DEAL_STAGES:
        name = slots.get("client") or _client_name(ctx.message.content or "", ref)
        if chosen is not None or name:
            found = await common.client_for(ctx, {**slots, "client": name}, "listing_status", chosen)
            if isinstance(found, str):
                return found
            client = found
    stage_before = client.stage if client else None
    listing = await listings.change_status(
        actor=ctx.actor, code=listing.code, status=status, client=client, settings=ctx.resources.settings
    )
    lines = [f"{listing.code}：{fmt.STATUS_NAMES[status.value]}" + (f"（{client.display_name}）" if client else "")]
    if client is not None and client.stage != stage_before:
        lines.append(
            f"{client.display_name}：{fmt.stage(stage_before)} → {fmt.stage(client.stage)}"
            f"（成交概率{client.deal_probability}%）"
        )
    lines += await _history_lines(ctx, listing)
    return "\n".join(lines)


def _client_name(text: str, ref: str) -> str:
    """The client named beside the listing, or "" when what is left is too short to be a name."""
    name = _NOT_A_NAME.sub("", text.replace(ref, " ").replace(ref.upper(), " "))
    return name if len(name) >= 2 else ""


async def _history_lines(ctx: Context, listing: Listing) -> list[str]:
    changes = await listings.history(listing)
    if not changes:
        return []
    tz = ctx.resources.settings.timezone
    lines = ["状态记录："]
    for change in changes:
        who = change.changed_by.name if change.changed_by else ""
        client = f" {change.client.display_name}" if change.client else ""
        lines.append(
            f"· {fmt.when(change.changed_at, tz, with_weekday=False)} {who} "
            f"{fmt.STATUS_NAMES.get(change.to_status.value, change.to_status.value)}{client}"
        )
    return lines


async def review(ctx: Context, code: str, *, approve: bool, reason: str | None = None) -> str:
    permissions.ensure_manager(ctx.actor, "review_listing")
    listing, fitting = await listings.review(
        actor=ctx.actor, code=code, approve=approve, reason=reason, settings=ctx.resources.settings
    )
    if approve:
        return f"{listing.code}已通过审核并上架。" + _fitting_text(fitting)
    return f"{listing.code}已驳回：{reason}。已通知录入人。"


def _fitting_text(fitting: list) -> str:
    """The clients a new listing fits (reverse match), whose owners were told."""
    if not fitting:
        return "暂无匹配的客户。"
    shown = [
        f"· {client.display_name}（{client.owner.name if client.owner else '无人'}）{fmt.explanation(match)}"
        for client, match in fitting[:5]
    ]
    more = f"\n…共{len(fitting)}个" if len(fitting) > 5 else ""
    return f"匹配到{len(fitting)}个客户，已通知负责人：\n" + "\n".join(shown) + more


async def resubmit(ctx: Context, slots: dict, chosen=None) -> str:
    """``A69 重新提交``: the owner sends a rejected listing, corrected, back to review."""
    listing = await listings.resubmit(actor=ctx.actor, listing=await listings.find(slots.get("listing") or ""))
    return f"{listing.code}已重新提交审核，经理通过后上架。（上次驳回理由：{listing.review_note or '未写'}）"


async def pending_reviews(ctx: Context) -> str:
    """What a manager can approve, shown when 通过/驳回 names no listing."""
    pending = await listings.list_pending()
    if not pending:
        return "没有待审核的房源。"
    total = await listings.count_pending()
    shown = f"，最早的{len(pending)}套如下" if total > len(pending) else ""
    lines = [f"待审核房源（共{total}套{shown}）："] + [f"· {fmt.listing_line(_row(p))}" for p in pending]
    lines.append("回复「通过 A12」或「驳回 A12 理由」。")
    return "\n".join(lines)


async def listing_about(ctx: Context, code: str) -> str:
    """What a message about a listing that says no command (``A61房东能接受23吗``) is answered with: its card and
    the changes that can be said in chat; nothing is changed."""
    card = await listing_info(ctx, code)
    return f"{card}\n没有改动。要改就发「{code} 租金改成23」「{code}已租」「{code}暂停推广」，把{code}发给客户发「把{code}发给华兴精密」。"


async def listing_info(ctx: Context, code: str) -> str:
    """A listing's card: what a salesperson needs on the phone with a client, plus its status history."""
    listing = await listings.find(code)
    row = _row(listing)
    lines = [fmt.listing_line(row), listing.title]
    total = listing.sale_price * listing.area if listing.sale_price is not None and listing.area else None
    specs = [
        f"总价约{fmt.money(total)}" if total else "",
        f"承重{fmt.num(listing.floor_load)}吨/㎡" if listing.floor_load is not None else "",
        f"配电{fmt.num(listing.power_kva)}kVA" if listing.power_kva is not None else "",
        f"消防{listing.fire_rating}" if listing.fire_rating else "",
        f"土地{listing.land_use}" if listing.land_use else "",
    ]
    if specs := [spec for spec in specs if spec]:
        lines.append(" ".join(specs))
    if listing.features:
        lines.append("配套：" + "、".join(fmt.features(listing.features)))
    for label, value in (
        ("地址", listing.address),
        ("交通", listing.transport),
        ("园区", listing.park_facilities),
        ("内部备注", listing.internal_notes),
    ):
        if value:
            lines.append(f"{label}：{value[:60]}")
    if listing.review_status == ReviewStatus.REJECTED:
        lines.append(f"审核：已驳回，理由：{listing.review_note or '未写'}。改好后发「{listing.code} 重新提交」")
    elif listing.review_status != ReviewStatus.APPROVED:
        lines.append(f"审核：{fmt.REVIEW_NAMES[listing.review_status.value]}")
    if (listing.landlord_name or listing.landlord_phone) and await permissions.manages(ctx.actor, listing.owner_id):
        landlord = " ".join(x for x in (listing.landlord_name, listing.landlord_phone) if x)
        lines.append(f"房东：{landlord}（仅负责人和经理可见）")
    if held := await listings.holder(listing):
        lines.append(f"占用：{held.owner_name or '无人'}的客户{held.client.display_name}")
    lines += await _history_lines(ctx, listing)
    count = await media.count_for_listing(listing.id)
    if media.can_edit(ctx.actor, listing):
        await media_flow.remember(ctx, listing)
        lines.append(f"相册：{count}个（「{listing.code} 相册」查看调整）；现在发照片或视频即加入相册。")
    elif count:
        lines.append(f"相册：{count}个")
    return "\n".join(lines)
