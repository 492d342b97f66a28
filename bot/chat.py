"""Staff chat: what a bound salesperson or manager can say.

Handlers are tried in order: exact commands first (a numbered choice, 通过/驳回
A12, 更多, 取消), then the parser's intent table. A numbered choice answers only
the message just before it: anything else drops the open question. Domain
errors come back as their message; nothing is ever left without a reply.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from tortoise.exceptions import ValidationError

import nlp
from bot import state, texts
from bot.flows import agenda, clients, common, listings, referral, search
from core.config import Settings
from services import clients as client_service
from services import regions
from services.errors import AppError, from_validation

if TYPE_CHECKING:
    from bot.router import Context

Flow = Callable[..., Awaitable[str]]

INTENTS: dict[str, Flow] = {
    "new_client": clients.new_client,
    "log_followup": clients.log_followup,
    "client_info": clients.client_info,
    "update_stage": clients.update_stage,
    "match_client": search.match_client,
    "search_listings": search.search_listings,
    "new_listing": listings.new_listing,
    "listing_status": listings.listing_status,
    "agenda": agenda.show,
    "reassign": clients.reassign,
}
"""Intent (or exact command) -> flow ``(ctx, slots, chosen=None)``; a numbered choice resumes the same flow."""

PLACED_INTENTS = ("new_client", "new_listing", "search_listings")
"""Intents whose region, when the parser knows no place in the text, is looked up in the configured tree."""

APPROVE = re.compile(r"^\s*(?:通过|批准|审核通过)\s*([A-Za-z]\d+)?\s*$")
REJECT = re.compile(r"^\s*驳回\s*([A-Za-z]\d+)?\s*[:：,，]?\s*(.*?)\s*$")
CHOICE = re.compile(r"^\s*(\d{1,2})\s*$")
MORE = re.compile(r"^\s*(?:更多|下一页|再来|继续)\s*$")
LISTING_CARD = re.compile(r"^\s*(?:查|看看?)?\s*([A-Za-z]\d{1,6})\s*(?:什么情况|情况|详情|资料|怎么样|信息)?\s*[?？]?\s*$")
CANCEL = re.compile(r"^\s*(?:取消|算了|不用了)\s*$")
REASSIGN = re.compile(r"^\s*把?\s*(\S+?)\s*(?:转给|转交给|分配给)\s*(\S+)\s*$")


_prepared = False


def prepare(settings: Settings) -> None:
    """Load the parser's dictionaries and lazy paths (~0.7 s) before the first message, not inside its
    reply deadline: one parse of each example of the help text."""
    global _prepared
    if not _prepared:
        _prepared = True
        for line in texts.STAFF_HELP.splitlines():
            if line.startswith("· "):
                nlp.parse(line[2:])


async def handle(ctx: Context, text: str) -> str:
    try:
        return await _dispatch(ctx, text)
    except AppError as exc:
        return exc.message
    except ValidationError as exc:  # the transaction rolled back: nothing was stored
        return from_validation(exc).message


async def _dispatch(ctx: Context, text: str) -> str:
    if m := CHOICE.match(text):
        return await _choose(ctx, int(m.group(1)))
    # Any other message leaves the open question: a later "1" (after a search's numbered list) must not
    # record a follow-up on the client offered earlier.
    await state.drop(ctx.resources.redis, "pick", ctx.openid)
    if m := APPROVE.match(text):
        return await listings.review(ctx, m.group(1), approve=True) if m.group(1) else await listings.pending_reviews(ctx)
    if m := REJECT.match(text):
        if not m.group(1):
            return await listings.pending_reviews(ctx)
        return await listings.review(ctx, m.group(1), approve=False, reason=m.group(2))
    if MORE.match(text):
        return await common.more(ctx)
    if m := REASSIGN.match(text):
        return await clients.reassign(ctx, {"client": m.group(1), "to": m.group(2)})
    if m := LISTING_CARD.match(text):
        return await listings.listing_info(ctx, m.group(1).upper())
    if CANCEL.match(text):
        return "已取消。"
    parsed = nlp.parse(text, ctx.now.astimezone(ZoneInfo(ctx.resources.settings.timezone)))
    if parsed.intent in ("poster", "referral_code"):
        return await referral.handle(ctx, parsed)
    if parsed.intent == "help":
        return texts.STAFF_HELP
    flow = INTENTS.get(parsed.intent)
    if flow is None:
        if await _names_a_client(ctx, text):
            return await clients.client_info(ctx, {"client": text.strip()})
        return texts.UNKNOWN_HINT
    if parsed.intent in PLACED_INTENTS and "region" not in parsed.slots:
        if place := regions.tree(ctx.resources.settings).find_in(_without_names(text, parsed.slots)):
            parsed.slots["region"] = place
    return await flow(ctx, parsed.slots)


async def _names_a_client(ctx: Context, text: str) -> bool:
    """A bare 华兴精密 (or 华兴) that the parser did not understand is a look-up of that client."""
    name = text.strip()
    return 2 <= len(name) <= 30 and not any(ch.isspace() for ch in name) \
        and bool(await client_service.resolve(ctx.account, name, limit=1))


def _without_names(text: str, slots: dict) -> str:
    """``text`` without the names it gives: 苏州华兴精密有限公司 names a company, not a place it needs."""
    for key in ("company", "client", "listing"):
        if name := slots.get(key):
            text = text.replace(name, " ")
    return text


async def _choose(ctx: Context, number: int) -> str:
    pending = await state.get(ctx.resources.redis, "pick", ctx.openid)
    if pending is None:
        return "没有待选择的问题（可能已过期）。请重新发一次原来的消息。"
    options = pending["options"]
    if not 1 <= number <= len(options):
        return f"请回复1到{len(options)}之间的序号，或发「取消」。"
    await state.drop(ctx.resources.redis, "pick", ctx.openid)
    return await INTENTS[pending["action"]](ctx, nlp.typed(pending["slots"]), options[number - 1])
