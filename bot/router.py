"""What the official account answers: one entry point from a parsed message to a reply text.

Events and binding are handled here; staff text goes to the chat flows,
visitors get a welcome. Returns ``None`` for "no reply".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from wechatpy.messages import BaseMessage

from bot import chat, texts
from bot.flows import partner
from models import Account
from models.enums import Role
from services import accounts, outbox, referrals
from services.errors import AppError
from services.resources import Resources

BIND_COMMAND = re.compile(r"^\s*绑定\s*[:：]?\s*(\d{6})\s*$")


@dataclass
class Context:
    resources: Resources
    message: BaseMessage
    user_id: int
    """The sender's WechatUser id."""
    account: Account | None
    now: datetime

    @property
    def openid(self) -> str:
        return self.message.source


async def respond(resources: Resources, message: BaseMessage, now: datetime,
                  cached_identity: bytes | None = None) -> str | None:
    """``cached_identity`` is the sender's identity entry if the caller already read it from Redis."""
    if message.type == "event":
        return await _on_event(resources, message, now)
    identity = await accounts.identify(resources.redis, message.source, cached_identity)
    account = await Account.get_or_none(id=identity.account_id, active=True) if identity.account_id else None
    ctx = Context(resources, message, identity.user_id, account, now)
    if message.type != "text":
        return texts.UNSUPPORTED if account else texts.VISITOR_THANKS
    text = message.content or ""
    if bind := BIND_COMMAND.match(text):
        try:
            bound = await accounts.bind(resources.redis, message.source, bind.group(1))
        except AppError as exc:
            return exc.message
        return texts.BOUND.format(name=bound.name)
    if account is None:
        return texts.VISITOR_THANKS
    if account.role == Role.PARTNER:
        return await partner.handle(ctx, text)
    return await chat.handle(ctx, text)


async def _on_event(resources: Resources, message: BaseMessage, now: datetime) -> str | None:
    event = message.event
    if event in ("subscribe", "subscribe_scan"):
        await accounts.set_subscribed(message.source, True)
        scene = message.scene_id if event == "subscribe_scan" else None
        await referrals.on_subscribe(resources, message.source, scene, now=now)
        return texts.VISITOR_WELCOME
    if event == "scan":
        await referrals.record_qr_event(message.source, message.scene_id or "", follow=False,
                                        settings=resources.settings, now=now)
        return None
    if event == "unsubscribe":
        await accounts.set_subscribed(message.source, False)
        return None
    if event == "templatesendjobfinish":
        await outbox.record_delivery(message.id, message.status)
        return None
    return None
