"""What a chat handler is given: the message, its sender and the resources to act with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from wechatpy.messages import BaseMessage

import nlp
from bot.protocol import event_name
from models import Account
from services.resources import Resources


@dataclass
class Context:
    resources: Resources
    message: BaseMessage
    now: datetime
    user_id: int | None = None
    """The sender's WechatUser id (None for events, which are answered without looking the sender up)."""
    account: Account | None = None
    """The staff or partner account bound to the sender, if any."""
    is_client: bool | None = None
    """Whether the sender is a client, as their cached identity says (``accounts.Identity.is_client``)."""
    arrivals: int | None = None
    """An unbound sender's messages this minute, this one included, when the MsgId claim counted it
    (``services.visitors.Arrival``); None when it did not (then ``bot.flows.visitors`` counts)."""

    @property
    def actor(self) -> Account:
        """The bound account, for handlers whose filter (``STAFF``, ``PARTNER``) admits bound senders only."""
        if self.account is None:
            raise LookupError("a handler for bound accounts ran for an unbound sender")
        return self.account

    @property
    def openid(self) -> str:
        return self.message.source

    @cached_property
    def event(self) -> str | None:
        """The event's name in lower case; None for a message (read once, as every event filter asks)."""
        return event_name(self.message)

    @cached_property
    def text(self) -> str:
        """Read once: wechatpy converts a field on every access, and every filter reads the text."""
        return getattr(self.message, "content", None) or ""

    @cached_property
    def parsed(self) -> nlp.Parsed:
        """The parser's reading of the text (times in the configured zone), computed once, on the first matcher
        that asks for it."""
        return self.parse(self.text)

    def parse(self, text: str) -> nlp.Parsed:
        """The parser's reading of ``text`` (the message, or another wording of it) as of this message."""
        return nlp.parse(text, self.now.astimezone(ZoneInfo(self.resources.settings.timezone)))

    @cached_property
    def visitor(self) -> nlp.Parsed:
        """The parser's reading of a visitor's words (or a partner's about their client): the need and the
        contact details they mention."""
        return nlp.parse_visitor(self.text, self.now.astimezone(ZoneInfo(self.resources.settings.timezone)))
