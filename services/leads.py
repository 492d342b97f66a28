"""Leads left in the mini-program: create or merge the client, assign a salesperson, tell them."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from models import Account, AuditLog, Client, FollowUp, WechatUser, pii
from models.enums import FollowUpChannel, Role, Source
from services import clients, listings_public, notify, referrals
from services.errors import AppError
from services.resources import Resources

MAINLAND_MOBILE = re.compile(r"1[3-9]\d{9}")
ROUND_ROBIN_KEY = "leads:round_robin"
STAFF_ROLES = (Role.ADMIN, Role.MANAGER, Role.SALES)


def normalize_mobile(phone: str) -> str:
    """``+86 138-1234-5678`` -> ``13812345678``; AppError unless a mainland mobile number."""
    digits = pii.normalize("phone", phone)
    if not MAINLAND_MOBILE.fullmatch(digits):
        raise AppError("phone must be a mainland mobile number", fields={"phone": "invalid mobile number"})
    return digits


async def _assignee(redis: Redis, referrer: Account | None) -> int | None:
    """The referrer if staff, else the partner's sales contact, else the next active salesperson in turn."""
    if referrer is not None and referrer.active:
        if referrer.role in STAFF_ROLES:
            return referrer.id
        if referrer.manager_id and await Account.filter(id=referrer.manager_id, active=True,
                                                        role__in=STAFF_ROLES).exists():
            return referrer.manager_id
    sales = await Account.filter(role=Role.SALES, active=True).order_by("id").values_list("id", flat=True)
    if not sales:
        return None
    turn = await redis.incr(ROUND_ROBIN_KEY)
    return sales[(turn - 1) % len(sales)]


async def create(resources: Resources, *, wechat_user_id: int, company: str, contact_name: str, phone: str, need: str,
                 listing_id: int | None = None, now: datetime | None = None) -> tuple[Client, bool]:
    """The client (new, or merged by phone) and whether it was created."""
    now = now or datetime.now(timezone.utc)
    redis = resources.redis
    phone = normalize_mobile(phone)
    listing = await listings_public.get_visible(listing_id) if listing_id is not None else None
    user = await WechatUser.get(id=wechat_user_id)
    referrer = await Account.get_or_none(id=user.referrer_id) if user.referrer_id else None
    phone_hash = pii.blind_index("phone", phone)
    note = f"小程序留言: {need}" + (f"（房源 {listing.code} {listing.title}）" if listing else "")
    # One lead per phone at a time, so two submissions cannot create two clients.
    async with redis.lock(f"lock:lead:{phone_hash}", timeout=10, blocking_timeout=10):
        async with in_transaction():
            client = await Client.filter(phone_hash=phone_hash).order_by("id").first()
            created = client is None
            if created:
                client = await Client.create(
                    company=company, company_norm=clients.normalize_company(company, resources.settings),
                    contact_name=contact_name, phone=phone, notes=need,
                    source=Source.REFERRAL if user.referral_scene_id else Source.MINIAPP,
                    source_detail=f"scene:{user.referral_scene_id}" if user.referral_scene_id else "小程序",
                    owner_id=await _assignee(redis, referrer), referrer_id=user.referrer_id, wechat_user_id=user.id,
                )
            else:
                client.wechat_user_id = client.wechat_user_id or user.id
                client.owner_id = client.owner_id or await _assignee(redis, referrer)
                await client.save(update_fields=["wechat_user_id", "owner_id", "updated_at"])
            followup = await FollowUp.create(client=client, content=note, channel=FollowUpChannel.OTHER,
                                             happened_at=now)
            if client.owner_id:
                await notify.queue("notice", client.owner_id, dedupe_key=f"lead:followup:{followup.id}",
                                   client=client, followup=followup,
                                   payload={"title": "小程序新线索" if created else "客户小程序留言",
                                            "detail": f"{client.display_name} {need}"})
            await referrals.on_lead(client, user, assignee_id=client.owner_id)
            await AuditLog.create(action="client.create" if created else "client.lead", entity="client",
                                  entity_id=client.id, after={"source": client.source.value, "via": "miniapp",
                                                              "listing": listing.id if listing else None})
    return client, created
