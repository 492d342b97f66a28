"""Matchers for chat handlers, in the style of python-telegram-bot's ``filters``.

A filter is a pure test of a ``Context``: it reads the message, the sender's role and the parser's reading,
and never does I/O. A truthy result is a match and is handed to the handler's callback (a regex filter hands
over its ``re.Match``, ``intent`` the parser's ``Parsed``). Filters compose: ``a & b`` (b's result when a
matches), ``a | b`` (the first that matches), ``~a`` (True when a does not match).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.context import Context
from models.enums import Role
from nlp import Parsed


class Filter:
    __slots__ = ("name", "test")

    def __init__(self, test: Callable[[Context], Any], name: str) -> None:
        self.test = test
        self.name = name

    def __call__(self, ctx: Context) -> Any:
        return self.test(ctx)

    def __and__(self, other: Filter) -> Filter:
        return Filter(lambda ctx: self.test(ctx) and other.test(ctx), f"({self.name} & {other.name})")

    def __or__(self, other: Filter) -> Filter:
        return Filter(lambda ctx: self.test(ctx) or other.test(ctx), f"({self.name} | {other.name})")

    def __invert__(self) -> Filter:
        return Filter(lambda ctx: not self.test(ctx), f"~{self.name}")

    def __repr__(self) -> str:
        return f"Filter({self.name})"


def event(*names: str) -> Filter:
    """A WeChat event (subscribe, scan, ...) of one of ``names`` (lower case)."""
    return Filter(lambda ctx: ctx.event in names, f"event{names}")


EVENT = Filter(lambda ctx: ctx.event is not None, "event")
"""Any event, also one wechatpy does not know (``subscribe_msg_popup_event``...): never a message."""
TEXT = Filter(lambda ctx: ctx.message.type == "text", "text")
MEDIA = Filter(lambda ctx: ctx.message.type in ("image", "video", "shortvideo"), "media")
"""A photo or video message (its file is fetched with the media API)."""
VOICE = Filter(lambda ctx: ctx.message.type == "voice", "voice")
"""A voice message WeChat did not transcribe (a transcribed one arrives as text: ``protocol.as_text``)."""
LOCATION = Filter(lambda ctx: ctx.message.type == "location", "location")
"""A location the user sent from the chat (not the LOCATION event of an account that asks for it)."""
NOT_TEXT = Filter(lambda ctx: ctx.message.type != "text" and ctx.event is None, "not_text")
VISITOR = Filter(lambda ctx: ctx.account is None, "visitor")
"""Not bound to an account: a client or a passer-by."""
PARTNER = Filter(lambda ctx: ctx.account is not None and ctx.account.role == Role.PARTNER, "partner")
STAFF = Filter(lambda ctx: ctx.account is not None and ctx.account.role != Role.PARTNER, "staff")
"""A bound salesperson, manager or admin."""


def regex(pattern: str, *, search: bool = False) -> Filter:
    """The whole text matches ``pattern`` (or contains it, with ``search``); the callback gets the match."""
    compiled = re.compile(pattern)
    test = compiled.search if search else compiled.match
    return Filter(lambda ctx: test(ctx.text), f"regex({pattern[:20]})")


def intent(name: str) -> Filter:
    """The parser reads the text as ``name``; the callback gets the ``nlp.Parsed`` (always truthy)."""

    def test(ctx: Context) -> Parsed | None:
        parsed = ctx.parsed
        return parsed if parsed.intent == name else None

    return Filter(test, f"intent({name})")
