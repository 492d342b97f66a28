"""GET /listings (search) and GET /listings/{id} (detail)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw

from miniapp_api.schema import DECIMAL, ERROR, ID, nullable, obj, operation, text
from miniapp_api.validation import check_id, validate_query
from models.enums import FEATURES, DealType, MediaKind, PropertyType
from services import listings_public

bp = Blueprint("mp_listings")

MAX_LIMIT = 50
BOUND = {"type": "number", "minimum": 0, "maximum": 100_000_000}
_SUMMARY_PROPS = {
    "id": ID,
    "code": {"type": "string"},
    "title": {"type": "string"},
    "property_type": {"type": "string", "enum": [p.value for p in PropertyType]},
    "deal_type": {"type": "string", "enum": [d.value for d in DealType]},
    "region": {"type": "string"},
    "city": nullable({"type": "string"}),
    "district": nullable({"type": "string"}),
    "town": nullable({"type": "string"}),
    "area": DECIMAL,
    "rent": nullable(DECIMAL),
    "sale_price": nullable(DECIMAL),
    "ceiling_height": nullable(DECIMAL),
    "single_storey": nullable({"type": "boolean"}),
    "features": {"type": "array", "items": {"type": "string"}},
    "status": {"type": "string"},
    "cover": nullable({"type": "string"}),
}
SUMMARY = obj(_SUMMARY_PROPS, tuple(_SUMMARY_PROPS))
_MEDIA_PROPS = {
    "id": ID,
    "kind": {"type": "string", "enum": [k.value for k in MediaKind]},
    "position": {"type": "integer"},
    "is_cover": {"type": "boolean"},
    "caption": nullable({"type": "string"}),
    "url": {"type": "string"},
    "web_url": nullable({"type": "string"}),
    "thumb_url": nullable({"type": "string"}),
    "width": nullable({"type": "integer"}),
    "height": nullable({"type": "integer"}),
    "content_type": nullable({"type": "string"}),
}
MEDIA_ITEM = obj(_MEDIA_PROPS, tuple(_MEDIA_PROPS))
_DETAIL_PROPS = {
    **_SUMMARY_PROPS,
    "address": nullable({"type": "string"}),
    "latitude": nullable(DECIMAL),
    "longitude": nullable(DECIMAL),
    "land_area": nullable(DECIMAL),
    "land_use": nullable({"type": "string"}),
    "property_cert": nullable({"type": "boolean"}),
    "floors": nullable({"type": "integer"}),
    "floor": nullable({"type": "integer"}),
    "floor_load": nullable(DECIMAL),
    "fire_rating": nullable({"type": "string"}),
    "power_kva": nullable(DECIMAL),
    "sewage": nullable({"type": "boolean"}),
    "park_facilities": nullable({"type": "string"}),
    "transport": nullable({"type": "string"}),
    "description": nullable({"type": "string"}),
    "media": {"type": "array", "items": MEDIA_ITEM},
    "h5_url": {"type": "string", "description": "the listing's H5 page, to share outside the mini-program"},
}
DETAIL = obj(_DETAIL_PROPS, tuple(_DETAIL_PROPS))

SEARCH = operation(
    "get",
    "/listings",
    "Search listings open to clients (approved; vacant or being viewed), newest first",
    query={
        "region": text(32),
        "deal_type": {"type": "string", "enum": [d.value for d in DealType]},
        "property_type": {"type": "string", "enum": [p.value for p in PropertyType]},
        "area_min": BOUND,
        "area_max": BOUND,
        "ceiling_height_min": BOUND,
        "rent_max": BOUND,
        "features": {"type": "array", "maxItems": len(FEATURES), "items": {"type": "string", "enum": list(FEATURES)}},
        "q": text(64),
        "cursor": text(64, pattern=r"^[A-Za-z0-9_\-]+$"),
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    },
    responses={
        200: obj(
            {"items": {"type": "array", "items": SUMMARY}, "next_cursor": nullable({"type": "string"})},
            ("items", "next_cursor"),
        )
    },
)
DETAIL_OP = operation(
    "get",
    "/listings/{listing_id}",
    "A listing's public fields and media; paused or closed listings are 404",
    path_params={"listing_id": ID},
    responses={200: DETAIL, 404: ERROR},
)


@bp.get("/listings")
async def search(request: Request) -> HTTPResponse:
    filters = validate_query(SEARCH, request.args)
    limit = filters.pop("limit", 20)
    cursor = filters.pop("cursor", None)
    ctx = request.app.ctx
    body = await listings_public.search_page(ctx.resources.redis, filters, cursor, limit, settings=ctx.settings)
    return raw(body, content_type="application/json")


@bp.get("/listings/<listing_id:int>")
async def detail(request: Request, listing_id: int) -> HTTPResponse:
    ctx = request.app.ctx
    body = await listings_public.detail_page(
        ctx.resources.redis, check_id(listing_id), public_base_url=ctx.settings.public_base_url
    )
    return raw(body, content_type="application/json")
