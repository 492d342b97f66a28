"""Viewing bookings from the mini-program; a listing is viewed by one party at a time."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from core.config import Settings
from models import Client, Listing, Viewing
from models.enums import ReviewStatus, ViewingStatus
from services import notify
from services.errors import AppError, Conflict, NotFound
from services.listings_public import MAX_ID, SEARCHABLE


async def book(settings: Settings, *, wechat_user_id: int, listing_id: int, start_at: datetime,
               now: datetime | None = None) -> Viewing:
    """Book [start_at, start_at + miniapp.viewing_minutes); Conflict if it overlaps a booked viewing."""
    now = now or datetime.now(timezone.utc)
    horizon = timedelta(days=settings.miniapp.viewing_horizon_days)
    if start_at <= now:
        raise AppError("start_at must be in the future", fields={"start_at": "in the past"})
    if start_at > now + horizon:
        raise AppError("start_at is too far ahead", fields={"start_at": "too far ahead"})
    # In the configured zone: SQLite stores date-times as text in that zone and compares them as text.
    start_at = start_at.astimezone(ZoneInfo(settings.timezone))
    end_at = start_at + timedelta(minutes=settings.miniapp.viewing_minutes)
    if not 1 <= listing_id <= MAX_ID:
        raise NotFound("listing not found")
    async with in_transaction():
        # The listing row lock serialises bookings of one listing (a no-op on SQLite, whose writers are serial).
        listing = await Listing.filter(id=listing_id, review_status=ReviewStatus.APPROVED,
                                       status__in=SEARCHABLE).select_for_update().first()
        if listing is None:
            raise NotFound("listing not found")
        if await Viewing.filter(listing_id=listing.id, status=ViewingStatus.BOOKED,
                                start_at__lt=end_at, end_at__gt=start_at).exists():
            raise Conflict("this time is already booked for the listing", fields={"start_at": "slot taken"})
        client = await Client.filter(wechat_user_id=wechat_user_id).order_by("id").first()
        viewing = await Viewing.create(listing=listing, wechat_user_id=wechat_user_id, client=client,
                                       start_at=start_at, end_at=end_at)
        recipient = (client.owner_id if client else None) or listing.owner_id
        if recipient:
            who = client.display_name if client else "小程序用户"
            await notify.queue("notice", recipient, dedupe_key=f"viewing:{viewing.id}:booked", client=client,
                               payload={"title": "小程序预约看房",
                                        "detail": f"{who} {start_at:%m-%d %H:%M} {listing.code}"})
    return viewing

