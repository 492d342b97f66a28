"""Viewing bookings from the mini-program; a listing is viewed by one party at a time.

A user holds at most ``miniapp.max_open_viewings`` booked viewings that have not ended (each booking also
spends template-message quota on the salesperson's notice), and cancels their own; the salesperson hears of
both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from core.config import Settings
from models import Client, Listing, Viewing, WechatUser
from models.enums import ReviewStatus, ViewingStatus
from models.pii import mask_phone
from services import leads, notify
from services.errors import (
    ContactRequired,
    ListingNotFound,
    OutsideViewingHours,
    SlotTaken,
    TokenInvalid,
    TooManyViewings,
    ViewingInPast,
    ViewingNotBooked,
    ViewingNotFound,
    ViewingStarted,
    ViewingTooFarAhead,
)
from services.listings_public import MAX_ID, SEARCHABLE
from services.notify import Notice


async def book(
    settings: Settings,
    *,
    wechat_user_id: int,
    listing_id: int,
    start_at: datetime,
    name: str | None = None,
    phone: str | None = None,
    now: datetime | None = None,
) -> Viewing:
    """Book [start_at, start_at + miniapp.viewing_minutes) inside the viewing hours; Conflict if it overlaps a
    booked viewing.

    The salesperson needs to know who comes: the visitor's ``name`` and ``phone`` are asked once and kept on
    their profile, so a later booking needs neither (``contact_required`` names what is missing).
    """
    now = now or datetime.now(timezone.utc)
    horizon = timedelta(days=settings.miniapp.viewing_horizon_days)
    if start_at <= now:
        raise ViewingInPast()
    if start_at > now + horizon:
        raise ViewingTooFarAhead(settings.miniapp.viewing_horizon_days)
    # In the configured zone: SQLite stores date-times as text in that zone and compares them as text.
    start_at = start_at.astimezone(ZoneInfo(settings.timezone))
    end_at = start_at + timedelta(minutes=settings.miniapp.viewing_minutes)
    _check_hours(settings, start_at, end_at)
    if not 1 <= listing_id <= MAX_ID:
        raise ListingNotFound(str(listing_id))
    name = (name or "").strip()[:64] or None
    phone = leads.normalize_mobile(phone) if phone and phone.strip() else None
    async with in_transaction():
        # Row locks first, listing then user, before any plain read (which would fix MySQL's snapshot too
        # early): one listing's bookings are serialised, and so are one user's, who cannot pass the limit
        # with two at once. No-ops on SQLite, whose writers are serial.
        listing = (
            await Listing.filter(id=listing_id, review_status=ReviewStatus.APPROVED, status__in=SEARCHABLE)
            .select_for_update()
            .first()
        )
        if listing is None:
            raise ListingNotFound(str(listing_id))
        user = await WechatUser.filter(id=wechat_user_id).select_for_update().first()
        if user is None:
            raise TokenInvalid()  # the token's user no longer exists
        await _remember_visitor(user, name, phone)
        limit = settings.miniapp.max_open_viewings
        if (
            await Viewing.filter(wechat_user_id=wechat_user_id, status=ViewingStatus.BOOKED, end_at__gt=now).count()
            >= limit
        ):
            raise TooManyViewings(limit)
        if await Viewing.filter(
            listing_id=listing.id, status=ViewingStatus.BOOKED, start_at__lt=end_at, end_at__gt=start_at
        ).exists():
            raise SlotTaken()
        client = await Client.live().filter(wechat_user_id=wechat_user_id).order_by("id").first()
        viewing = await Viewing.create(
            listing=listing, wechat_user_id=wechat_user_id, client=client, start_at=start_at, end_at=end_at
        )
        recipient = (client.owner_id if client else None) or listing.owner_id
        if recipient:
            # the outbox keeps no contact data in clear: the agenda shows the phone in full
            who = " ".join(dict.fromkeys(x for x in (client.display_name if client else None, user.name) if x))
            await notify.queue(
                Notice.VIEWING_BOOKED,
                recipient,
                dedupe_key=f"viewing:{viewing.id}:booked",
                client=client,
                facts={**_viewing_facts(viewing, who, listing), "phone": mask_phone(user.phone or "")},
            )
    return viewing


def _check_hours(settings: Settings, start_at: datetime, end_at: datetime) -> None:
    """Inside ``miniapp.viewing_opens`` .. ``viewing_closes`` of one day (times in the business zone)."""
    opens, closes = settings.miniapp.viewing_opens, settings.miniapp.viewing_closes
    if start_at.time() < opens or end_at.date() != start_at.date() or end_at.time() > closes:
        raise OutsideViewingHours(opens, closes)


async def _remember_visitor(user: WechatUser, name: str | None, phone: str | None) -> None:
    """Keep what the visitor gave on their profile; refuse a booking whose visitor is still unknown."""
    changed = [field for field, value in (("name", name), ("phone", phone)) if value and getattr(user, field) != value]
    for field in changed:
        setattr(user, field, name if field == "name" else phone)
    missing = {field: "required" for field in ("name", "phone") if not getattr(user, field)}
    if missing:
        raise ContactRequired(list(missing))
    if changed:
        await user.save(update_fields=changed)


async def cancel(settings: Settings, *, wechat_user_id: int, viewing_id: int, now: datetime | None = None) -> Viewing:
    """Cancel the user's own booked viewing that has not started; the slot is free again and whoever was told
    of the booking is told of the cancellation. Someone else's viewing is NotFound, not Forbidden."""
    now = now or datetime.now(timezone.utc)
    if not 1 <= viewing_id <= MAX_ID:
        raise ViewingNotFound()
    async with in_transaction():
        viewing = (
            await Viewing.filter(id=viewing_id, wechat_user_id=wechat_user_id)
            .select_for_update()
            .select_related("listing", "client")
            .first()
        )
        if viewing is None:
            raise ViewingNotFound()
        if viewing.status != ViewingStatus.BOOKED:
            raise ViewingNotBooked(viewing.status)
        if viewing.start_at <= now:
            raise ViewingStarted()
        viewing.status = ViewingStatus.CANCELLED
        await viewing.save(update_fields=["status"])
        client, listing = viewing.client, viewing.listing
        recipient = (client.owner_id if client else None) or listing.owner_id
        if recipient:
            await notify.queue(
                Notice.VIEWING_CANCELLED,
                recipient,
                dedupe_key=f"viewing:{viewing.id}:cancelled",
                client=client,
                facts=_viewing_facts(viewing, client.display_name if client else None, listing),
            )
    return viewing


def _viewing_facts(viewing: Viewing, who: str | None, listing: Listing) -> dict:
    return {"client": who or None, "start_at": int(viewing.start_at.timestamp()), "listing": listing.code}
