"""``/wechat``: the official account's server URL (服务器地址)."""
from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text

from bot import dedupe, router, texts
from bot.protocol import Callback, Protocol, Rejected, text_reply
from services import accounts, tasks
from services.resources import Resources

log = logging.getLogger(__name__)
_late_replies: set[asyncio.Future] = set()  # the loop keeps only weak references to tasks
bp = Blueprint("wechat")

XML = "application/xml; charset=utf-8"


def _protocol(request: Request) -> Protocol:
    return request.app.ctx.protocol


@bp.get("/wechat")
async def handshake(request: Request) -> HTTPResponse:
    """Server URL verification: echo ``echostr`` when the signature is ours."""
    try:
        _protocol(request).verify(Callback.from_args(request.args))
    except Rejected as exc:
        return text(exc.reason, status=exc.status)
    return text(request.args.get("echostr", ""))


@bp.post("/wechat")
async def receive(request: Request) -> HTTPResponse:
    protocol = _protocol(request)
    cb = Callback.from_args(request.args)
    try:
        protocol.verify(cb)
        message, xml = protocol.decode(cb, request.body)
    except Rejected as exc:
        log.info("wechat callback rejected: %s", exc.reason)
        return text(exc.reason, status=exc.status)
    resources = request.app.ctx.resources
    try:
        reply = await request.app.ctx.replies.once(
            dedupe.message_key(message), lambda identity: _reply(resources, message, identity),
            prefetch=accounts.identity_key(message.source),
            binding=dedupe.Binding.of(cb, xml, resources.settings.signature_max_age_s))
    except dedupe.SignatureReused:
        log.warning("wechat callback refused: its signature came before with another body")
        return text("signature already used for another message", status=403)
    return text(protocol.render(cb, reply), content_type=XML if reply != dedupe.NO_REPLY else "text/plain")


async def _reply(resources: Resources, message, cached_identity: bytes | None) -> str:
    """The rendered reply, or ``success`` when there is none or it missed the deadline."""
    work = asyncio.ensure_future(router.respond(resources, message, datetime.now(timezone.utc), cached_identity))
    done, _ = await asyncio.wait((work,), timeout=resources.settings.reply_deadline_s)
    if not done:
        work.add_done_callback(lambda finished: _send_late(resources, message.source, finished))
        return dedupe.NO_REPLY
    if work.exception() is not None:
        log.error("chat reply failed", exc_info=work.exception())
        answer = texts.BUSY
    else:
        answer = work.result()
    return text_reply(message, answer) if answer else dedupe.NO_REPLY


def _send_late(resources: Resources, openid: str, done: asyncio.Future) -> None:
    if done.cancelled():
        return
    if done.exception() is not None:
        log.error("late chat reply failed", exc_info=done.exception())
        answer = texts.BUSY
    else:
        answer = done.result()
    if answer:
        queued = asyncio.ensure_future(tasks.enqueue(resources, tasks.send_text, openid, answer))
        _late_replies.add(queued)
        queued.add_done_callback(_late_replies.discard)
