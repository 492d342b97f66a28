"""Every message the official account answers, as one ordered list of handlers.

A handler is a pure matcher (a ``bot.filters.Filter``) plus an async callback ``(ctx, match) -> reply``;
``router.respond`` tries them in the order of ``HANDLERS`` and the first match answers (a reply text, or
None for no reply). Domain errors raised by a callback are answered by the router's one error handler.

Adding a chat command = adding one ``Handler`` to ``HANDLERS``, where its priority puts it:

- an exact command (``提现 300``) goes with the commands, before ``PARSED INTENTS``, filtered by role
  (``STAFF & regex(...)``, ``PARTNER & regex(...)``);
- a new parser intent (``commission``) goes with the intents: ``intent_handler("commission", flow)``,
  where ``flow(ctx, slots, chosen=None)`` lives in ``bot/flows/``. A flow that asks a numbered question
  (``common.ask(ctx, "commission", ...)`` / ``common.client_for``) names its handler; the reply number
  resumes that handler's flow with the option chosen.

Set ``ends_choice=False`` only on a handler that answers an open numbered question.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import nlp
from bot import state, texts
from bot.context import Context
from bot.filters import (
    EVENT,
    LOCATION,
    MEDIA,
    NOT_TEXT,
    PARTNER,
    STAFF,
    TEXT,
    VISITOR,
    VOICE,
    Filter,
    event,
    intent,
    regex,
)
from bot.flows import (
    agenda,
    clients,
    common,
    corrections,
    figures,
    listings,
    login,
    media,
    partner,
    performance,
    referral,
    search,
    sending,
    visitors,
)
from bot.flows import commissions as money
from services import accounts, follows, outbox, staff_sessions, subscriptions
from services import clients as client_service

log = logging.getLogger(__name__)

Flow = Callable[..., Awaitable[str]]
"""``flow(ctx, slots, chosen=None) -> reply``: a chat flow that can be resumed by a numbered choice."""


@dataclass(frozen=True)
class Handler:
    name: str
    filter: Filter
    callback: Callable[[Context, Any], Awaitable[str | None]]
    resume: Flow | None = None
    """The flow a numbered choice asked by this handler resumes."""
    ends_choice: bool = True
    """Whether a bound sender's open numbered question is dropped when this handler answers."""


def intent_handler(name: str, flow: Flow) -> Handler:
    """The handler of a parser intent: ``flow`` gets the slots, and resumes when its question is answered."""

    async def callback(ctx: Context, parsed) -> str:
        return await flow(ctx, parsed.slots)

    return Handler(name, STAFF & intent(name), callback, resume=flow)


def reply(text: str | None) -> Callable[[Context, Any], Awaitable[str | None]]:
    async def callback(ctx: Context, match: Any) -> str | None:
        return text

    return callback


# ---- events: recorded, never answered as a message (except the welcome) -------------------------------


async def on_subscribe(ctx: Context, _) -> str:
    """A follow, whatever its key (``qrscene_``, ``scanbarcode|``, none): the welcome, which needs nothing but
    the follow queued (written in the background); attribution only through a code of ours."""
    message = ctx.message
    scene = message.scene_id if ctx.event == "subscribe_scan" else None
    await follows.queue(ctx.resources.redis, follows.Touch.FOLLOW, message.source, scene or "", now=ctx.now)
    return texts.VISITOR_WELCOME


async def on_scan(ctx: Context, _) -> None:
    await follows.queue(ctx.resources.redis, follows.Touch.SCAN, ctx.openid, ctx.message.scene_id or "", now=ctx.now)


async def on_unsubscribe(ctx: Context, _) -> None:
    await follows.queue(ctx.resources.redis, follows.Touch.UNFOLLOW, ctx.openid, now=ctx.now)


async def on_template_delivery(ctx: Context, _) -> None:
    await outbox.record_delivery(ctx.message.id, ctx.message.status)


async def on_subscribe_choice(ctx: Context, _) -> None:
    """The subscribe-message popup, or a change in the user's settings: acceptances banked."""
    await subscriptions.on_popup(ctx.message.target, ctx.openid, ctx.message._data)


async def on_subscribe_sent(ctx: Context, _) -> None:
    await subscriptions.on_sent(ctx.message.target, ctx.openid, ctx.message._data)


async def on_other_event(ctx: Context, _) -> None:
    """Menu clicks, mass-send and publish reports, customer-service sessions, unknown events: a log line with
    the event's own fields (no user text), never a reply."""
    data = getattr(ctx.message, "_data", {}) or {}
    fields = {k: v for k, v in data.items() if k in REPORTED_FIELDS}
    log.info("wechat event %s from %s %s", ctx.event, ctx.openid[-6:], fields)


REPORTED_FIELDS = frozenset(
    {
        "EventKey",
        "MsgID",
        "Status",
        "TotalCount",
        "FilterCount",
        "SentCount",
        "ErrorCount",
        "MenuId",
        "PublishEventInfo",
    }
)


# ---- anyone -----------------------------------------------------------------------------------------


async def bind(ctx: Context, match) -> str:
    bound = await accounts.bind(ctx.resources.redis, ctx.openid, match.group(1))
    return texts.BOUND.format(name=bound.name)


async def not_text(ctx: Context, _) -> str:
    return texts.UNSUPPORTED if ctx.account else texts.VISITOR_UNSUPPORTED


async def voice_unrecognised(ctx: Context, _) -> str:
    return texts.VOICE_STAFF if ctx.account else texts.VOICE_VISITOR


# ---- staff commands ---------------------------------------------------------------------------------


async def choose(ctx: Context, match) -> str:
    """A number answers the question asked just before: resume the flow that asked it."""
    pending = await state.get(ctx.resources.redis, "pick", ctx.openid)
    if pending is None:
        return texts.NO_OPEN_CHOICE
    options = pending["options"]
    number = int(match.group(1))
    if not 1 <= number <= len(options):
        return texts.CHOICE_OUT_OF_RANGE.format(count=len(options))
    await state.drop(ctx.resources.redis, "pick", ctx.openid)
    return await RESUMABLE[pending["action"]](ctx, nlp.typed(pending["slots"]), options[number - 1])


async def approve(ctx: Context, match) -> str:
    if not match.group(1):
        return await listings.pending_reviews(ctx)
    return await listings.review(ctx, match.group(1), approve=True)


async def reject(ctx: Context, match) -> str:
    if not match.group(1):
        return await listings.pending_reviews(ctx)
    return await listings.review(ctx, match.group(1), approve=False, reason=match.group(2))


async def more(ctx: Context, _) -> str:
    return await common.more(ctx)


async def reassign(ctx: Context, match) -> str:
    return await clients.reassign(ctx, {"client": match.group(1), "to": match.group(2)})


async def confirm_duplicate(ctx: Context, match) -> str:
    return await clients.confirm_duplicate(ctx, {"client": match.group(1)})


async def reject_duplicate(ctx: Context, match) -> str:
    return await clients.reject_duplicate(ctx, {"client": match.group(1)})


async def listing_card(ctx: Context, match) -> str:
    return await listings.listing_info(ctx, match.group(1).upper())


async def listing_figures(ctx: Context, match) -> str:
    return await figures.listing_figures(ctx, {"listing": match.group(1)})


async def poster(ctx: Context, parsed) -> str:
    return await referral.send_poster(ctx, parsed.slots.get("listing"))


async def referral_code(ctx: Context, _) -> str:
    return await referral.send_code(ctx)


async def partner_stats(ctx: Context, _) -> str:
    return await referral.stats_text(ctx)


async def partner_referred(ctx: Context, _) -> str:
    return await partner.referred_clients(ctx)


# ---- money: deals with amounts, withdrawals ---------------------------------------------------------


async def approve_withdrawal(ctx: Context, match) -> str:
    return await money.review(ctx, match.group("code"), approve=True)


async def reject_withdrawal(ctx: Context, match) -> str:
    return await money.review(ctx, match.group("code"), approve=False, reason=match.group("reason"))


async def pending_withdrawals(ctx: Context, _) -> str:
    return await money.pending_reviews(ctx)


async def manual_payout(ctx: Context, match) -> str:
    return await money.manual_payout(ctx, match.group("code"), match.group("reference"))


async def my_commission(ctx: Context, _) -> str:
    return await money.my_commission(ctx)


async def withdraw(ctx: Context, parsed) -> str:
    return await money.withdraw(ctx, parsed.slots)


async def client_by_name(ctx: Context, match) -> str:
    """A bare 华兴精密 (or 华兴) that the parser did not understand is a look-up of that client."""
    name = ctx.text.strip()
    if await client_service.resolve(ctx.actor, name, limit=1):
        return await clients.client_info(ctx, {"client": name})
    return await note_on_client(ctx, match)


async def note_on_client(ctx: Context, match) -> str:
    """``宏达物流 过完年再说``: a message the parser did not place that opens with one of my clients is a note on
    that client, read as if it began with 跟进. A note that names no client (``下午带看 结果客户没来``) asks for
    it; a question about a listing the parser could not place (``A61房东能接受23吗 问下``) gets the listing's card
    and how to change it; anything else gets the hint."""
    text = ctx.text.strip()
    if opening_code := OPENS_WITH_LISTING.match(text):
        return await listings.listing_about(ctx, opening_code.group(1).upper())
    as_note = ctx.parse("跟进 " + text)
    named = as_note.slots.get("client")
    if as_note.intent != "log_followup" or not WORDS.search(as_note.slots.get("content") or ""):
        return await not_understood(ctx, match)
    if named and nlp.opens_with(text, named) and await client_service.resolve(ctx.actor, named, limit=1):
        return await clients.log_followup(ctx, as_note.slots)
    if not named and as_note.slots.keys() & {"stage", "next_at", "happened_at"}:
        return texts.NOTE_WITHOUT_CLIENT.format(text=text[:40])
    return await not_understood(ctx, match)


async def courtesy(ctx: Context, match) -> str:
    return texts.GREETING if match.group("greeting") else texts.ACKNOWLEDGED


async def not_built(ctx: Context, parsed) -> str:
    """An intent the parser knows and the chat cannot act on yet: said plainly, not 没太明白."""
    log.info("chat intent not built: %s", parsed.intent)
    return texts.NOT_BUILT.format(what=texts.INTENT_NAMES.get(parsed.intent, "这个操作"))


async def not_understood(ctx: Context, _) -> str:
    """The hint, and a log line without personal data so that what people say and the parser misses is reviewed."""
    log.info("chat not understood (%s): %s", ctx.parsed.intent, nlp.redact(ctx.text))
    return texts.UNKNOWN_HINT


LOGIN_SCENE = Filter(lambda ctx: staff_sessions.is_login_scene(getattr(ctx.message, "scene_id", None)), "login_scene")
ASKS_FOR_BACK_OFFICE = regex(r"^\s*(?:登录|登陆)\s*后台|^\s*后台\s*(?:登录|登陆)", search=True)

OPENS_WITH_LISTING = re.compile(r"^\s*([A-Za-z]{1,3}\d{1,6})(?![A-Za-z\d])")
LOOKS_LIKE_A_NAME = regex(r"^\s*\S{2,30}\s*$")
WORDS = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]{2,}")
_ACKNOWLEDGEMENT = r"谢谢|谢谢你|谢了|多谢|感谢|辛苦了?|晚安|拜拜|再见|下班了?|好的?|好滴|好嘞|行|可以|嗯+|哦+|噢+|收到|了解|明白|知道了|ok|okay|哈+|呵呵|666|👍|👌|🙏"
COURTESY = regex(
    r"(?i)^\s*(?:(?P<greeting>你好|您好|早上好|上午好|中午好|下午好|晚上好|早安|早|在吗|在不在|hi|hello)|"
    rf"(?:{_ACKNOWLEDGEMENT})(?:[啦了呀啊哈~～!！。.,，\s]*(?:{_ACKNOWLEDGEMENT}))*)"
    r"(?:大家|各位|你们|老师)?[啦了呀啊哈~～!！。.,，\s]*$"
)
"""Greetings, thanks and acknowledgements: answered in kind, never with the 没太明白 hint; an open numbered
question (a deal waiting for 确认) stays open."""
UNDERSTOOD = Filter(lambda ctx: ctx.parsed if ctx.parsed.intent != "unknown" else None, "understood")
"""Any intent the parser read: after every intent's handler, the ones the chat has no handler for."""


HANDLERS: list[Handler] = [
    # WeChat events, whoever sends them
    Handler("login_scan", event("scan", "subscribe_scan") & LOGIN_SCENE, login.on_scan),
    Handler("subscribe", event("subscribe", "subscribe_scan", "subscribe_scan_product"), on_subscribe),
    Handler("scan", event("scan"), on_scan),
    Handler("unsubscribe", event("unsubscribe"), on_unsubscribe),
    Handler("template_delivery", event("templatesendjobfinish"), on_template_delivery),
    Handler("subscribe_choice", event("subscribe_msg_popup_event", "subscribe_msg_change_event"), on_subscribe_choice),
    Handler("subscribe_sent", event("subscribe_msg_sent_event"), on_subscribe_sent),
    Handler("other_event", EVENT, on_other_event),
    # staff: photos and videos for the listing in context
    Handler("chat_media", STAFF & MEDIA, media.on_media_message),
    Handler("voice", VOICE, voice_unrecognised),
    Handler("location", LOCATION, visitors.location),
    Handler("not_text", NOT_TEXT, not_text),
    # anyone: binding a WeChat user to a staff or partner account
    Handler("bind", TEXT & regex(r"^\s*绑定\s*[:：]?\s*(\d{6})\s*$"), bind),
    # anyone: the back office (a scanned code's confirmation; refused to partners and unbound users)
    Handler("login_confirm", TEXT & regex(r"^\s*确认登录(?:后台)?\s*$"), login.confirm),
    Handler("login_refused", (VISITOR | PARTNER) & ASKS_FOR_BACK_OFFICE, login.refuse),
    # followers who are not staff: their words, never a staff command
    Handler("visitor", VISITOR, visitors.converse),
    # partners: a client they tell us about
    Handler("partner_lead", PARTNER & Filter(visitors.is_partner_lead, "partner_lead"), visitors.partner_lead),
    # staff: the answer to a numbered question, then exact commands
    Handler("choice", STAFF & regex(r"^\s*(\d{1,2})\s*$"), choose, ends_choice=False),
    # money commands before the listing reviews: 驳回提现 W12 is not 驳回 <listing>
    Handler(
        "confirm_deal", STAFF & regex(money.CONFIRM.pattern), money.confirm, resume=money.record_deal, ends_choice=False
    ),
    Handler("approve_withdrawal", STAFF & regex(money.APPROVE.pattern), approve_withdrawal),
    Handler("reject_withdrawal", STAFF & regex(money.REJECT.pattern), reject_withdrawal),
    Handler("pending_withdrawals", STAFF & regex(money.PENDING.pattern), pending_withdrawals),
    Handler("manual_payout", STAFF & regex(money.MANUAL_PAYOUT.pattern), manual_payout),
    # referrers (partners, and staff paid through the system): their commission, withdrawals; after the
    # reviews (通过提现 W12 is no withdrawal) and before the partners' own words
    Handler("my_commission", (PARTNER | STAFF) & intent("my_commission"), my_commission),
    Handler("withdraw", (PARTNER | STAFF) & intent("withdraw"), withdraw),
    # partners: their code, their figures, their referrals
    Handler("partner_code", PARTNER & regex(r"推广码|二维码|我的码|分享码|邀请码", search=True), referral_code),
    Handler("partner_stats", PARTNER & regex(r"数据|统计|业绩|战绩|成绩", search=True), partner_stats),
    Handler("partner_referred", PARTNER & regex(r"客户|推荐", search=True), partner_referred),
    Handler("partner_help", PARTNER, reply(texts.PARTNER_HELP)),
    Handler("approve", STAFF & regex(r"^\s*(?:通过|批准|审核通过)\s*([A-Za-z]\d+)?\s*$"), approve),
    Handler("reject", STAFF & regex(r"^\s*驳回\s*([A-Za-z]\d+)?\s*[:：,，]?\s*(.*?)\s*$"), reject),
    Handler("more", STAFF & regex(r"^\s*(?:更多|下一页|再来|继续)\s*$"), more),
    Handler(
        "reassign",
        STAFF & regex(r"^\s*把?\s*(\S+?)\s*(?:转给|转交给|分配给)\s*(\S+)\s*$"),
        reassign,
        resume=clients.reassign,
    ),
    Handler(
        "confirm_duplicate",
        STAFF & regex(r"^\s*(?:合并|确认重复|是同一个?客户)\s*[:：]?\s*(\S.*?)\s*$"),
        confirm_duplicate,
        resume=clients.confirm_duplicate,
    ),
    Handler(
        "reject_duplicate",
        STAFF & regex(r"^\s*(?:不是重复|不重复|不是同一个?客户)\s*[:：]?\s*(\S.*?)\s*$"),
        reject_duplicate,
        resume=clients.reject_duplicate,
    ),
    Handler("gallery", STAFF & regex(media.GALLERY), media.show),
    Handler("gallery_next_kind", STAFF & regex(media.NEXT_KIND), media.next_kind),
    Handler("gallery_delete", STAFF & regex(media.DELETE), media.delete),
    Handler("gallery_cover", STAFF & regex(media.COVER), media.cover),
    Handler("gallery_move", STAFF & regex(media.MOVE), media.move),
    Handler("gallery_kind", STAFF & regex(media.SET_KIND), media.set_kind),
    Handler("gallery_caption", STAFF & regex(media.CAPTION), media.caption),
    Handler("gallery_vr", STAFF & regex(media.VR_LINK), media.vr_link),
    Handler(
        "listing_card",
        STAFF
        & regex(
            r"^\s*(?:帮我|给我)?\s*(?:查一下|查下|查查|查|看一下|看下|看看?)?\s*([A-Za-z]\d{1,6})\s*"
            r"(?:什么情况|情况|详情|资料|怎么样|信息|还在吗|还有吗|租出去了吗|在不在|几楼|多大|面积多少|租金多少|多少钱|"
            r"价格多少|层高多少|在哪里?|地址)?\s*[?？]?\s*$"
        ),
        listing_card,
    ),
    Handler(
        "listing_figures",
        STAFF & regex(r"^\s*([A-Za-z]\d{1,6})\s*的?\s*(?:数据|统计|浏览量|访问量|转发量)\s*[?？]?\s*$"),
        listing_figures,
    ),
    Handler("cancel", STAFF & regex(r"^\s*(?:取消|算了|不用了)\s*$"), reply(texts.CANCELLED)),
    # staff: answering a visitor in the official account
    intent_handler("reply_visitor", visitors.reply_visitor),
    # staff: what the parser understood
    intent_handler("new_client", clients.new_client),
    intent_handler("log_followup", clients.log_followup),
    intent_handler("cancel_followup", clients.cancel_followup),
    intent_handler("client_info", clients.client_info),
    intent_handler("update_stage", clients.update_stage),
    intent_handler("match_client", search.match_client),
    intent_handler("search_listings", search.search_listings),
    intent_handler("new_listing", listings.new_listing),
    intent_handler("listing_status", listings.listing_status),
    intent_handler("agenda", agenda.show),
    intent_handler("listing_stats", figures.listing_figures),
    intent_handler("edit_client", corrections.edit_client),
    intent_handler("add_contact", corrections.add_contact),
    intent_handler("edit_listing", corrections.edit_listing),
    intent_handler("undo", corrections.undo_last),
    intent_handler("delete_client", corrections.delete_client),
    intent_handler("resubmit_listing", listings.resubmit),
    intent_handler("login", login.send_link),
    intent_handler("my_stats", performance.my_stats),
    intent_handler("team_stats", performance.team_stats),
    intent_handler("staff_clients", performance.staff_clients),
    intent_handler("staff_followups", performance.staff_followups),
    intent_handler("record_deal", money.propose_deal),
    intent_handler("end_deal", money.end_deal),
    intent_handler("send_listing", sending.send_listing),
    intent_handler("share_text", sending.share_text),
    Handler("poster", STAFF & intent("poster"), poster),
    Handler("referral_code", STAFF & intent("referral_code"), referral_code),
    Handler("help", STAFF & intent("help"), reply(texts.STAFF_HELP)),
    Handler("not_built", STAFF & UNDERSTOOD, not_built),
    # staff: a bare client name, else a hint
    Handler("courtesy", STAFF & COURTESY, courtesy, ends_choice=False),
    Handler("client_by_name", STAFF & LOOKS_LIKE_A_NAME, client_by_name),
    Handler("note_on_client", STAFF, note_on_client),
]

RESUMABLE: dict[str, Flow] = {h.name: h.resume for h in HANDLERS if h.resume is not None}
"""Handler name -> the flow a numbered choice it asked resumes (``common.ask``'s ``action``)."""
