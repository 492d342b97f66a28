"""``new_client``, ``log_followup``, ``client_info``, ``update_stage``."""

from __future__ import annotations

import nlp
from bot import format as fmt
from bot.context import Context
from bot.flows import common
from models import Client, Requirement
from models.enums import DealType, ListingStatus, Stage
from services import accounts, clients, listings, matching, permissions
from services.errors import DuplicateClient

TOP_MATCHES = 3


async def new_client(ctx: Context, slots: dict, chosen=None) -> str:
    settings = ctx.resources.settings
    if chosen is not None and chosen != "create":
        existing = await clients.get_visible(ctx.actor, int(chosen))
        client = await clients.create_or_merge(
            actor=ctx.actor, slots=slots, settings=settings, via="chat", into=existing
        )
        return await _saved(ctx, client, slots, "已合并到已有客户")
    on_duplicate = clients.OnDuplicate.CREATE if chosen == "create" else clients.OnDuplicate.REFUSE
    try:
        client = await clients.create_or_merge(
            actor=ctx.actor, slots=slots, settings=settings, via="chat", on_duplicate=on_duplicate
        )
    except DuplicateClient as dup:
        return await _offer_merge(ctx, slots, dup.clients)
    return await _saved(ctx, client, slots, "已录入客户")


async def _offer_merge(ctx: Context, slots: dict, found: list[Client]) -> str:
    mine = [c for c in found if await permissions.can_change(ctx.actor, c)]
    if not mine:
        other = found[0]
        owner = other.owner.name if other.owner else "他人"
        return (
            f"{other.display_name}已是{owner}的客户（{fmt.masked_phone(other.phone)}），没有重复录入。"
            "如需转交请找经理。"
        )
    lines = [
        f"合并到 {c.display_name} {common.contact_beside(c)}{fmt.masked_phone(c.phone) + ' ' if c.phone else ''}"
        f"{fmt.stage(c.stage)}"
        for c in mine
    ]
    options = [str(c.id) for c in mine] + ["create"]
    return await common.ask(
        ctx, "new_client", slots, options, [*lines, "仍然新建一个客户"], "已有相同客户（电话、微信或公司名相同）："
    )


async def _saved(ctx: Context, client: Client, slots: dict, verb: str) -> str:
    requirement = await clients.requirement_of(client)
    contact = await permissions.contact(ctx.actor, client)
    head = f"{verb}：{client.display_name}"
    person = client.contact_name if client.contact_name != client.display_name else None
    who = " ".join(x for x in (person, contact.get("phone"), contact.get("wechat_id")) if x)
    lines = [head + (f"（{who}）" if who else "")]
    need = fmt.requirement(requirement, client.region)
    lines.append(f"需求：{need or '未填'}")
    missing = clients.missing_for_client(
        {
            "phone": client.phone,
            "wechat_id": client.wechat_id,
            "contact_name": client.contact_name,
            "area_min": requirement.area_min if requirement else None,
            "area_max": requirement.area_max if requirement else None,
            "region": (requirement.region if requirement else None) or client.region,
        }
    )
    if missing:
        lines.append(f"缺：{fmt.fields(missing)}（补充可再发「新客户 {client.display_name} …」合并）")
    lines.append(await recommended(ctx, client, requirement))
    return "\n".join(lines)


async def recommended(ctx: Context, client: Client, requirement: Requirement | None) -> str:
    """The listings that fit the client's requirement as it now is (a new client, a changed requirement)."""
    criteria = matching.Criteria.from_requirement(requirement, client.region)
    if criteria.empty:
        return "需求太少，暂不推荐房源。"
    found = await matching.search(criteria, ctx.resources.settings, limit=common.MAX_RESULTS)
    if not found:
        return "暂无匹配房源，有新房源上架会通知你。"
    return await common.page(
        ctx,
        f"推荐房源（共{common.count(found)}套）：",
        [fmt.match_entry(m) for m in found],
        empty="",
        first_page=TOP_MATCHES,
    )


async def note_on_my_client(ctx: Context) -> str | None:
    """The message recorded as a note on the client it opens with, when that is one of mine by its company
    name (``华兴精密想要23一平 我跟房东谈谈``); None otherwise (a place, someone else's client, no client)."""
    text = ctx.text.strip()
    as_note = ctx.parse("跟进 " + text)
    named = as_note.slots.get("client")
    if as_note.intent != "log_followup" or not named or not nlp.opens_with(text, named) or nlp.slots.is_place(named):
        return None
    found = await clients.resolve(ctx.actor, named, limit=2)
    if len(found) != 1 or found[0].company != named:
        return None
    return await log_followup(ctx, as_note.slots)


async def log_followup(ctx: Context, slots: dict, chosen=None) -> str:
    client = await common.client_for(ctx, slots, "log_followup", chosen)
    if isinstance(client, str):
        return client
    settings = ctx.resources.settings
    next_at = slots.get("next_at")
    planned = client.next_followup_at
    result = await clients.log_followup(
        actor=ctx.actor,
        client=client,
        content=slots.get("content") or "",
        now=ctx.now,
        settings=settings,
        next_at=next_at,
        stage=slots.get("stage"),
        source_msg_id=common.msg_id(ctx, slots),
        happened_at=slots.get("happened_at"),
        remind_before_min=slots.get("remind_before_min"),
    )
    if result.duplicate:
        return f"这条跟进已记录过（{client.display_name}），没有重复保存。"
    happened = result.followup.happened_at
    when = "" if happened >= ctx.now else f"（记为{fmt.when(happened, settings.timezone, with_weekday=False)}）"
    lines = [f"已记录跟进：{client.display_name}{when}"]
    if result.stage_changed:
        lines.append(f"阶段：{fmt.stage(client.stage)}（成交概率{client.deal_probability}%）")
    if client.stage in clients.CLOSED_STAGES and result.stage_changed:
        lines.append(_plans_closed(client, planned or next_at, settings.timezone))
        return await _ask_listing_taken(ctx, client, "\n".join(lines))
    elif slots.get("stage") and slots["stage"] != client.stage.value:
        lines.append(
            f"阶段仍是{fmt.stage(client.stage)}，跟进不会让阶段倒退；确要改就发"
            f"「{client.display_name}改为{fmt.stage(slots['stage'])}」"
        )
    if client.stage in clients.CLOSED_STAGES:
        if next_at:
            lines.append(
                f"{client.display_name}{fmt.stage(client.stage)}，不设跟进提醒；"
                f"要继续跟进，先发「{client.display_name}改为谈判中」再记时间。"
            )
    elif next_at and result.followup.remind_at and result.followup.remind_at < next_at:
        lines.append(
            f"下次跟进：{fmt.when(next_at, settings.timezone)}，"
            f"{fmt.when(result.followup.remind_at, settings.timezone)} 提前提醒你"
        )
    elif next_at:
        lines.append(f"下次跟进：{fmt.when(next_at, settings.timezone)}，到时提醒你")
    elif result.kept_next_at:
        lines.append(
            f"原定下次跟进 {fmt.when(result.kept_next_at, settings.timezone)} 仍然有效，到时提醒你。"
            f"改时间就发新的时间，不要了就发「取消提醒 {client.display_name}」"
        )
    else:
        lines.append("没有下次跟进时间。要提醒就再发，例如「跟进 " + client.display_name + " 明天10点再联系」")
    return "\n".join(lines)


def _plans_closed(client: Client, planned, tz: str) -> str:
    """What a won or lost client's reply says of its reminders (they are all closed)."""
    outcome = "成交" if client.stage == Stage.WON else "流失"
    if planned is None:
        return f"已{outcome}，不再提醒跟进。"
    return f"已{outcome}，原定 {fmt.when(planned, tz)} 的跟进提醒已关闭。"


async def cancel_followup(ctx: Context, slots: dict, chosen=None) -> str:
    """``取消提醒 巴斯精密``: drop the planned next follow-up and its reminder."""
    client = await common.client_for(ctx, slots, "cancel_followup", chosen)
    if isinstance(client, str):
        return client
    was = await clients.cancel_plans(actor=ctx.actor, client=client)
    if was is None:
        return f"{client.display_name}没有待提醒的跟进，无需取消。"
    return f"已取消{client.display_name}原定 {fmt.when(was, ctx.resources.settings.timezone)} 的跟进提醒。"


async def client_info(ctx: Context, slots: dict, chosen=None) -> str:
    client = await common.client_for(ctx, slots, "client_info", chosen)
    if isinstance(client, str):
        return client
    tz = ctx.resources.settings.timezone
    contact = await permissions.contact(ctx.actor, client)
    requirement = await clients.requirement_of(client)
    head = client.display_name + (f"（{client.contact_name}）" if client.contact_name and client.company else "")
    lines = [head]
    contact_line = " ".join(
        f"{label}{contact[key]}"
        for key, label in (("phone", "电话"), ("wechat_id", "微信"), ("email", "邮箱"))
        if key in contact
    )
    lines.append(contact_line or "联系方式：未填")
    for other in await clients.contacts_of(client):
        masked = await permissions.contact(ctx.actor, client, other)
        shown = (
            other.name,
            f"电话{masked['phone']}" if "phone" in masked else "",
            f"微信{masked['wechat_id']}" if "wechat_id" in masked else "",
        )
        lines.append("其他联系人：" + " ".join(x for x in shown if x))
    lines.append(f"需求：{fmt.requirement(requirement, client.region) or '未填'}")
    about = [
        f"行业：{client.industry}" if client.industry else "",
        f"来源：{fmt.source(client.source)}" if client.source and fmt.source(client.source) != "其他" else "",
    ]
    if about := [item for item in about if item]:
        lines.append(" · ".join(about))
    owner = client.owner.name if client.owner else "无"
    lines.append(f"阶段：{fmt.stage(client.stage)}（{client.deal_probability}%）· 负责人：{owner}")
    lines.append(f"下次跟进：{fmt.when(client.next_followup_at, tz)}")
    if client.duplicate_of_id:
        lines.append(
            f"可能与已有客户{await clients.duplicate_name(client)}重复（电话、微信或公司相同）。"
            f"是同一客户发「合并 {client.display_name}」，不是发「不是重复 {client.display_name}」"
        )
    followups = await clients.recent_followups(client)
    if followups:
        lines.append("最近跟进：")
        for f in followups:
            author = "客户留言" if f.by_client else f.author.name if f.author else ""
            lines.append(f"· {fmt.when(f.happened_at, tz, with_weekday=False)} {author}：{f.content[:40]}")
    else:
        lines.append("还没有跟进记录。")
    return "\n".join(lines)


async def update_stage(ctx: Context, slots: dict, chosen=None) -> str:
    if not slots.get("stage"):
        return "要改成哪个阶段？初步意向/带看/谈判/成交/流失，例如「华兴精密进入谈判」。"
    client = await common.client_for(ctx, slots, "update_stage", chosen)
    if isinstance(client, str):
        return client
    before, planned = client.stage, client.next_followup_at
    changed = await clients.set_stage(
        actor=ctx.actor, client=client, stage=slots["stage"], settings=ctx.resources.settings
    )
    if not changed:
        return f"{client.display_name}已经是{fmt.stage(client.stage)}，没有变化。"
    reply = (
        f"{client.display_name}：{fmt.stage(before)} → {fmt.stage(client.stage)}（成交概率{client.deal_probability}%）"
    )
    if client.stage in clients.CLOSED_STAGES:
        reply += "\n" + _plans_closed(client, planned, ctx.resources.settings.timezone)
    if client.stage == Stage.WON and client.referrer_id:
        reply += f"\n这是推荐客户：请补充成交金额以计算佣金，例如「{client.display_name}成交 年租金120万 免租3个月」。"
    return await _ask_listing_taken(ctx, client, reply)


async def _ask_listing_taken(ctx: Context, client: Client, reply: str) -> str:
    """A client just won with one listing in play: ask whether that listing is now let or sold (1 closes it for
    the client, as 「A61已租 华兴精密」 would)."""
    if client.stage != Stage.WON:
        return reply
    found = await listings.in_play(client)
    if len(found) != 1:
        return reply
    listing = found[0]
    taken = "已售" if listing.deal_type == DealType.SALE else "已租"
    slots = {"listing": listing.code, "listing_status": ListingStatus.CLOSED.value, "client": client.display_name}
    question = await common.ask(
        ctx,
        "listing_status",
        slots,
        [client.id],
        [f"是，{listing.code}{taken}给{client.display_name}"],
        f"{listing.code}（{fmt.STATUS_NAMES[listing.status.value]}）是不是{taken}给{client.display_name}了？",
    )
    return reply + "\n" + question


async def confirm_duplicate(ctx: Context, slots: dict, chosen=None) -> str:
    """``合并 华兴精密机械``: the lead marked as a possible duplicate is the existing client; merge it."""
    return await _settle_duplicate(ctx, slots, chosen, same=True)


async def reject_duplicate(ctx: Context, slots: dict, chosen=None) -> str:
    """``不是重复 华兴精密机械``: the lead is a client of its own."""
    return await _settle_duplicate(ctx, slots, chosen, same=False)


async def _settle_duplicate(ctx: Context, slots: dict, chosen, *, same: bool) -> str:
    name = slots["client"]
    if chosen is not None:
        lead = await clients.get_visible(ctx.actor, int(chosen))
    else:
        leads = await clients.pending_duplicates(ctx.actor, name)
        if not leads:
            return f"没有待确认是否重复的客户「{name}」。"
        if len(leads) > 1:
            action = "confirm_duplicate" if same else "reject_duplicate"
            lines = [f"{c.display_name} {common.contact_beside(c)}{fmt.masked_phone(c.phone)}" for c in leads]
            return await common.ask(
                ctx, action, slots, [c.id for c in leads], lines, f"有{len(leads)}个待确认的客户像「{name}」："
            )
        lead = leads[0]
    lead_name, existing_name = lead.display_name, await clients.duplicate_name(lead)
    kept = await clients.settle_duplicate(actor=ctx.actor, lead=lead, same=same, settings=ctx.resources.settings)
    if same:
        return f"已合并：{lead_name}并入{kept.display_name}（客户留言、看房预约一并转入）。"
    return f"已确认{lead_name}是新客户，不是{existing_name}。"


async def reassign(ctx: Context, slots: dict, chosen=None) -> str:
    """``把华兴精密转给李四`` (managers and admins)."""
    permissions.ensure_manager(ctx.actor, "reassign_client")
    to = await accounts.find_staff(slots["to"])
    client = await common.client_for(ctx, slots, "reassign", chosen)
    if isinstance(client, str):
        return client
    before = client.owner.name if client.owner else "无人"
    await clients.reassign(actor=ctx.actor, client=client, to=to)
    return f"{client.display_name}已从{before}转给{to.name}。"
