"""GET /listings/{id}/poster: a share poster of the listing, carrying the user's referral attribution."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from media import poster
from miniapp_api.schema import ERROR, ID, obj, operation
from miniapp_api.validation import check_id, validate_query
from models import WechatUser
from services import listings_public, posters
from services.referrals import attribution

bp = Blueprint("mp_posters")

POSTER = operation(
    "get",
    "/listings/{listing_id}/poster",
    "A share poster (JPEG URL) whose QR code opens the listing's H5 page credited to me; 503 when it cannot be made",
    path_params={"listing_id": ID},
    query={"template": {"type": "string", "enum": list(poster.TEMPLATES)}},
    responses={
        200: obj(
            {"url": {"type": "string"}, "template": {"type": "string"}, "page_url": {"type": "string"}},
            ("url", "template", "page_url"),
        ),
        404: ERROR,
        503: ERROR,
    },
)


@bp.get("/listings/<listing_id:int>/poster")
async def listing_poster(request: Request, listing_id: int) -> HTTPResponse:
    args = validate_query(POSTER, request.args)
    resources = request.app.ctx.resources
    listing = await listings_public.get_visible(check_id(listing_id))
    user = await WechatUser.get(id=request.ctx.user_id)
    sharer = await attribution.miniapp_partner_account(resources.redis, user)
    made = await posters.make(
        resources=resources, listing=listing, sharer=sharer, template=args.get("template", "classic")
    )
    return json({"url": made.url, "template": made.template, "page_url": made.page_url})
