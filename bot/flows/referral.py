"""``referral_code`` and ``poster``: share codes and posters.

The reply comes at once; creating the QR code, uploading it and sending the
image (slow WeChat calls) run as a task and arrive by customer-service message.
"""
from __future__ import annotations

from bot import format, texts
from bot.context import Context
from models.enums import DealType
from services import listings_public, tasks
from services.errors import NotFound
from services.referrals import codes
from services.referrals import stats as referral_stats


async def send_poster(ctx: Context, code: str | None) -> str:
    """Queue a share poster of listing ``code`` carrying this account's QR code."""
    if not code:
        return texts.POSTER_WHICH
    try:
        listing = await listings_public.get_visible_by_code(code)
    except NotFound:
        return texts.POSTER_NO_LISTING.format(code=code)
    row = {name: getattr(listing, name) for name in listings_public.DETAIL_FIELDS}
    place = " ".join(p for p in (listing.city, listing.district, listing.town) if p) or listing.region
    lines = [f"{place} · {'出售' if listing.deal_type == DealType.SALE else '出租'}",
             f"面积 {format.num(listing.area)}㎡" + (f"  层高 {format.num(listing.ceiling_height)}米"
                                                     if listing.ceiling_height is not None else ""),
             format.price(row)]
    if listing.features:
        lines.append("、".join(format.features(listing.features)))
    lines.append(f"房源编号 {listing.code}")
    await tasks.enqueue(ctx.resources, codes.send_listing_poster, ctx.account.id, ctx.openid, listing.id,
                        listing.title, lines, job_id=f"poster:{listing.id}:{ctx.account.id}:{ctx.openid}")
    return texts.POSTER_COMING.format(code=listing.code)


async def send_code(ctx: Context) -> str:
    """Queue the QR image to this account (once per minute at most) and answer with the stats so far."""
    await tasks.enqueue(ctx.resources, codes.send_referral_qr, ctx.account.id, ctx.openid,
                        job_id=f"referral-qr:{ctx.account.id}:{ctx.openid}")
    return f"{texts.REFERRAL_CODE_COMING}\n\n{await stats_text(ctx)}"


async def stats_text(ctx: Context) -> str:
    return texts.REFERRAL_STATS.format(**await referral_stats.for_account(ctx.account))
