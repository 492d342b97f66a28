"""PUT/DELETE /favorites/{listing_id}, GET /favorites."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty, json

from miniapp_api.listings import SUMMARY
from miniapp_api.schema import ERROR, ID, obj, operation
from miniapp_api.validation import check_id
from services import favorites, listings_public

bp = Blueprint("mp_favorites")

operation(
    "put",
    "/favorites/{listing_id}",
    "Add a favorite (idempotent)",
    path_params={"listing_id": ID},
    responses={204: None, 404: ERROR},
)
operation(
    "delete",
    "/favorites/{listing_id}",
    "Remove a favorite (idempotent)",
    path_params={"listing_id": ID},
    responses={204: None, 404: ERROR},
)
operation(
    "get",
    "/favorites",
    "My favorite listings that are still open to clients",
    responses={200: obj({"items": {"type": "array", "items": SUMMARY}}, ("items",))},
)


@bp.put("/favorites/<listing_id:int>")
async def add(request: Request, listing_id: int) -> HTTPResponse:
    await favorites.add(wechat_user_id=request.ctx.user_id, listing_id=check_id(listing_id))
    return empty()


@bp.delete("/favorites/<listing_id:int>")
async def remove(request: Request, listing_id: int) -> HTTPResponse:
    await favorites.remove(wechat_user_id=request.ctx.user_id, listing_id=check_id(listing_id))
    return empty()


@bp.get("/favorites")
async def list_favorites(request: Request) -> HTTPResponse:
    items = await favorites.list_listings(wechat_user_id=request.ctx.user_id)
    return json({"items": await listings_public.summaries(items)})
