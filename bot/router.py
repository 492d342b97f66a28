"""What the official account answers: one entry point from a parsed message to a reply text.

The message is matched against ``bot.handlers.HANDLERS`` in order; the first handler that matches answers.
Domain errors become their chat wording here, in one place, so nothing is ever left without a reply.
Returns ``None`` for "no reply".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tortoise.exceptions import ValidationError
from wechatpy.messages import BaseMessage

import nlp
from bot import state, texts
from bot.context import Context
from bot.errors import chat_text
from bot.handlers import HANDLERS, Handler
from bot.protocol import as_text
from services import accounts, metrics
from services.errors import AppError, from_validation
from services.resources import Resources

_prepared = False


def prepare() -> None:
    """Load the parser's dictionaries and lazy paths (~0.7 s) before the first message, not inside its
    reply deadline: one parse of each example of the help text."""
    global _prepared
    if not _prepared:
        _prepared = True
        for line in texts.STAFF_HELP.splitlines():
            if line.startswith("· "):
                nlp.parse(line[2:])


async def respond(
    resources: Resources,
    message: BaseMessage,
    now: datetime,
    cached_identity: bytes | None = None,
    arrivals: int | None = None,
) -> str | None:
    """``cached_identity`` is the sender's identity entry if the caller already read it from Redis; ``arrivals``
    the visitor's messages this minute if the caller counted this one (``Context.arrivals``)."""
    ctx = Context(resources, as_text(message), now, arrivals=arrivals)
    if ctx.event is None:
        identity = await accounts.identify(resources.redis, message.source, cached_identity)
        ctx.user_id, ctx.is_client, ctx.account = identity.user_id, identity.is_client, identity.account
    found = match(ctx)
    if found is None:
        return None
    handler, matched = found
    if handler.ends_choice and ctx.account is not None:
        # A numbered choice answers only the message just before it: a later "1" (after a search's
        # numbered list) must not record a follow-up on the client offered earlier.
        await state.drop(resources.redis, "pick", ctx.openid)
    try:
        answer = await handler.callback(ctx, matched)
    except AppError as exc:
        answer = chat_text(exc)
    except ValidationError as exc:  # the transaction rolled back: nothing was stored
        answer = chat_text(from_validation(exc))
    if answer is not None and message.type != "event":
        intent = metrics.NOT_UNDERSTOOD if answer == texts.UNKNOWN_HINT else handler.name
        metrics.count_chat_reply(resources.redis, timezone=resources.settings.timezone, intent=intent)
    return answer


def match(ctx: Context) -> tuple[Handler, Any] | None:
    """The first handler whose filter matches, and what its filter matched."""
    for handler in HANDLERS:
        if matched := handler.filter(ctx):
            return handler, matched
    return None
