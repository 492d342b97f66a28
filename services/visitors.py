"""Clients and partners who write to the official account: their words become leads, and the conversation
goes on between the visitor and their salesperson.

- A follower's message that names a need or themselves (phone, name, company, size, place) is a lead through
  the one intake path (``leads.create``, ``via="chat"``): attributed to whoever brought the follower, assigned
  like every lead, the words kept as the client's own (``FollowUp.by_client``). Once they are a client,
  every later message joins their timeline.
- Each message is relayed to the salesperson in full (``bot.flows.visitors``: a customer-service message to
  their own chat, with the parsed need and how to answer; the template notice when WeChat will not take it).
- The salesperson answers with ``回复 赵 …``: delivered as a customer-service message while the visitor's
  48-hour window is open (since the visitor's last message), recorded in the timeline.
- A bound partner's message about a client of theirs is a lead referred by that partner.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from core import kv
from models import Account, Client, FollowUp, WechatUser
from models.enums import FollowUpChannel, Source
from models.pii import blind_index
from services import audit, clients, leads, notify, permissions, ratelimit
from services.errors import NoConversation
from services.notify import Notice
from services.referrals import attribution
from services.resources import Resources

WINDOW_S = 48 * 3600
"""WeChat's customer-service window: messages to a user within 48 hours of their last message."""
MAX_CHARS = 500
"""Longer visitor messages are refused with a request to shorten them (nothing is stored half)."""
PER_MINUTE = 12
"""Messages a visitor may send per minute; beyond, they are asked to slow down."""

CONTACT_SLOTS = ("phone", "wechat_id", "contact_name", "company")
NEED_SLOTS = (
    "region",
    "property_type",
    "deal_type",
    "area_min",
    "area_max",
    "single_storey",
    "ceiling_height_min",
    "floor_load_min",
    "power_kva_min",
    "rent_max",
    "budget_month_max",
    "sale_price_max",
    "sale_total_max",
    "features",
)


def _window_key(openid: str) -> str:
    return f"wx:window:{openid}"


def _limit_key(openid: str) -> str:
    return f"visitor:{openid}"


async def limit(redis: Redis, openid: str) -> None:
    """Count one visitor message; ``RateLimited`` beyond ``PER_MINUTE``."""
    await ratelimit.hit(redis, _limit_key(openid), PER_MINUTE)


async def touch_window(redis: Redis, openid: str, now: datetime) -> None:
    """The user wrote: WeChat lets us answer by customer-service message for 48 hours."""
    await kv.batcher(redis).call("set", _window_key(openid), str(int(now.timestamp())), ex=WINDOW_S)


async def arrived(redis: Redis, openid: str, now: datetime) -> None:
    """A visitor's message, in one round trip: it opens WeChat's 48-hour window (WeChat opens it for any
    message, also one refused here) and counts against ``PER_MINUTE`` (``RateLimited`` beyond)."""
    await asyncio.gather(touch_window(redis, openid, now), limit(redis, openid))


@dataclass(frozen=True)
class Arrival:
    """What ``arrived`` writes, as keys and values: the MsgId claim (``bot.dedupe``) writes them in its own
    round trip when the sender's cached identity says they are unbound, and returns the count for
    ``check_arrivals``."""

    counter: str
    counter_ttl_s: int
    window: str
    at: int
    window_ttl_s: int = WINDOW_S

    @classmethod
    def of(cls, openid: str, now: datetime) -> Arrival:
        counter, ttl_s = ratelimit.counter(_limit_key(openid))
        return cls(counter, ttl_s, _window_key(openid), int(now.timestamp()))


def check_arrivals(count: int) -> None:
    """``RateLimited`` when ``count``, the visitor's messages this minute as the claim counted them, is beyond
    ``PER_MINUTE``."""
    ratelimit.check(count, PER_MINUTE)


async def window_open(redis: Redis, openid: str, now: datetime | None = None) -> bool:
    raw = await redis.get(_window_key(openid))
    at = int(raw) if raw else None
    return at is not None and (now.timestamp() if now else time.time()) - at < WINDOW_S


def carries_lead(slots: dict) -> bool:
    """A message that names a need or the person: worth a lead."""
    return any(slots.get(name) not in (None, "", []) for name in CONTACT_SLOTS + NEED_SLOTS)


@dataclass(frozen=True)
class Taken:
    client: Client
    words: FollowUp
    """The message as the client's words in their timeline."""
    created: bool
    owner: Account | None


async def take_message(
    resources: Resources,
    *,
    openid: str,
    text: str,
    slots: dict,
    now: datetime,
    message_key: str,
    is_client: bool | None = None,
) -> Taken | None:
    """A follower's message: into their lead (made now if it carries one), relayed to the salesperson.
    None when they are no client and the message names nothing to work on (a hello).

    ``is_client`` is what the sender's cached identity says (``accounts.Identity``): a hello from a follower
    who is no client, the common case, then costs no query and writes nothing."""
    lead = carries_lead(slots)
    if is_client is False and not lead:
        return None
    existed = await Client.live().filter(wechat_user__openid=openid).exists()
    if not existed and not lead:
        return None
    user, _ = await WechatUser.get_or_create(openid=openid)
    client = await leads.create(
        resources,
        wechat_user_id=user.id,
        company=slots.get("company"),
        contact_name=slots.get("contact_name"),
        phone=slots.get("phone"),
        need=text,
        via="chat",
        now=now,
        wanted={name: slots.get(name) for name in NEED_SLOTS + ("wechat_id",)},
        source_msg_id=message_key,
        notify_each=False,
    )
    words = await FollowUp.get(source_msg_id=message_key)
    owner = await Account.get_or_none(id=client.owner_id) if client.owner_id else None
    return Taken(client, words, not existed, owner)


async def partner_lead(
    resources: Resources, *, partner: Account, text: str, slots: dict, now: datetime, message_key: str
) -> Taken:
    """A partner's message about a client of theirs: a lead referred by the partner, assigned to the
    partner's sales contact (else by turn), counted in the partner's figures."""
    settings = resources.settings
    existing = await FollowUp.filter(source_msg_id=message_key).select_related("client").first()
    if existing is not None:  # WeChat's retry, or a resumed reply
        client = existing.client
        owner = await Account.get_or_none(id=client.owner_id) if client.owner_id else None
        return Taken(client, existing, False, owner)
    async with in_transaction():
        client = await _partner_client(partner, slots, text, settings)
        created = client.owner_id is None
        first_contact = None
        if created:
            client.owner_id = await leads.assignee(resources.redis, partner)
            first_contact = leads.first_followup_due(now, settings) if client.owner_id else None
            client.next_followup_at = first_contact
            await client.save(update_fields=["owner_id", "next_followup_at", "updated_at"])
        words = await FollowUp.create(
            client=client,
            content=text,
            channel=FollowUpChannel.WECHAT,
            by_client=True,
            happened_at=now,
            next_at=first_contact,
            source_msg_id=message_key,
        )
        await audit.record(partner, "client.partner_lead", "client", client.id, after={"followup": words.id})
        if client.owner_id:
            await notify.queue(
                Notice.PARTNER_LEAD,
                client.owner_id,
                dedupe_key=f"lead:followup:{words.id}",
                client=client,
                followup=words,
                facts={"partner": partner.name, "client": client.display_name, "need": text},
            )
        await attribution.on_partner_lead(client, partner, settings=settings)
    owner = await Account.get_or_none(id=client.owner_id) if client.owner_id else None
    return Taken(client, words, created, owner)


async def _partner_client(partner: Account, slots: dict, text: str, settings) -> Client:
    """The partner's own earlier referral with this phone, or a new client (possible duplicates marked)."""
    phone = leads.normalize_mobile(slots["phone"]) if slots.get("phone") else None
    if phone:
        mine = await Client.live().filter(referrer_id=partner.id, phone_hash=blind_index("phone", phone)).first()
        if mine is not None:
            return mine
    return await clients.create_or_merge(
        actor=None,
        via="partner",
        settings=settings,
        on_duplicate=clients.OnDuplicate.MARK,
        slots={
            **{name: slots.get(name) for name in NEED_SLOTS + ("wechat_id",)},
            "company": slots.get("company"),
            "contact_name": slots.get("contact_name"),
            "phone": phone,
            "notes": text,
            "source": Source.REFERRAL,
            "source_detail": f"合作伙伴{partner.name}",
        },
        referrer_id=partner.id,
    )


# ---- the salesperson's side -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    client: Client
    answer: FollowUp | None
    """The answer in the client's timeline, to be sent; None when the visitor's 48-hour window is closed:
    nothing was recorded or sent, call them."""


async def reply(
    resources: Resources, *, actor: Account, client: Client, content: str, now: datetime, message_key: str
) -> Reply:
    """The salesperson's answer to a visitor: recorded in the client's timeline and sent as a customer-service
    message while WeChat allows it."""
    await permissions.ensure_can_change(actor, client)
    user = await WechatUser.get_or_none(id=client.wechat_user_id) if client.wechat_user_id else None
    if user is None or not user.openid:
        raise NoConversation()
    if not await window_open(resources.redis, user.openid, now):
        return Reply(client, None)
    existing = await FollowUp.filter(source_msg_id=message_key).first()
    if existing is None:
        async with in_transaction():
            existing = await FollowUp.create(
                client=client,
                author=actor,
                content=content,
                channel=FollowUpChannel.WECHAT,
                happened_at=now,
                source_msg_id=message_key,
                done=True,
            )
            await audit.record(actor, "client.reply", "client", client.id, after={"followup": existing.id})
            await _answer_first_contact(client)
    return Reply(client, existing)


async def _answer_first_contact(client: Client) -> None:
    """A reply is a contact: the lead's first follow-up it was due for is answered (as by any follow-up)."""
    if not await FollowUp.filter(client_id=client.id, done=False, by_client=True).update(done=True):
        return
    pending = await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True).order_by("next_at")
    client.next_followup_at = pending[0].next_at if pending else None
    await client.save(update_fields=["next_followup_at", "updated_at"])


async def conversations(actor: Account, name: str, *, limit: int = 9) -> list[Client]:
    """The clients ``actor`` may answer whom ``name`` names (a surname, 赵总, a company, 客户#12)."""
    name = name.strip()
    if name.startswith("客户#") and name[3:].isdigit():
        found = await permissions.visible_clients(actor).filter(id=int(name[3:])).select_related("owner")
    else:
        found = await clients.resolve(actor, name, limit=limit)
    return [c for c in found if c.wechat_user_id]
