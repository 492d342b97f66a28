"""What the mini-program may see of listings: approved ones, public fields only.

Search lists approved listings that are vacant or being viewed; a detail page
also shows listings under negotiation. Paused and closed listings, internal
notes and landlord data are never shown.

A search with criteria (region, types, area, height, rent, features) is served
by the matching engine: its hard filters and tolerances, best match first,
paged by offset (at most ``matching.CANDIDATES`` results). Browsing without
criteria, and keyword search (``q``), list newest first, keyset-paged by id.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from decimal import Decimal
from typing import Any, cast

from redis.asyncio import Redis
from tortoise.expressions import Q, RawSQL

from core.config import Settings
from models import Listing, ListingMedia
from models.enums import FEATURES, ListingStatus, ReviewStatus
from services import listing_cache, matching, media
from services.errors import InvalidRequest, ListingNotFound

SEARCHABLE = (ListingStatus.VACANT, ListingStatus.VIEWING)
VISIBLE = (ListingStatus.VACANT, ListingStatus.VIEWING, ListingStatus.NEGOTIATING)
MAX_ID = 2**31 - 1

SUMMARY_FIELDS = (
    "id",
    "code",
    "title",
    "property_type",
    "deal_type",
    "region",
    "city",
    "district",
    "town",
    "area",
    "rent",
    "sale_price",
    "ceiling_height",
    "single_storey",
    "features",
    "status",
)
DETAIL_FIELDS = SUMMARY_FIELDS + (
    "address",
    "latitude",
    "longitude",
    "land_area",
    "land_use",
    "property_cert",
    "floors",
    "floor",
    "floor_load",
    "fire_rating",
    "power_kva",
    "sewage",
    "park_facilities",
    "transport",
    "description",
)


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def summary(listing: Listing, cover: ListingMedia | None) -> dict[str, Any]:
    out = {name: _value(getattr(listing, name)) for name in SUMMARY_FIELDS}
    out["cover"] = media.cover_url(cover)
    return out


async def summaries(listings: list[Listing]) -> list[dict[str, Any]]:
    """Summaries with their covers, fetched in one query."""
    found = await media.covers([listing.id for listing in listings])
    return [summary(listing, found.get(listing.id)) for listing in listings]


async def detail(listing: Listing) -> dict[str, Any]:
    """Public fields and the gallery in order."""
    gallery = await media.list_for_listing(listing.id)
    out = {name: _value(getattr(listing, name)) for name in DETAIL_FIELDS}
    out["media"] = [media.public(item) for item in gallery]
    out["cover"] = media.cover_url(next((item for item in gallery if item.is_cover), None))
    return out


async def get_visible(listing_id: int) -> Listing:
    """The listing if a client may see it; NotFound otherwise (also for paused and closed ones)."""
    if not 1 <= listing_id <= MAX_ID:
        raise ListingNotFound(str(listing_id))
    listing = await Listing.filter(id=listing_id, review_status=ReviewStatus.APPROVED, status__in=VISIBLE).first()
    if listing is None:
        raise ListingNotFound(str(listing_id))
    return listing


async def get_visible_by_code(code: str) -> Listing:
    """A listing clients may see, by its short code (A12); NotFound otherwise."""
    listing = await Listing.filter(
        code=code.upper()[:32], review_status=ReviewStatus.APPROVED, status__in=VISIBLE
    ).first()
    if listing is None:
        raise ListingNotFound(code)
    return listing


CRITERIA = (
    "region",
    "deal_type",
    "property_type",
    "area_min",
    "area_max",
    "ceiling_height_min",
    "rent_max",
    "features",
)


def _encode(kind: str, number: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}{number}".encode()).decode().rstrip("=")


def _decode(cursor: str, kind: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, ValueError):
        raw = ""
    if not raw.startswith(kind) or not raw[1:].isdigit() or not 0 <= int(raw[1:]) <= MAX_ID:
        raise InvalidRequest("invalid cursor", {"cursor": "invalid"})
    return int(raw[1:])


async def search_page(
    redis: Redis, filters: dict[str, Any], cursor: str | None, limit: int, *, settings: Settings
) -> bytes:
    """GET /listings' JSON answer: one page of summaries and the next page's cursor, from the cache if kept."""
    key = listing_cache.search_key({"filters": filters, "cursor": cursor, "limit": limit})
    body, generation = await listing_cache.search_page(redis, key)
    if body is not None:
        return body

    async def compute() -> bytes:
        ids, next_cursor = await search(filters, cursor, limit, settings=settings)
        items = b",".join(await cards(redis, ids))
        page = b'{"items":[' + items + b'],"next_cursor":' + _dumps(next_cursor) + b"}"
        await listing_cache.keep_search_page(redis, key, generation, page)
        return page

    return await listing_cache.filled(f"{key}:{generation.decode()}", compute)


async def cards(redis: Redis, ids: list[int]) -> list[bytes]:
    """The listings' summaries as JSON, from the cache where kept; the others are read and kept."""
    found = dict(zip(ids, await listing_cache.cards(redis, ids), strict=True))
    missing = [i for i, card in found.items() if card is None]
    if missing:
        rows = await Listing.filter(id__in=missing)
        made = {row["id"]: _dumps(row) for row in await summaries(rows)}
        await listing_cache.keep(redis, {listing_cache.card_key(i): card for i, card in made.items()})
        found.update(made)
    return [card for i in ids if (card := found.get(i)) is not None]


async def detail_page(redis: Redis, listing_id: int, *, public_base_url: str) -> bytes:
    """GET /listings/{id}'s JSON answer, from the cache if kept; NotFound if clients may not see it."""
    key = listing_cache.detail_key(listing_id)
    body = await listing_cache.get(redis, key)
    if body is not None:
        return body

    async def compute() -> bytes:
        listing = await get_visible(listing_id)
        h5_url = f"{public_base_url.rstrip('/')}/h5/listings/{listing.code}?c=miniapp"
        page = _dumps({**await detail(listing), "h5_url": h5_url})
        await listing_cache.keep(redis, {key: page})
        return page

    return await listing_cache.filled(key, compute)


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


async def search(
    filters: dict[str, Any], cursor: str | None, limit: int, *, settings: Settings
) -> tuple[list[int], str | None]:
    """The ids of one page of listings and the cursor of the next (None on the last page).

    ``filters`` are the validated query of GET /listings (numbers as Decimal).
    """
    if filters.get("q") or not any(filters.get(name) for name in CRITERIA):
        return await _newest(filters, cursor, limit)
    values: dict[str, Any] = {
        name: float(value) if isinstance(value, Decimal) else value
        for name, value in filters.items()
        if name in CRITERIA and value
    }
    criteria = matching.Criteria(**values)
    offset = _decode(cursor, "m") if cursor else 0
    matches = await matching.ranked(criteria, settings, limit=offset + limit + 1)
    ids = [m.listing["id"] for m in matches[offset : offset + limit]]
    more = len(matches) > offset + limit
    return ids, _encode("m", offset + limit) if more else None


EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


async def nearest(latitude: float, longitude: float, *, limit: int = 5) -> list[tuple[Listing, float]]:
    """On-market listings (as in search) nearest to a point, with their distance in km; listings without
    coordinates are left out.

    The database orders by the planar distance on a local projection (exact enough to rank within a
    region); ``+ 0`` reads the coordinates as numbers on SQLite too, where decimals are stored as text.
    """
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InvalidRequest("invalid location", {"location": "invalid"})
    squeeze = math.cos(math.radians(latitude))
    gap = RawSQL(
        f"((latitude + 0) - ({latitude:.6f})) * ((latitude + 0) - ({latitude:.6f}))"
        f" + ((longitude + 0) - ({longitude:.6f})) * ((longitude + 0) - ({longitude:.6f})) * {squeeze * squeeze:.6f}"
    )
    rows = (
        await Listing.filter(
            review_status=ReviewStatus.APPROVED,
            status__in=SEARCHABLE,
            latitude__not_isnull=True,
            longitude__not_isnull=True,
        )
        .annotate(gap=gap)
        .order_by("gap", "id")
        .limit(limit)
    )
    found = [
        (row, distance_km(latitude, longitude, float(row.latitude), float(row.longitude)))
        for row in rows
        if row.latitude is not None and row.longitude is not None
    ]
    return sorted(found, key=lambda pair: pair[1])


def has_feature(feature: str) -> RawSQL:
    """SQL true when a listing's JSON feature list holds ``feature`` (one of ``models.enums.FEATURES``).

    The list is stored as JSON text (``["crane", "dock"]``) on SQLite and MySQL alike; a quoted name never
    matches inside another, and the database stops at the page's last row instead of Python scanning all.
    """
    if feature not in FEATURES:
        raise InvalidRequest("unknown feature", {"features": "invalid"})
    return RawSQL(f"""(INSTR(features, '"{feature}"') > 0)""")


async def _newest(filters: dict[str, Any], cursor: str | None, limit: int) -> tuple[list[int], str | None]:
    query = Listing.filter(review_status=ReviewStatus.APPROVED, status__in=SEARCHABLE)
    if region := filters.get("region"):
        query = query.filter(Q(region=region) | Q(city=region) | Q(district=region) | Q(town=region))
    for name in ("deal_type", "property_type"):
        if filters.get(name):
            query = query.filter(**{name: filters[name]})
    bounds = {
        "area_min": "area__gte",
        "area_max": "area__lte",
        "ceiling_height_min": "ceiling_height__gte",
        "rent_max": "rent__lte",
    }
    for name, lookup in bounds.items():
        if filters.get(name) is not None:
            query = query.filter(**{lookup: filters[name]})
    if q := filters.get("q"):
        query = query.filter(
            Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(address__icontains=q)
            | Q(region__icontains=q)
            | Q(code=q)
        )
    for feature in filters.get("features") or ():
        query = query.annotate(**{f"has_{feature}": has_feature(feature)}).filter(**{f"has_{feature}": True})
    before = _decode(cursor, "l") if cursor else None
    if before:
        query = query.filter(id__lt=before)
    # Ids only: the database sorts the matching ids, not whole rows; the page's cards are read after.
    ids = cast(list[int], await query.order_by("-id").limit(limit + 1).values_list("id", flat=True))
    return ids[:limit], _encode("l", ids[limit - 1]) if len(ids) > limit else None
