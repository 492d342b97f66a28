"""``/wechat``: the official account's server URL (服务器地址)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text

from bot import dedupe, router, texts
from bot.flows import visitors as visitor_flow
from bot.inbound import Inbound
from bot.protocol import Callback, Protocol, Rejected, text_reply
from services import accounts, visitors

log = logging.getLogger(__name__)
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
    key = dedupe.message_key(message)
    received_at = datetime.now(timezone.utc)
    try:
        reply = await request.app.ctx.replies.once(
            key,
            lambda identity, arrivals: _reply(
                request.app.ctx.inbound, key, message, xml, received_at, identity, arrivals
            ),
            prefetch=accounts.identity_key(message.source),
            binding=dedupe.Binding.of(cb, xml, resources.settings.signature_max_age_s),
            arrival=visitors.Arrival.of(message.source, received_at) if visitor_flow.counts(message) else None,
        )
    except dedupe.SignatureReused:
        log.warning("wechat callback refused: its signature came before with another body")
        return text("signature already used for another message", status=403)
    return text(protocol.render(cb, reply), content_type=XML if reply != dedupe.NO_REPLY else "text/plain")


async def _reply(
    inbound: Inbound,
    key: str,
    message,
    xml: str,
    received_at: datetime,
    cached_identity: bytes | None,
    arrivals: int | None,
) -> str:
    """The rendered reply; or ``success`` when there is none, or when it missed the deadline and the
    message was written down to be answered by customer-service message (bot.inbound)."""
    resources = inbound.resources
    work = asyncio.ensure_future(router.respond(resources, message, received_at, cached_identity, arrivals))
    done, _ = await asyncio.wait((work,), timeout=resources.settings.reply_deadline_s)
    if not done:
        await inbound.keep(key, message, xml, received_at, work)
        return dedupe.NO_REPLY
    answer: str | None
    if work.exception() is not None:
        log.error("chat reply failed", exc_info=work.exception())
        answer = texts.BUSY
    else:
        answer = work.result()
    return text_reply(message, answer) if answer else dedupe.NO_REPLY
