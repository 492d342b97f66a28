"""Money in chat: a deal with its amounts (shown with its commissions, then confirmed), withdrawal reviews,
manual payouts; and for referrers 我的佣金 and 提现 500. The handlers are registered in ``bot.handlers``.

``华兴精密成交 年租金120万 免租3个月`` (the parser's ``record_deal`` with typed terms) shows what the deal will
pay whom and waits for 确认 (or 1): the pending deal is an open numbered question, so any other message drops
it and nothing is stored before the confirmation.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import nlp
from bot import format as fmt
from bot import state
from bot.context import Context
from bot.errors import chat_text
from bot.flows import common
from models.enums import DealType, ListingStatus, Role
from services import clients, commissions, listings, withdrawals
from services.commissions import DealTerms, yuan
from services.errors import AppError, DealAmountMissing, RealNameRequired

CONFIRM = re.compile(r"^\s*(?:确认|确定|确认成交)\s*$")
APPROVE = re.compile(r"^\s*(?:通过|批准)提现\s*(?P<code>[Ww]?\d+)\s*$")
REJECT = re.compile(r"^\s*驳回提现\s*(?P<code>[Ww]?\d+)\s*[，,:：]?\s*(?P<reason>.*?)\s*$")
PENDING = re.compile(r"^\s*(?:提现审核|待审提现|提现待审|待审核提现)\s*$")
MANUAL_PAYOUT = re.compile(r"^\s*(?:线下打款|已打款)\s*(?P<code>[Ww]?\d+)\s+(?P<reference>\S+)\s*$")


def _fen(yuan_amount) -> int | None:
    return int(Decimal(str(yuan_amount)) * 100) if yuan_amount else None


def terms_of(slots: dict, *, area: float | None = None) -> DealTerms:
    """The deal terms the parser read (``annual_rent``, ``monthly_rent_total``, ``sale_total``, a ``rent`` per
    m² with the listing's ``area``, ``rent_free_months``, ``lease_years``, ``lease_start``)."""
    rent_per_m2 = slots.get("rent")
    monthly = slots.get("monthly_rent_total") or (
        Decimal(str(rent_per_m2)) * Decimal(str(area)) if rent_per_m2 and area else None
    )
    if slots.get("sale_total") and not (slots.get("annual_rent") or monthly):
        return DealTerms(DealType.SALE, sale_total_fen=_fen(slots["sale_total"]))
    if rent_per_m2 and not (slots.get("annual_rent") or monthly):
        raise DealAmountMissing("rent")
    return DealTerms(
        DealType.RENT,
        annual_rent_fen=_fen(slots.get("annual_rent")),
        monthly_rent_fen=_fen(monthly),
        # Commission stays frozen until the rent-free months end: part of a month counts as a whole one.
        rent_free_months=math.ceil(slots.get("rent_free_months") or 0),
        lease_years=Decimal(str(slots["lease_years"])) if slots.get("lease_years") else None,
        lease_start=slots.get("lease_start"),
    )


# ---- staff ----------------------------------------------------------------------------------------


async def propose_deal(ctx: Context, slots: dict, chosen=None) -> str:
    """Show the deal and the commissions it will create; 确认 records it. ``A61已租 年租金120万`` without a client
    is the deal of the client the listing is held for (in negotiation), if it is one of mine."""
    listing = await listings.find(slots["listing"]) if slots.get("listing") else None
    if not (slots.get("client") or chosen):
        chosen = await _holder_of(ctx, listing)
        if chosen is None:
            return await _deal_without_client(ctx, slots)
    client = await common.client_for(ctx, slots, "record_deal", chosen)
    if isinstance(client, str):
        return client
    terms = terms_of(slots, area=float(listing.area) if listing and listing.area else None)
    plan = await commissions.preview(
        actor=ctx.actor, client=client, terms=terms, settings=ctx.resources.settings, signed_at=ctx.now
    )
    await state.put(
        ctx.resources.redis,
        "pick",
        ctx.openid,
        {
            "action": "confirm_deal",
            "options": ["confirm"],
            "slots": {**nlp.to_json(slots), "client_id": client.id, "_msg_id": common.msg_id(ctx, slots)},
        },
    )
    tz = ZoneInfo(ctx.resources.settings.timezone)
    lines = [f"{client.display_name} 成交：{terms.describe()}" + (f"（{listing.code}）" if listing else "")]
    if listing:  # `A12租给宏达物流了`, `A61已租`: the deal's listing is let or sold with it
        lines.append(f"确认后{listing.code}标为已成交。")
    if plan.shares:
        lines.append(f"将产生推荐佣金（冻结至{plan.release_at.astimezone(tz):%Y-%m-%d}，规则v{plan.rule.version}）：")
        lines += [
            f"· {s.account.name}（{commissions.TIER_LABELS[s.tier]}，{s.level_name}）{s.basis} = {yuan(s.amount_fen)}元"
            for s in plan.shares
        ]
    else:
        lines.append("没有需要支付的推荐佣金。")
    lines.append("回复「确认」（或1）记录成交，发「取消」放弃。")
    return "\n".join(lines)


async def _holder_of(ctx: Context, listing) -> int | None:
    """The client ``listing`` is held for, when the sender may record its deal."""
    held = await listings.holder(listing) if listing else None
    if held is None:
        return None
    try:
        return (await clients.get_visible(ctx.actor, held.client.id)).id
    except AppError:
        return None


async def _deal_without_client(ctx: Context, slots: dict) -> str:
    """``A12租出去了 年租金120万``: the terms cannot be kept without the client who signed."""
    listing = slots.get("listing")
    example = f"{listing}租给华兴精密了 年租金120万" if listing else "华兴精密成交 年租金120万 免租3个月"
    return f"这笔成交是哪个客户的？请写上客户名重新发，例如「{example}」。没有记录任何内容。"


async def confirm(ctx: Context, _=None) -> str:
    """确认: record the deal shown just before, if any."""
    pending = await state.get(ctx.resources.redis, "pick", ctx.openid)
    if pending is None or pending.get("action") != "confirm_deal":
        return "没有待确认的成交（可能已过期）。请重新发「客户名成交 年租金…」。"
    await state.drop(ctx.resources.redis, "pick", ctx.openid)
    return await record_deal(ctx, nlp.typed(pending["slots"]), "confirm")


async def record_deal(ctx: Context, slots: dict, chosen=None) -> str:
    """The confirmed deal recorded (a 1 after the preview resumes here too)."""
    client = await clients.get_visible(ctx.actor, int(slots["client_id"]))
    listing = await listings.find(slots["listing"]) if slots.get("listing") else None
    deal = await commissions.record_deal(
        actor=ctx.actor,
        client=client,
        settings=ctx.resources.settings,
        terms=terms_of(slots, area=float(listing.area) if listing and listing.area else None),
        signed_at=ctx.now,
        source_key=f"chat:{slots['_msg_id']}",
    )
    total = sum(e.amount_fen for e in await deal.earnings.all())
    reply = f"已记录成交：{client.display_name}（成交#{deal.id}）" + (
        f"，推荐佣金共{yuan(total)}元已冻结。" if total else "。"
    )
    if listing:
        reply += "\n" + await _close_listing(ctx, listing, client)
    return reply


async def _close_listing(ctx: Context, listing, client) -> str:
    """The listing the deal said was let or sold, closed for its client; the deal stands if it cannot be."""
    try:
        await listings.change_status(
            actor=ctx.actor,
            code=listing.code,
            status=ListingStatus.CLOSED,
            client=client,
            settings=ctx.resources.settings,
        )
    except AppError as exc:
        return f"{listing.code}没有标为已成交：{chat_text(exc)}"
    return f"{listing.code}已标为已成交。"


async def end_deal(ctx: Context, slots: dict, chosen=None) -> str:
    """``取消成交 华兴精密 客户毁约``: the deal is cancelled (its commissions reversed) and the client goes back to
    the stage before it was won; ``退租 X``: a tenant who left, the commissions in their clawback window taken
    back. A client marked won without a recorded deal just goes back."""
    client = await common.client_for(ctx, slots, "end_deal", chosen)
    if isinstance(client, str):
        return client
    reason = slots.get("reason") or "未说明"
    deal = await client.deals.filter(status="active").first()
    if deal is None:
        back = await clients.reopen(actor=ctx.actor, client=client, settings=ctx.resources.settings, reason=reason)
        if back is None:
            return f"{client.display_name}没有记录中的成交（现在是{fmt.stage(client.stage)}阶段），没有改动。"
        return f"{client.display_name}：没有记录中的成交，阶段已从成交改回{fmt.stage(back)}（原因：{reason}）。"
    deal = await commissions.end_deal(
        actor=ctx.actor, deal=deal, reason=reason, settings=ctx.resources.settings, now=ctx.now
    )
    if deal.status.value != "cancelled":
        return f"{client.display_name}：已登记退租（原因：{reason}），追回期内的佣金已扣回。"
    client = await clients.get_visible(ctx.actor, client.id)
    reply = (
        f"{client.display_name}：已取消成交#{deal.id}（原因：{reason}），冻结的佣金已撤销；"
        f"客户回到{fmt.stage(client.stage)}阶段，可以继续跟进。"
    )
    for code in await listings.closed_for(client):
        reply += f"\n{code}仍是已成交；如重新出租，发「{code}重新上架」。"
    return reply


async def review(ctx: Context, code: str, *, approve: bool, reason: str = "") -> str:
    withdrawal_id = withdrawals.parse_code(code)
    if not approve:
        rejected = await withdrawals.reject(actor=ctx.actor, withdrawal_id=withdrawal_id, reason=reason, now=ctx.now)
        return f"已驳回{rejected.code}（{rejected.reason}），{yuan(rejected.amount_fen)}元已退回对方余额。"
    result = await withdrawals.approve(
        actor=ctx.actor, withdrawal_id=withdrawal_id, resources=ctx.resources, now=ctx.now
    )
    w = result.withdrawal
    if result.needs_second:
        return f"已通过{w.code}（{yuan(w.amount_fen)}元）。金额较大，还需另一位经理复核。"
    if w.method.value == "manual":
        return f"已通过{w.code}（{yuan(w.amount_fen)}元）。对方没有小程序收款身份，请管理员线下打款后发「线下打款 {w.code} 流水号」。"
    return f"已通过{w.code}（{yuan(w.amount_fen)}元），正在发起微信转账，对方在小程序确认收款后到账。"


async def pending_reviews(ctx: Context) -> str:
    waiting = await withdrawals.pending_reviews(ctx.actor)
    if not waiting:
        return "没有待审核的提现。"
    lines = [f"待审核提现{len(waiting)}笔："]
    lines += [
        f"· {w.code} {w.account.name} {yuan(w.amount_fen)}元" + ("（已一审，待复核）" if w.first_approver_id else "")
        for w in waiting
    ]
    lines.append("发「通过提现 W12」或「驳回提现 W12 原因」。")
    return "\n".join(lines)


async def manual_payout(ctx: Context, code: str, reference: str) -> str:
    paid = await withdrawals.record_manual_payout(
        actor=ctx.actor, withdrawal_id=withdrawals.parse_code(code), reference=reference, now=ctx.now
    )
    return f"已登记{paid.code}线下打款（流水号{paid.manual_reference}），{yuan(paid.amount_fen - paid.fee_fen)}元。"


# ---- partners -------------------------------------------------------------------------------------


async def my_commission(ctx: Context, slots: dict | None = None, chosen=None) -> str:
    view = await commissions.overview(ctx.actor, settings=ctx.resources.settings, limit=5)
    b = view.balance
    staff = ctx.actor.role != Role.PARTNER
    lines = [
        "你的推荐佣金（你推荐来的客户成交后记在这里，和业绩无关）：" if staff else f"您的佣金（{view.level_name}）：",
        f"可提现 {yuan(b.available)}元",
        f"冻结中 {yuan(b.frozen)}元",
        f"提现中 {yuan(b.withdrawing)}元",
        f"已提现 {yuan(b.withdrawn)}元",
        f"推荐客户{view.referred_clients}个，成交{view.deals}单。",
    ]
    if view.entries:
        lines.append("最近记录：")
        lines += [
            f"· {e.created_at.astimezone(ZoneInfo(ctx.resources.settings.timezone)):%m-%d} "
            f"{commissions.ENTRY_LABELS[e.kind.value]} {commissions.describe_entry(e)} "
            f"{yuan(e.amount_fen)}"
            for e in view.entries
            if e.amount_fen > 0
        ][:5]
    lines.append("发「提现 500」申请提现。")
    return "\n".join(lines)


async def withdraw(ctx: Context, slots: dict, chosen=None) -> str:
    """``real_name`` (as in WeChat's real-name check) is needed for a WeChat transfer from 2,000 yuan."""
    amount = slots.get("amount")
    if not amount:
        return "要提现多少？例如「提现 500」。发「我的佣金」看可提现余额。"
    shown = f"{amount.normalize():f}" if isinstance(amount, Decimal) else str(amount)
    try:
        w = await withdrawals.request(
            account=ctx.actor,
            amount_fen=commissions.to_fen(amount),
            settings=ctx.resources.settings,
            real_name=slots.get("real_name"),
            now=ctx.now,
        )
    except RealNameRequired as exc:
        return chat_text(exc) + f"，请发「提现 {shown} 您的姓名」。"
    how = (
        "审核通过后请在小程序「我的提现」中确认收款"
        if w.method.value == "wechat"
        else "审核通过后将通过银行转账支付（请把收款账户告诉您的对接人）"
    )
    fee = f"，手续费{yuan(w.fee_fen)}元" if w.fee_fen else ""
    return f"已申请提现{w.code}：{yuan(w.amount_fen)}元{fee}，{how}。"
