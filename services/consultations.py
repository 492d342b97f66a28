"""The consultation form of an H5 listing page: a lead exactly as the mini-program leaves one.

The lead is credited to whoever shared the link the visitor came through: the
sharer is recorded as the visitor's referrer (first touch wins, as for a
scanned code) and the lead then follows the mini-program's path.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import Account, Client, WechatUser
from models.enums import EventKind
from services import follows, leads, listings_public, tracking
from services.referrals import attribution
from services.resources import Resources


@dataclass(frozen=True)
class Consultation:
    client: Client
    wechat_user_id: int
    """The visitor's WeChat user: new for a visitor outside WeChat, who keeps it in their cookie."""


async def create(
    resources: Resources,
    *,
    code: str,
    phone: str,
    name: str | None,
    need: str | None,
    company: str | None,
    token: str | None,
    visitor: str,
    wechat_user_id: int | None,
) -> Consultation:
    """NotFound if the listing is not on the market; AppError for a phone that is not a mainland mobile.

    As in the mini-program, the visitor is told nothing about whether the phone was known."""
    settings = resources.settings
    phone = leads.normalize_mobile(phone)
    listing = await listings_public.get_visible_by_code(code)
    view = await tracking.view_of(resources.redis, token or "", settings=settings)
    if view is not None and (view["visitor"] != visitor or view["listing_id"] != listing.id):
        view = None  # another visitor's or another page's token: no credit from it
    user = await WechatUser.get_or_none(id=wechat_user_id) if wechat_user_id else None
    if user is None:
        user = await WechatUser.create()
    if view is not None and view["sharer_id"]:
        await follows.flush(resources)  # a follow through a code still queued came first: first touch wins
        sharer = await Account.get_or_none(id=view["sharer_id"], active=True)
        if sharer is not None:
            scene = await attribution.scene_for_account(sharer)
            await attribution.record_miniapp_scene(resources.redis, user, scene.scene, settings=settings)
    client = await leads.create(
        resources,
        wechat_user_id=user.id,
        company=company or None,
        contact_name=name or None,
        phone=phone,
        need=need or "咨询房源",
        listing_id=listing.id,
        via="h5",
    )
    if view is not None:
        tracking.enqueue(
            resources.redis,
            [tracking.follow_event(EventKind.CONSULT, token=view["token"], visitor=visitor, value=client.id)],
        )
    return Consultation(client, user.id)
