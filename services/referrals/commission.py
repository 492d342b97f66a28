"""A referred client is won: the deal counts for its scene and the referrer is told.

What the referrer earns comes with the deal's amounts (services.commissions.record_deal).
"""

from __future__ import annotations

from core.config import Settings
from models import Client, ReferralEvent, WechatUser
from models.enums import ReferralEventKind
from services import notify
from services.notify import Notice


async def on_client_won(client: Client, *, settings: Settings) -> None:
    """Call when a client's stage becomes won: count the deal for its scene and tell the referrer.

    Idempotent; call inside the stage change's transaction.
    """
    if await ReferralEvent.filter(client_id=client.id, kind=ReferralEventKind.DEAL).exists():
        return
    lead = await ReferralEvent.filter(client_id=client.id, kind=ReferralEventKind.LEAD).first()
    scene_id = lead.scene_id if lead else None
    if scene_id is None and client.wechat_user_id:
        user = await WechatUser.get_or_none(id=client.wechat_user_id)
        scene_id = user.referral_scene_id if user else None
    if scene_id is not None:
        await ReferralEvent.create(
            scene_id=scene_id, kind=ReferralEventKind.DEAL, wechat_user_id=client.wechat_user_id, client=client
        )
    if client.referrer_id:
        await notify.queue(
            Notice.REFERRAL_WON,
            client.referrer_id,
            dedupe_key=f"referral:won:{client.id}",
            client=client,
            facts={"client": client.display_name},
        )
