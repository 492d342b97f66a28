"""Referral codes and attribution: who brought each WeChat user, lead and deal.

A ``ReferralScene`` string (at most 32 characters) serves both as an official
account QR ``scene_str`` and as a mini-program code ``scene``: ``s<id>`` for
staff, ``p<id>`` for partners, ``c<random>`` for campaigns.

First touch wins: the first scene a user arrives through keeps them for
``referral.first_touch_window_days``; later scans are recorded
(``attributed=False``) but do not take the user over. After the window the
next scan attributes afresh. The official-account follower and the
mini-program user are one person when they share a unionid.
"""
from __future__ import annotations

import asyncio
import re
import secrets
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from arq import Retry
from redis.asyncio import Redis
from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from core.config import Settings
from media import poster, storage
from models import Account, Client, Commission, Favorite, ReferralEvent, ReferralScene, Viewing, WechatUser
from models.enums import ReferralEventKind, Role, SceneKind
from services import accounts, notify, tasks
from services.errors import AppError
from services.resources import Resources
from wechat import TransientError, WeChatError

SCENE_PATTERN = re.compile(r"[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}")
MEDIA_LIFETIME = timedelta(days=3)
MEDIA_MARGIN = timedelta(hours=1)
QR_TASK_TRIES = 3


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _window(settings: Settings) -> timedelta:
    return timedelta(days=settings.referral.first_touch_window_days)


# ---- scenes ---------------------------------------------------------------------------------------

def scene_string(account: Account) -> str:
    return f"{'p' if account.role == Role.PARTNER else 's'}{account.id}"


async def scene_for_account(account: Account) -> ReferralScene:
    """The account's own permanent scene, created on first use."""
    kind = SceneKind.PARTNER if account.role == Role.PARTNER else SceneKind.STAFF
    value = scene_string(account)
    scene = await ReferralScene.filter(scene=value).first()
    if scene is None:
        try:
            scene = await ReferralScene.create(scene=value, kind=kind, owner=account)
        except IntegrityError:  # created meanwhile by a concurrent request
            scene = await ReferralScene.get(scene=value)
    return scene


async def create_campaign(name: str, *, owner: Account | None = None) -> ReferralScene:
    """A campaign scene; its QR code is temporary (``referral.campaign_qr_expire_s``)."""
    return await ReferralScene.create(scene=f"c{secrets.token_hex(8)}", kind=SceneKind.CAMPAIGN, name=name[:64],
                                      owner=owner)


async def miniapp_partner_account(redis: Redis, user: WechatUser) -> Account:
    """The account a mini-program user refers as: their bound account, else a new partner account.

    A past client who shares their code becomes a partner whose sales contact
    (``manager``) is the salesperson who owns them as a client.
    """
    if user.account_id:
        return await Account.get(id=user.account_id)
    async with in_transaction():
        locked = await WechatUser.filter(id=user.id).select_for_update().first()
        if locked.account_id:
            return await Account.get(id=locked.account_id)
        client = await Client.filter(wechat_user_id=user.id).order_by("id").first()
        account = await Account.create(name=f"小程序用户{user.id}", role=Role.PARTNER,
                                       manager_id=client.owner_id if client else None)
        locked.account_id = account.id
        await locked.save(update_fields=["account_id", "updated_at"])
    await accounts.forget_identities(redis, user.openid)
    user.account_id = account.id
    return account


# ---- attribution ----------------------------------------------------------------------------------

async def _touch(user_id: int, scene: ReferralScene, kind: ReferralEventKind, *, settings: Settings,
                 now: datetime | None = None) -> ReferralEvent:
    """Record a scan or follow through ``scene`` and attribute the user unless an earlier touch holds them."""
    now = now or _now()
    async with in_transaction():
        user = await WechatUser.filter(id=user_id).select_for_update().first()
        held = (user.referral_scene_id is not None and user.attributed_at is not None
                and user.attributed_at + _window(settings) > now)
        own = scene.owner_id is not None and scene.owner_id == user.account_id
        attributed = not held and not own
        if attributed:
            user.referral_scene_id = scene.id
            user.referrer_id = scene.owner_id
            user.attributed_at = now
            await user.save(update_fields=["referral_scene_id", "referrer_id", "attributed_at", "updated_at"])
        return await ReferralEvent.create(scene=scene, kind=kind, wechat_user_id=user.id, attributed=attributed,
                                          happened_at=now)


async def record_qr_event(openid: str, scene_value: str, *, follow: bool, settings: Settings,
                          now: datetime | None = None) -> ReferralEvent | None:
    """An official-account ``subscribe`` through a code (``follow``) or ``SCAN``; None for unknown scenes."""
    scene = await ReferralScene.filter(scene=scene_value[:32]).first() if scene_value else None
    if scene is None:
        return None
    user, _ = await WechatUser.get_or_create(openid=openid)
    kind = ReferralEventKind.FOLLOW if follow else ReferralEventKind.SCAN
    return await _touch(user.id, scene, kind, settings=settings, now=now)


async def record_miniapp_scene(user: WechatUser, scene_value: str, *, settings: Settings,
                               now: datetime | None = None) -> ReferralEvent | None:
    """The mini-program was opened through a code carrying ``scene``; unknown scenes are ignored."""
    if not SCENE_PATTERN.fullmatch(scene_value):
        return None
    scene = await ReferralScene.filter(scene=scene_value).first()
    if scene is None:
        return None
    return await _touch(user.id, scene, ReferralEventKind.SCAN, settings=settings, now=now)


async def user_for_miniapp(redis: Redis, openid: str, unionid: str | None) -> tuple[WechatUser, bool]:
    """The WeChat user behind a mini-program openid (joined by unionid), and whether they are new here."""
    user = await WechatUser.filter(miniapp_openid=openid).first()
    if user is not None:
        if unionid and user.unionid != unionid:
            user = await link_unionid(redis, user, unionid)
        return user, False
    if unionid and (user := await WechatUser.filter(unionid=unionid).first()) is not None:
        user.miniapp_openid = openid
        await user.save(update_fields=["miniapp_openid", "updated_at"])
        return user, True
    try:
        return await WechatUser.create(miniapp_openid=openid, unionid=unionid), True
    except IntegrityError:  # the same person logging in twice at once
        return await WechatUser.get(miniapp_openid=openid), False


async def link_unionid(redis: Redis, user: WechatUser, unionid: str) -> WechatUser:
    """Give ``user`` its unionid; if another row already has it, merge the two and return the survivor."""
    other = await WechatUser.filter(unionid=unionid).exclude(id=user.id).first()
    if other is None:
        user.unionid = unionid
        await user.save(update_fields=["unionid", "updated_at"])
        return user
    openids = (user.openid, other.openid)
    keep = await _merge(user, other)
    await accounts.forget_identities(redis, *openids)
    return keep


async def _merge(a: WechatUser, b: WechatUser) -> WechatUser:
    """One person, two rows: keep the one with an account (else the older), earliest attribution wins."""
    keep, gone = sorted((a, b), key=lambda u: (u.account_id is None, u.id))
    touches = [u for u in (keep, gone) if u.attributed_at is not None]
    first = min(touches, key=lambda u: u.attributed_at) if touches else None
    async with in_transaction():
        moved = {name: getattr(gone, name) for name in ("openid", "miniapp_openid", "unionid")}
        await WechatUser.filter(id=gone.id).update(openid=None, miniapp_openid=None, unionid=None, account_id=None)
        for name, value in moved.items():
            if value and not getattr(keep, name):
                setattr(keep, name, value)
        if not keep.account_id and gone.account_id:
            keep.account_id = gone.account_id
        if gone.subscribed and not keep.subscribed:
            keep.subscribed, keep.subscribed_at = True, gone.subscribed_at
        if first is not None:
            keep.referral_scene_id, keep.referrer_id, keep.attributed_at = \
                first.referral_scene_id, first.referrer_id, first.attributed_at
        await keep.save()
        kept_favorites = await Favorite.filter(wechat_user_id=keep.id).values_list("listing_id", flat=True)
        await Favorite.filter(wechat_user_id=gone.id, listing_id__in=list(kept_favorites)).delete()
        for model in (Favorite, Viewing, Client, ReferralEvent):
            await model.filter(wechat_user_id=gone.id).update(wechat_user_id=keep.id)
        await WechatUser.filter(id=gone.id).delete()
    return keep


@tasks.task
async def fetch_unionid(ctx: dict, openid: str) -> None:
    """After a follow: learn the follower's unionid so their mini-program self is the same person."""
    try:
        info = await ctx["resources"].wechat.user.info(openid)
    except TransientError:
        if ctx.get("job_try", 1) < QR_TASK_TRIES:
            raise Retry(defer=10) from None
        raise
    unionid = info.get("unionid")
    user = await WechatUser.filter(openid=openid).first()
    if unionid and user is not None and user.unionid != unionid:
        await link_unionid(ctx["resources"].redis, user, unionid)


# ---- leads and deals ------------------------------------------------------------------------------

async def on_lead(client: Client, user: WechatUser, *, assignee_id: int | None) -> None:
    """A referred user left a lead: count it for the scene and tell the referrer (once per client).

    Call inside the lead's transaction.
    """
    if user.referral_scene_id is None:
        return
    if await ReferralEvent.filter(client_id=client.id, kind=ReferralEventKind.LEAD).exists():
        return
    await ReferralEvent.create(scene_id=user.referral_scene_id, kind=ReferralEventKind.LEAD, wechat_user_id=user.id,
                               client=client)
    if client.referrer_id and client.referrer_id != assignee_id:
        await notify.queue("notice", client.referrer_id, dedupe_key=f"referral:lead:{client.id}", client=client,
                           payload={"title": "您推荐的客户已留资", "detail": client.display_name})


async def on_client_won(client: Client, *, settings: Settings) -> None:
    """Call when a client's stage becomes won: count the deal for its scene, record the referrer's
    commission (``referral.commission_yuan`` by role) and tell the referrer.

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
        await ReferralEvent.create(scene_id=scene_id, kind=ReferralEventKind.DEAL, wechat_user_id=client.wechat_user_id,
                                   client=client)
    if client.referrer_id:
        referrer = await Account.get(id=client.referrer_id)
        amount = commission_for(referrer, settings)
        if amount and not await Commission.filter(client_id=client.id).exists():
            await Commission.create(referrer=referrer, client=client, scene_id=scene_id, amount=amount)
        await notify.queue("notice", client.referrer_id, dedupe_key=f"referral:won:{client.id}", client=client,
                           payload={"title": "您推荐的客户已成交",
                                    "detail": f"{client.display_name} 佣金{amount}元" if amount else client.display_name})


def commission_for(referrer: Account, settings: Settings) -> Decimal:
    """The commission in yuan a referrer of this role earns per closed deal (0 when none)."""
    return settings.referral.commission_yuan.of(referrer.role.value)


# ---- stats ----------------------------------------------------------------------------------------

async def stats(scene_ids: list[int]) -> dict[str, int | float]:
    """scans (every scan or follow through a code), follows (new followers), leads, deals and conversion.

    conversion is leads per scan, deal_rate deals per lead.
    """
    counts = dict.fromkeys(ReferralEventKind, 0)
    if scene_ids:
        rows = await ReferralEvent.filter(scene_id__in=scene_ids).annotate(n=Count("id")) \
            .group_by("kind").values("kind", "n")
        for row in rows:
            counts[ReferralEventKind(row["kind"])] = row["n"]
    scans = counts[ReferralEventKind.SCAN] + counts[ReferralEventKind.FOLLOW]
    leads, deals = counts[ReferralEventKind.LEAD], counts[ReferralEventKind.DEAL]
    return {"scans": scans, "follows": counts[ReferralEventKind.FOLLOW], "leads": leads, "deals": deals,
            "conversion": round(leads / scans, 4) if scans else 0.0,
            "deal_rate": round(deals / leads, 4) if leads else 0.0}


async def stats_per_scene() -> list[tuple[ReferralScene, dict[str, int | float]]]:
    """Every scene with its stats, busiest first."""
    scenes = await ReferralScene.all().select_related("owner")
    rows = [(scene, await stats([scene.id])) for scene in scenes]
    return sorted(rows, key=lambda row: (-row[1]["scans"], row[0].scene))


async def list_referred_clients(account: Account, *, limit: int = 10) -> list[Client]:
    """The clients this account referred, newest first: all a partner may see of the CRM."""
    return await Client.filter(referrer_id=account.id).order_by("-id").limit(limit)


async def stats_for_account(account: Account) -> dict[str, int | float]:
    scene_ids = await ReferralScene.filter(owner_id=account.id).values_list("id", flat=True)
    return await stats(list(scene_ids))


# ---- code images ----------------------------------------------------------------------------------

async def miniapp_code_url(resources: Resources, scene: ReferralScene) -> str:
    """The mini-program code for ``scene``: generated once (wxa/getwxacodeunlimit), then served from media."""
    settings = resources.settings
    if scene.miniapp_code_path and storage.exists(settings, scene.miniapp_code_path):
        return storage.url(settings, scene.miniapp_code_path)
    try:
        image = await resources.miniapp.wxa.get_unlimited_code(scene.scene, page=settings.referral.miniapp_page)
    except WeChatError:
        raise AppError("the code image is not available now, try again shortly", status=503,
                       code="wechat_unavailable") from None
    scene.miniapp_code_path = await storage.save(settings, f"mpcode/{scene.scene}.png", image)
    await scene.save(update_fields=["miniapp_code_path"])
    return storage.url(settings, scene.miniapp_code_path)


async def qr_image(resources: Resources, scene: ReferralScene, *, now: datetime | None = None) -> str:
    """The media path of the scene's official-account QR image, creating the code (once) if needed.

    Staff and partner codes are permanent (QR_LIMIT_STR_SCENE); campaign codes are
    temporary (QR_STR_SCENE, ``referral.campaign_qr_expire_s``) and re-created once expired.
    """
    settings, now = resources.settings, now or _now()
    relpath = f"qr/{scene.scene}.png"
    if scene.qr_ticket is None or (scene.qr_expires_at is not None and scene.qr_expires_at <= now):
        permanent = scene.kind != SceneKind.CAMPAIGN
        expire_s = settings.referral.campaign_qr_expire_s
        qr = await resources.wechat.qrcode.create(scene.scene, permanent=permanent, expire_seconds=expire_s)
        scene.qr_ticket, scene.qr_url = qr["ticket"], qr["url"]
        scene.qr_expires_at = None if permanent else now + timedelta(seconds=qr["expire_seconds"] or expire_s)
        scene.qr_media_id = None
        await storage.save(settings, relpath, await resources.wechat.qrcode.fetch_image(scene.qr_ticket))
        await scene.save()
    elif not storage.exists(settings, relpath):
        await storage.save(settings, relpath, await resources.wechat.qrcode.fetch_image(scene.qr_ticket))
    return relpath


async def qr_media_id(resources: Resources, scene: ReferralScene, *, now: datetime | None = None) -> str:
    """The scene's QR image uploaded as WeChat media, re-uploaded only when the 3-day media expires."""
    now = now or _now()
    relpath = await qr_image(resources, scene, now=now)
    if scene.qr_media_id is None or scene.qr_media_expires_at is None or scene.qr_media_expires_at <= now + MEDIA_MARGIN:
        data = await storage.read(resources.settings, relpath)
        scene.qr_media_id = await resources.wechat.media.upload("image", f"{scene.scene}.png", data)
        scene.qr_media_expires_at = now + MEDIA_LIFETIME
        await scene.save(update_fields=["qr_media_id", "qr_media_expires_at"])
    return scene.qr_media_id


@tasks.task
async def send_referral_qr(ctx: dict, account_id: int, openid: str) -> None:
    """Create (or reuse) the account's QR code and send it as an image by customer-service message."""
    resources = ctx["resources"]
    account = await Account.get_or_none(id=account_id)
    if account is None:
        return
    scene = await scene_for_account(account)
    try:
        media_id = await qr_media_id(resources, scene)
        await resources.wechat.message.send_image(openid, media_id)
    except TransientError:
        if ctx.get("job_try", 1) < QR_TASK_TRIES:
            raise Retry(defer=5) from None
        raise


# ---- official-account events ----------------------------------------------------------------------

async def on_subscribe(resources: Resources, openid: str, scene_value: str | None, *, now: datetime | None = None) -> None:
    """A follow (through a code if ``scene_value``); then learn the unionid in the background."""
    if scene_value:
        await record_qr_event(openid, scene_value, follow=True, settings=resources.settings, now=now)
    await tasks.enqueue(resources, "fetch_unionid", openid, job_id=f"unionid:{openid}")


@tasks.task
async def send_listing_poster(ctx: dict, account_id: int, openid: str, listing_id: int, title: str,
                              lines: list[str]) -> None:
    """Render a listing poster with the account's QR code and send it as an image."""
    resources = ctx["resources"]
    settings = resources.settings
    account = await Account.get_or_none(id=account_id)
    if account is None:
        return
    scene = await scene_for_account(account)
    try:
        qr = await storage.read(settings, await qr_image(resources, scene))
        png = await asyncio.to_thread(poster.render, title, lines, qr, footer="长按识别二维码 关注了解更多房源",
                                      font=poster.font_path(settings.poster_font))
        await storage.save(settings, f"poster/{listing_id}-{scene.scene}.png", png)
        media_id = await resources.wechat.media.upload("image", f"poster-{listing_id}.png", png)
        await resources.wechat.message.send_image(openid, media_id)
    except TransientError:
        if ctx.get("job_try", 1) < QR_TASK_TRIES:
            raise Retry(defer=5) from None
        raise
