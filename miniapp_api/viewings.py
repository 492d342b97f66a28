"""POST /viewings: book a viewing slot of a listing; DELETE /viewings/{id}: cancel one's own."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty, json

from miniapp_api.schema import ERROR, ID, obj, operation
from miniapp_api.validation import check_id, validate_body
from services import viewings

bp = Blueprint("mp_viewings")

BOOK = operation(
    "post",
    "/viewings",
    "Book a viewing inside miniapp.viewing_opens..viewing_closes (else 400 outside_viewing_hours); the visitor's "
    "name and phone are needed once and remembered (else 400 contact_required, fields name/phone); 409 when it "
    "overlaps another booked viewing of the listing, or when the user already has miniapp.max_open_viewings open "
    "(code too_many_viewings)",
    body=obj(
        {
            "listing_id": ID,
            "start_at": {"type": "string", "format": "date-time", "maxLength": 40},
            "name": {"type": "string", "maxLength": 64},
            "phone": {"type": "string", "maxLength": 20},
        },
        ("listing_id", "start_at"),
    ),
    responses={
        201: obj(
            {"id": ID, "listing_id": ID, "start_at": {"type": "string"}, "end_at": {"type": "string"}},
            ("id", "listing_id", "start_at", "end_at"),
        ),
        404: ERROR,
        409: ERROR,
    },
)


@bp.post("/viewings")
async def book(request: Request) -> HTTPResponse:
    body = validate_body(BOOK, request.json)
    viewing = await viewings.book(request.app.ctx.settings, wechat_user_id=request.ctx.user_id, **body)
    return json(
        {
            "id": viewing.id,
            "listing_id": viewing.listing_id,
            "start_at": viewing.start_at.isoformat(),
            "end_at": viewing.end_at.isoformat(),
        },
        status=201,
    )


operation(
    "delete",
    "/viewings/{viewing_id}",
    "Cancel my booked viewing before it starts; the salesperson is told",
    path_params={"viewing_id": ID},
    responses={204: None, 404: ERROR, 409: ERROR},
)


@bp.delete("/viewings/<viewing_id:int>")
async def cancel(request: Request, viewing_id: int) -> HTTPResponse:
    await viewings.cancel(request.app.ctx.settings, wechat_user_id=request.ctx.user_id, viewing_id=check_id(viewing_id))
    return empty()
