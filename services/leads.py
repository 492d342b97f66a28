"""Leads left in the mini-program or on an H5 page: the visitor's words reach a salesperson, and nothing leaks back.

A lead goes through the one intake path (``clients.create_or_merge``) as untrusted input: a phone or company
that matches an existing client never links the visitor to it; the lead is created marked as a possible
duplicate and goes to that client's salesperson, who settles it (``clients.settle_duplicate``; in chat
``合并 <lead>`` or ``不是重复 <lead>``). A visitor's later leads join their own earlier one. The visitor
learns nothing either way (the API answers the same), and their text is stored as their words
(``FollowUp.by_client``), not as a follow-up written by staff.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from core.config import Settings
from models import Account, Client, FollowUp, WechatUser, pii
from models.enums import FollowUpChannel, Role, Source
from services import accounts, audit, clients, follows, listings_public, notify
from services.errors import InvalidPhone
from services.notify import Notice
from services.referrals import attribution
from services.resources import Resources

MAINLAND_MOBILE = re.compile(r"1[3-9]\d{9}")
ROUND_ROBIN_KEY = "leads:round_robin"
STAFF_ROLES = (Role.ADMIN, Role.MANAGER, Role.SALES)
VIA = {
    "miniapp": (Source.MINIAPP, "小程序"),
    "h5": (Source.OTHER, "H5房源页"),
    "chat": (Source.OFFICIAL_ACCOUNT, "公众号"),
}
"""Where a lead was left: its source (unless referred) and how staff see it named."""


def normalize_mobile(phone: str) -> str:
    """``+86 138-1234-5678`` -> ``13812345678``; AppError unless a mainland mobile number."""
    digits = pii.normalize("phone", phone)
    if not MAINLAND_MOBILE.fullmatch(digits):
        raise InvalidPhone()
    return digits


async def assignee(redis: Redis, referrer: Account | None) -> int | None:
    """The referrer if staff, else the partner's sales contact, else the next active salesperson in turn."""
    if referrer is not None and referrer.active:
        if referrer.role in STAFF_ROLES:
            return referrer.id
        if (
            referrer.manager_id
            and await Account.filter(id=referrer.manager_id, active=True, role__in=STAFF_ROLES).exists()
        ):
            return referrer.manager_id
    sales = await Account.filter(role=Role.SALES, active=True).order_by("id").values_list("id", flat=True)
    if not sales:
        return None
    turn = await redis.incr(ROUND_ROBIN_KEY)
    return sales[(turn - 1) % len(sales)]


async def create(
    resources: Resources,
    *,
    wechat_user_id: int,
    company: str | None,
    contact_name: str | None,
    phone: str | None,
    need: str,
    listing_id: int | None = None,
    via: str = "miniapp",
    now: datetime | None = None,
    wanted: dict | None = None,
    source_msg_id: str | None = None,
    notify_each: bool = True,
) -> Client:
    """The visitor's lead (a new client, or their own earlier one); callers must not tell the visitor which.

    ``via`` is ``miniapp``, ``h5`` or ``chat`` (the official account, where the visitor may not have given a
    phone yet: the WeChat user is the way back to them). ``wanted`` holds the parsed need (requirement slots,
    a WeChat id) and fills what the client's record lacks. ``source_msg_id`` makes a message taken twice
    (WeChat's retry, a resumed reply) one follow-up. ``notify_each=False`` notifies the salesperson of a new
    lead only (later words reach them another way)."""
    now = now or datetime.now(timezone.utc)
    source, label = VIA[via]
    redis = resources.redis
    phone = normalize_mobile(phone) if phone else None
    wanted = {k: v for k, v in (wanted or {}).items() if v not in (None, "", [])}
    listing = await listings_public.get_visible(listing_id) if listing_id is not None else None
    await follows.flush(resources)  # the follow that brought them may still be queued: its attribution counts
    user = await WechatUser.get(id=wechat_user_id)
    referrer = await Account.get_or_none(id=user.referrer_id) if user.referrer_id else None
    # One lead per visitor at a time, so two submissions cannot create two clients.
    async with redis.lock(f"lock:lead:{user.id}", timeout=10, blocking_timeout=10):
        if source_msg_id and await FollowUp.filter(source_msg_id=source_msg_id).exists():
            taken = await FollowUp.get(source_msg_id=source_msg_id).select_related("client")
            return taken.client
        async with in_transaction():
            client = await Client.live().filter(wechat_user_id=user.id).order_by("id").first()
            created = client is None
            if client is None:
                referred = user.referral_scene_id is not None
                client = await clients.create_or_merge(
                    actor=None,
                    via=via,
                    settings=resources.settings,
                    on_duplicate=clients.OnDuplicate.MARK,
                    slots={
                        **wanted,
                        "company": company,
                        "contact_name": contact_name,
                        "phone": phone,
                        "notes": need,
                        "source": Source.REFERRAL if referred else source,
                        "source_detail": f"scene:{user.referral_scene_id}" if referred else label,
                    },
                    referrer_id=user.referrer_id,
                    wechat_user_id=user.id,
                )
            else:
                await clients.fill_from_lead(
                    client,
                    {**wanted, "company": company, "contact_name": contact_name, "phone": phone},
                    settings=resources.settings,
                    via=via,
                )
            if client.owner_id is None:
                client.owner_id = await _duplicate_owner(client) or await assignee(redis, referrer)
                await client.save(update_fields=["owner_id", "updated_at"])
            first_contact = (
                first_followup_due(now, resources.settings)
                if created and client.owner_id and client.next_followup_at is None
                else None
            )
            words = await FollowUp.create(
                client=client,
                content=need,
                channel=FollowUpChannel.WECHAT if via == "chat" else FollowUpChannel.OTHER,
                by_client=True,
                happened_at=now,
                next_at=first_contact,
                source_msg_id=source_msg_id,
            )
            if first_contact is not None:
                client.next_followup_at = first_contact
                await client.save(update_fields=["next_followup_at", "updated_at"])
            await audit.record(
                None,
                "client.lead",
                "client",
                client.id,
                after={"via": via, "followup": words.id, "listing": listing.id if listing else None},
            )
            if client.owner_id and (created or notify_each):
                await notify.queue(
                    Notice.LEAD,
                    client.owner_id,
                    dedupe_key=f"lead:followup:{words.id}",
                    client=client,
                    followup=words,
                    facts=await _lead_facts(client, need, listing, created, via),
                )
            await attribution.on_lead(client, user, assignee_id=client.owner_id, settings=resources.settings)
    if created:  # committed: the follower's next message is a client's, in every process
        await accounts.forget_identities(redis, user.openid)
    return client


def first_followup_due(received: datetime, settings: Settings) -> datetime:
    """When a new lead is due for its first follow-up: ``reminders.first_followup_min`` of working time
    (``business_opens`` .. ``business_closes``, every day) after it came in; so it is in the salesperson's
    agenda and reminded like any planned follow-up."""
    cfg = settings.reminders
    remaining = timedelta(minutes=cfg.first_followup_min)
    if cfg.business_opens >= cfg.business_closes:
        return received + remaining  # no working hours configured: plain elapsed time
    zone = ZoneInfo(settings.timezone)
    cursor = received.astimezone(zone)
    while True:
        opens = datetime.combine(cursor.date(), cfg.business_opens, zone)
        closes = datetime.combine(cursor.date(), cfg.business_closes, zone)
        start = max(cursor, opens)
        if start + remaining <= closes:
            return (start + remaining).replace(second=0, microsecond=0)
        if start < closes:
            remaining -= closes - start
        cursor = opens + timedelta(days=1)


async def _duplicate_owner(client: Client) -> int | None:
    """The salesperson of the client a lead may duplicate: the one who can tell whether it is the same."""
    if not client.duplicate_of_id:
        return None
    existing = await Client.get_or_none(id=client.duplicate_of_id).select_related("owner")
    return existing.owner_id if existing and existing.owner and existing.owner.active else None


async def _lead_facts(client: Client, need: str, listing, created: bool, via: str) -> dict:
    existing = await Client.get(id=client.duplicate_of_id) if client.duplicate_of_id else None
    return {
        "via": via,
        "client": client.display_name,
        "need": need,
        "listing": listing.code if listing else None,
        "created": created,
        "duplicate_of": existing.display_name if existing else None,
    }
