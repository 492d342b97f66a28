"""``referral_code`` and ``poster``: share codes and posters.

The reply comes at once; creating the QR code, uploading it and sending the
image (slow WeChat calls) run as a task and arrive by customer-service message.
"""

from __future__ import annotations

import logging
import re

from arq import Retry

from bot import texts
from bot.context import Context
from bot.errors import chat_text
from media import poster
from models import Account, Listing
from services import listings_public, posters, tasks
from services.errors import AppError, NotFound
from services.referrals import attribution, codes
from services.referrals import stats as referral_stats
from wechat import TransientError, WeChatError

log = logging.getLogger(__name__)

STYLE = re.compile(r"经典|大图|简约")
SEND_TRIES = 3


async def send_poster(ctx: Context, code: str | None) -> str:
    """Queue a share poster of listing ``code`` whose QR code opens its H5 page credited to this account.

    A style word anywhere in the message picks the template: 经典 (default), 大图, 简约.
    """
    if not code:
        return texts.POSTER_WHICH
    try:
        listing = await listings_public.get_visible_by_code(code)
    except NotFound:
        return texts.POSTER_NO_LISTING.format(code=code)
    words = STYLE.findall(ctx.text)
    template = posters.template_of(words[-1] if words else None)
    await queue_poster(ctx, listing, template)
    others = " / ".join(
        f"生成海报 {listing.code} {poster.TEMPLATE_NAMES[t]}" for t in poster.TEMPLATES if t != template
    )
    return texts.POSTER_COMING.format(code=listing.code, style=poster.TEMPLATE_NAMES[template], others=others)


async def queue_poster(ctx: Context, listing: Listing, template: str = "classic") -> None:
    """The poster of ``listing`` credited to the sender, rendered and sent to them as an image by a task."""
    await tasks.enqueue(
        ctx.resources,
        send_poster_image,
        ctx.actor.id,
        ctx.openid,
        listing.id,
        template,
        job_id=f"poster:{listing.id}:{template}:{ctx.actor.id}:{ctx.openid}",
    )


async def send_code(ctx: Context) -> str:
    """Queue the QR image to this account (once per minute at most) and answer with the stats so far."""
    await tasks.enqueue(
        ctx.resources,
        send_code_image,
        ctx.actor.id,
        ctx.openid,
        job_id=f"referral-qr:{ctx.actor.id}:{ctx.openid}",
    )
    return f"{texts.REFERRAL_CODE_COMING}\n\n{await stats_text(ctx)}"


async def stats_text(ctx: Context) -> str:
    return texts.REFERRAL_STATS.format(**await referral_stats.for_account(ctx.actor))


@tasks.task()
async def send_poster_image(ctx: dict, account_id: int, openid: str, listing_id: int, template: str) -> None:
    """Render (or reuse) the poster and send it as an image; say in chat what went wrong if it cannot be."""
    resources = ctx["resources"]
    sharer = await Account.get_or_none(id=account_id)
    listing = await Listing.get_or_none(id=listing_id)
    if sharer is None or listing is None:
        return
    try:
        made = await posters.make(resources=resources, listing=listing, sharer=sharer, template=template)
    except AppError as exc:
        await _tell(resources, openid, chat_text(exc))
        return
    try:
        data = await resources.storage.get(made.key)
        media_id = await resources.wechat.media.upload("image", f"poster-{listing.code}.jpg", data)
        await resources.wechat.message.send_image(openid, media_id)
    except TransientError:
        if ctx.get("job_try", 1) < SEND_TRIES:
            raise Retry(defer=5 * ctx.get("job_try", 1)) from None
        await _tell(resources, openid, texts.POSTER_NOT_SENT.format(url=made.url))
    except WeChatError as exc:
        log.info("poster for %s not sent as an image: errcode %s", openid, exc.errcode)
        await _tell(resources, openid, texts.POSTER_REFUSED.format(errcode=exc.errcode, url=made.url))


@tasks.task()
async def send_code_image(ctx: dict, account_id: int, openid: str) -> None:
    """Create (or reuse) the account's QR code and send it as an image; say in chat what went wrong if it cannot be."""
    resources = ctx["resources"]
    account = await Account.get_or_none(id=account_id)
    if account is None:
        return
    try:
        media_id = await codes.qr_media_id(resources, await attribution.scene_for_account(account))
        await resources.wechat.message.send_image(openid, media_id)
    except TransientError:
        if ctx.get("job_try", 1) < SEND_TRIES:
            raise Retry(defer=5 * ctx.get("job_try", 1)) from None
        await _tell(resources, openid, texts.CODE_NOT_SENT)
    except WeChatError as exc:
        log.info("referral code for %s not sent as an image: errcode %s", openid, exc.errcode)
        await _tell(resources, openid, texts.CODE_REFUSED.format(errcode=exc.errcode))


async def _tell(resources, openid: str, text: str) -> None:
    try:
        await resources.wechat.message.send_text(openid, text)
    except WeChatError as exc:
        log.info("poster notice to %s not sent: errcode %s", openid, exc.errcode)
