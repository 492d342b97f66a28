"""Code images: official-account QR codes and mini-program codes (listing posters: services/posters.py).

Made on demand and kept in media storage; the chat's requests for them run as
background tasks (bot/flows/referral.py) that retry when WeChat has a hiccup.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from models import ReferralScene
from models.enums import SceneKind
from services.errors import WeChatUnavailable
from services.resources import Resources
from wechat import WeChatError

MEDIA_LIFETIME = timedelta(days=3)
MEDIA_MARGIN = timedelta(hours=1)


async def miniapp_code_url(resources: Resources, scene: ReferralScene) -> str:
    """The mini-program code for ``scene``: generated once (wxa/getwxacodeunlimit), then served from media."""
    settings = resources.settings
    if scene.miniapp_code_path and await resources.storage.exists(scene.miniapp_code_path):
        return resources.storage.url(scene.miniapp_code_path)
    try:
        image = await resources.miniapp.wxa.get_unlimited_code(scene.scene, page=settings.referral.miniapp_page)
    except WeChatError:
        raise WeChatUnavailable("miniapp_code") from None
    scene.miniapp_code_path = f"mpcode/{scene.scene}.png"
    url = await resources.storage.put(scene.miniapp_code_path, image, "image/png")
    await scene.save(update_fields=["miniapp_code_path"])
    return url


async def qr_image(resources: Resources, scene: ReferralScene, *, now: datetime | None = None) -> str:
    """The media path of the scene's official-account QR image, creating the code (once) if needed.

    Staff and partner codes are permanent (QR_LIMIT_STR_SCENE); campaign codes are
    temporary (QR_STR_SCENE, ``referral.campaign_qr_expire_s``) and re-created once expired.
    """
    settings, now = resources.settings, now or datetime.now(timezone.utc)
    relpath = f"qr/{scene.scene}.png"
    if scene.qr_ticket is None or (scene.qr_expires_at is not None and scene.qr_expires_at <= now):
        permanent = scene.kind != SceneKind.CAMPAIGN
        expire_s = settings.referral.campaign_qr_expire_s
        qr = await resources.wechat.qrcode.create(scene.scene, permanent=permanent, expire_seconds=expire_s)
        scene.qr_ticket, scene.qr_url = qr["ticket"], qr["url"]
        scene.qr_expires_at = None if permanent else now + timedelta(seconds=qr["expire_seconds"] or expire_s)
        scene.qr_media_id = None
        await resources.storage.put(relpath, await resources.wechat.qrcode.fetch_image(scene.qr_ticket), "image/png")
        await scene.save()
    elif not await resources.storage.exists(relpath):
        await resources.storage.put(relpath, await resources.wechat.qrcode.fetch_image(scene.qr_ticket), "image/png")
    return relpath


async def qr_media_id(resources: Resources, scene: ReferralScene, *, now: datetime | None = None) -> str:
    """The scene's QR image uploaded as WeChat media, re-uploaded only when the 3-day media expires."""
    now = now or datetime.now(timezone.utc)
    relpath = await qr_image(resources, scene, now=now)
    if (
        scene.qr_media_id is None
        or scene.qr_media_expires_at is None
        or scene.qr_media_expires_at <= now + MEDIA_MARGIN
    ):
        data = await resources.storage.get(relpath)
        scene.qr_media_id = await resources.wechat.media.upload("image", f"{scene.scene}.png", data)
        scene.qr_media_expires_at = now + MEDIA_LIFETIME
        await scene.save(update_fields=["qr_media_id", "qr_media_expires_at"])
    return scene.qr_media_id
