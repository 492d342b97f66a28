"""POST /viewings: book a viewing slot of a listing; DELETE /viewings/{id}: cancel one's own; GET /viewings: mine,
with whether each may be rated; POST /viewings/{id}/rating: rate one after it ended (services.ratings)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty, json

from miniapp_api.schema import ERROR, ID, nullable, obj, operation, text
from miniapp_api.validation import check_id, validate_body
from services import ratings, viewings

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


_SCORE = {"type": "integer", "minimum": 1, "maximum": 5}
MINE = obj(
    {
        "id": ID,
        "listing_id": ID,
        "listing_title": {"type": "string"},
        "start_at": {"type": "string"},
        "end_at": {"type": "string"},
        "status": {"type": "string", "enum": ["booked", "done", "cancelled"]},
        "rate_state": {"type": "string", "enum": [ratings.OPEN, ratings.RATED, ratings.NOT_YET, ratings.CLOSED]},
        "score": nullable(_SCORE),
    },
    ("id", "listing_id", "listing_title", "start_at", "end_at", "status", "rate_state", "score"),
)
operation(
    "get",
    "/viewings",
    "My viewings (booked here, or arranged by the salesperson for my client record), latest first; status done "
    "once ended; rate_state open = ask me to rate it now (show the invitation), rated, not_yet or closed",
    responses={200: obj({"items": {"type": "array", "items": MINE}}, ("items",))},
)


@bp.get("/viewings")
async def mine(request: Request) -> HTTPResponse:
    return json({"items": await ratings.viewings_of_user(request.ctx.user_id)})


RATE = operation(
    "post",
    "/viewings/{viewing_id}/rating",
    "Rate my viewing 1-5 after it ended (409 viewing_not_over before, rating_closed when cancelled or over 30 "
    "days ago, already_rated the second time); someone else's viewing is 404",
    path_params={"viewing_id": ID},
    body=obj({"score": _SCORE, "comment": text(ratings.MAX_COMMENT, min_length=0)}, ("score",)),
    responses={201: obj({"viewing_id": ID, "score": _SCORE}, ("viewing_id", "score")), 404: ERROR, 409: ERROR},
)


@bp.post("/viewings/<viewing_id:int>/rating")
async def rate(request: Request, viewing_id: int) -> HTTPResponse:
    body = validate_body(RATE, request.json)
    rating = await ratings.rate_own(wechat_user_id=request.ctx.user_id, viewing_id=check_id(viewing_id), **body)
    return json({"viewing_id": rating.viewing_id, "score": rating.score}, status=201)
