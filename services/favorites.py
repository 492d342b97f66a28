"""A mini-program user's favorite listings."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from models import Favorite, Listing
from models.enums import ReviewStatus
from services.listings_public import VISIBLE, get_visible


async def add(*, wechat_user_id: int, listing_id: int) -> None:
    """Idempotent; NotFound for listings a client may not see."""
    listing = await get_visible(listing_id)
    try:
        await Favorite.get_or_create(wechat_user_id=wechat_user_id, listing_id=listing.id)
    except IntegrityError:  # added meanwhile by a concurrent request
        pass


async def remove(*, wechat_user_id: int, listing_id: int) -> None:
    await Favorite.filter(wechat_user_id=wechat_user_id, listing_id=listing_id).delete()


async def list_listings(*, wechat_user_id: int) -> list[Listing]:
    """Favorited listings still visible to clients, most recently added first."""
    return await Listing.filter(
        favorites__wechat_user_id=wechat_user_id, review_status=ReviewStatus.APPROVED, status__in=VISIBLE
    ).order_by("-favorites__created_at")
