"""Followers who are not staff (clients, passers-by) and partners writing about their clients.

A visitor asks in their own words (``有没有花桥3000平的仓库``) and gets on-market listings with a link to each
page, the same engine and visibility as the mini-program; words that name a need or the person become a
lead (``services.visitors``) relayed to the salesperson, who answers with ``回复 赵 …``. A location gets the
nearest listings. Visitors never reach staff commands; what they write is stored as their words.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from wechatpy.messages import BaseMessage

from bot import format as fmt
from bot import state, texts
from bot.context import Context
from bot.flows import common
from bot.protocol import as_text
from models import Account, Client, FollowUp, Listing, Requirement, WechatUser
from models.enums import Role
from services import clients, listings_public, matching, media, notify, tasks, visitors
from services import listings as listing_service
from services.errors import AppError, NotFound, RateLimited
from services.notify import Notice
from services.resources import Resources
from wechat.errors import TransientError, UserUnreachable, WeChatError

log = logging.getLogger(__name__)

MORE = re.compile(r"^\s*(?:更多|下一页|再来|继续|还有吗|还有呢)\s*[?？]?\s*$")
NEAREST = 5
FIRST_PAGE_AFTER_ACK = 3
"""Listings on the first page when the reply also acknowledges a lead (a passive reply holds ~2 KB)."""


def message_key(ctx: Context) -> str:
    """The message's id in the timeline: MsgIds are unique per sender only."""
    return f"{ctx.openid}:{ctx.message.id}"[:64]


def page_link(ctx: Context, code: str) -> str:
    return f"{ctx.resources.settings.public_base_url.rstrip('/')}/h5/listings/{code}?c=chat"


def entry(ctx: Context, row: dict) -> str:
    """``A12 花桥单层仓库 3000㎡ 层高9m 28元/㎡·月`` and its page: public fields only."""
    return f"{fmt.listing_line(row)}\n   {page_link(ctx, row['code'])}"


def counts(message: BaseMessage) -> bool:
    """Whether the message is one the visitor conversation takes (``converse``, ``location``): an unbound
    sender's such message counts against ``visitors.PER_MINUTE`` and opens WeChat's 48-hour window."""
    return as_text(message).type in ("text", "location")


async def _limited(ctx: Context) -> str | None:
    """The reply to a message too long or too many; None when it may be taken. A visitor's message opens
    WeChat's 48-hour window (``visitors.arrived``, or the MsgId claim: ``ctx.arrivals``)."""
    if len(ctx.text) > visitors.MAX_CHARS:
        return texts.VISITOR_TOO_LONG.format(limit=visitors.MAX_CHARS)
    try:
        if ctx.account is not None:
            await visitors.limit(ctx.resources.redis, ctx.openid)
        elif ctx.arrivals is not None:
            visitors.check_arrivals(ctx.arrivals)
        else:
            await visitors.arrived(ctx.resources.redis, ctx.openid, ctx.now)
    except RateLimited:
        return texts.VISITOR_SLOW_DOWN
    return None


async def converse(ctx: Context, _) -> str:
    """A follower's text (or transcribed voice): listings for a need, a lead for a need or a name, else the
    welcome that shows what they can ask."""
    if refused := await _limited(ctx):
        return refused
    if MORE.match(ctx.text):
        return await common.more(ctx)
    parsed = ctx.visitor
    slots = parsed.slots
    taken = await visitors.take_message(
        ctx.resources,
        openid=ctx.openid,
        text=ctx.text.strip(),
        slots=slots,
        now=ctx.now,
        message_key=message_key(ctx),
        is_client=ctx.is_client,
    )
    if taken is not None and taken.owner is not None:
        await tasks.enqueue(ctx.resources, relay_to_owner, taken.words.id, job_id=f"relay:{taken.words.id}")
    parts = [_acknowledge(taken)] if taken is not None else []
    criteria = matching.Criteria.from_slots(slots)
    if code := slots.get("listing"):
        parts.append(await card(ctx, str(code)))
    elif not criteria.empty:
        parts.append(await _listings(ctx, criteria, first_page=FIRST_PAGE_AFTER_ACK if parts else None))
    elif not parts:
        return texts.VISITOR_WELCOME
    return "\n\n".join(parts)


def _acknowledge(taken: visitors.Taken) -> str:
    client = taken.client
    who = f"顾问{taken.owner.name}" if taken.owner is not None else "顾问"
    if not taken.created:
        return texts.VISITOR_PASSED_ON.format(who=who)
    ask = "" if client.phone or client.wechat_id else texts.VISITOR_ASK_PHONE
    return texts.VISITOR_LEAD.format(who=who) + ask


async def _listings(ctx: Context, criteria: matching.Criteria, *, first_page: int | None) -> str:
    found = await matching.search(criteria, ctx.resources.settings, limit=common.MAX_RESULTS)
    return await common.page(
        ctx,
        f"为您找到{common.count(found)}套：",
        [entry(ctx, m.listing) for m in found],
        empty=texts.VISITOR_NO_LISTINGS.format(conditions=fmt.requirement(criteria)),
        first_page=first_page,
    )


async def card(ctx: Context, code: str) -> str:
    """A listing's public card and its page; nothing for a listing clients may not see."""
    try:
        listing = await listings_public.get_visible_by_code(code)
    except NotFound:
        return texts.VISITOR_NO_SUCH_LISTING.format(code=code.upper())
    row = {name: getattr(listing, name) for name in listings_public.SUMMARY_FIELDS}
    lines = [fmt.listing_line(row), listing.title]
    if listing.features:
        lines.append("配套：" + "、".join(fmt.features(listing.features)))
    if listing.address:
        lines.append(f"地址：{listing.address[:60]}")
    lines.append(page_link(ctx, listing.code))
    return "\n".join(lines)


async def location(ctx: Context, _) -> str:
    """A location sent from the chat: a salesperson's, with a listing of theirs in context (``A12`` just
    before), is where that listing is; anyone else's gets the nearest on-market listings."""
    if refused := await _limited(ctx):
        return refused
    try:
        latitude, longitude = (Decimal(str(value)) for value in ctx.message.location)
    except (TypeError, ValueError, ArithmeticError):
        return texts.LOCATION_UNREADABLE
    label = (ctx.message.label or "").strip()
    if (listing := await _listing_in_context(ctx)) is not None:
        await listing_service.set_location(
            actor=ctx.actor, listing=listing, latitude=latitude, longitude=longitude, address=label or None
        )
        return texts.LOCATION_SET.format(code=listing.code)
    try:
        found = await listings_public.nearest(float(latitude), float(longitude), limit=NEAREST)
    except AppError:
        return texts.LOCATION_UNREADABLE
    if not found:
        return texts.LOCATION_NONE
    lines = [texts.LOCATION_FOUND.format(place=label[:30] or "您的位置")]
    for number, (listing, km) in enumerate(found, 1):
        row = {name: getattr(listing, name) for name in listings_public.SUMMARY_FIELDS}
        lines.append(f"{number}. {fmt.listing_line(row)} · 约{_distance(km)}\n   {page_link(ctx, listing.code)}")
    return "\n".join(lines)


async def _listing_in_context(ctx: Context) -> Listing | None:
    """The listing a salesperson is working on (named just before, as for photos), if theirs to change."""
    if ctx.account is None or ctx.account.role == Role.PARTNER:
        return None
    context = await state.get(ctx.resources.redis, "listing", ctx.openid)
    listing = await Listing.get_or_none(id=context["id"]) if context else None
    return listing if listing is not None and media.can_edit(ctx.account, listing) else None


def _distance(km: float) -> str:
    return f"{round(km * 1000, -1):.0f}米" if km < 1 else f"{km:.1f}公里"


# ---- partners --------------------------------------------------------------------------------------------


async def partner_lead(ctx: Context, _) -> str:
    """A partner's message about a client (a need and a way to reach them): a lead referred by the partner."""
    taken = await visitors.partner_lead(
        ctx.resources,
        partner=ctx.actor,
        text=ctx.text.strip(),
        slots=ctx.visitor.slots,
        now=ctx.now,
        message_key=message_key(ctx),
    )
    who = taken.owner.name if taken.owner is not None else "顾问"
    return texts.PARTNER_LEAD.format(client=taken.client.display_name, who=who)


def is_partner_lead(ctx: Context) -> bool:
    """A partner gives a client's phone or WeChat id (``我这有个客户要租3000平厂房 电话139…``): why else would
    they send one."""
    slots = ctx.visitor.slots
    return bool(slots.get("phone") or slots.get("wechat_id"))


# ---- the salesperson answers -------------------------------------------------------------------------------


async def reply_visitor(ctx: Context, slots: dict, chosen: int | None = None) -> str:
    """``回复 赵 好的，明天上午带您看``: to the visitor's WeChat while the 48-hour window is open."""
    content = (slots.get("content") or "").strip()
    name = str(slots.get("visitor") or "")
    if not content or not name:
        return texts.REPLY_HOWTO
    if chosen is not None:
        found = [await _client(ctx, chosen)]
    else:
        found = await visitors.conversations(ctx.actor, name)
    if not found:
        return texts.REPLY_NO_CONVERSATION.format(name=name)
    if len(found) > 1:
        lines = [f"{c.display_name} {common.contact_beside(c)}{fmt.stage(c.stage)}" for c in found]
        question = f"有{len(found)}位「{name}」："
        return await common.ask(ctx, "reply_visitor", slots, [c.id for c in found], lines, question)
    client = found[0]
    done = await visitors.reply(
        ctx.resources,
        actor=ctx.actor,
        client=client,
        content=content,
        now=ctx.now,
        message_key=f"{ctx.openid}:{common.msg_id(ctx, slots)}"[:64],
    )
    if done.answer is None:
        return texts.REPLY_WINDOW_CLOSED.format(name=client.display_name, phone=client.phone or "（未留电话）")
    await tasks.enqueue(ctx.resources, send_to_visitor, done.answer.id, job_id=f"reply:{done.answer.id}")
    return texts.REPLY_SENT.format(name=client.display_name)


async def _client(ctx: Context, client_id: int) -> Client:
    return await clients.get_visible(ctx.actor, client_id)


# ---- tasks: messages that go out after the reply ---------------------------------------------------------------


@tasks.task(retry=tasks.RetryPolicy(on=(TransientError,), tries=3, defer_s=5))
async def relay_to_owner(ctx: dict, followup_id: int) -> None:
    """A visitor's words, in full, to their salesperson's chat; the template notice when WeChat refuses."""
    resources: Resources = ctx["resources"]
    words = await FollowUp.get_or_none(id=followup_id).select_related("client")
    if words is None or words.client.owner_id is None:
        return
    client = words.client
    requirement = await Requirement.filter(client_id=client.id).first()
    need = fmt.requirement(requirement, client.region)
    text = texts.RELAY.format(
        name=client.display_name,
        phone=f"（{client.phone}）" if client.phone else "",
        words=words.content,
        need=f"\n需求：{need}" if need else "",
        reply_to=client.contact_name or client.display_name,
    )
    owner = await WechatUser.filter(account_id=client.owner_id).first()
    try:
        if owner is None or not owner.openid:
            raise UserUnreachable(None, "salesperson has no bound WeChat", "relay")
        await resources.wechat.message.send_text(owner.openid, text)
    except TransientError:
        raise
    except WeChatError as exc:
        log.info("visitor relay to account %s not delivered (%s): template notice instead", client.owner_id, exc)
        await notify.queue(
            Notice.VISITOR_MESSAGE,
            client.owner_id,
            dedupe_key=f"lead:followup:{words.id}",
            client=client,
            followup=words,
            facts={"client": client.display_name, "words": words.content},
        )


@tasks.task(retry=tasks.RetryPolicy(on=(TransientError,), tries=3, defer_s=5))
async def send_to_visitor(ctx: dict, followup_id: int) -> None:
    """The salesperson's answer to the visitor; when WeChat refuses (window closed, quota, unfollowed), the
    salesperson is told to call."""
    resources: Resources = ctx["resources"]
    answer = await FollowUp.get_or_none(id=followup_id).select_related("client")
    if answer is None or answer.client.wechat_user_id is None:
        return
    client = answer.client
    user = await WechatUser.get(id=client.wechat_user_id)
    try:
        if not user.openid:
            raise UserUnreachable(None, "visitor has no official-account openid", "reply")
        await resources.wechat.message.send_text(user.openid, answer.content)
    except TransientError:
        raise
    except WeChatError as exc:
        log.info("reply to the visitor of client %s not delivered: %s", client.id, exc)
        author = await Account.get_or_none(id=answer.author_id) if answer.author_id else None
        if author is not None:
            await notify.queue(
                Notice.REPLY_UNDELIVERED,
                author,
                dedupe_key=f"reply:undelivered:{answer.id}",
                client=client,
                facts={"client": client.display_name, "phone": client.phone},
            )
