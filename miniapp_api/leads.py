"""POST /leads: a visitor leaves their contact and need."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, ID, obj, operation, text
from miniapp_api.validation import validate_body
from services import leads

bp = Blueprint("mp_leads")

CREATE = operation(
    "post",
    "/leads",
    "Leave a lead for a salesperson; the answer is the same whoever the phone belongs to",
    body=obj(
        {
            "company": text(128),
            "contact_name": text(64),
            "need": text(1000),
            "phone": text(20, pattern=r"^\+?[0-9][0-9 \-]*$"),
            "listing_id": ID,
        },
        ("company", "contact_name", "phone", "need"),
    ),
    responses={201: obj({"received": {"type": "boolean"}}, ("received",)), 404: ERROR},
)


@bp.post("/leads")
async def create(request: Request) -> HTTPResponse:
    body = validate_body(CREATE, request.json)
    await leads.create(request.app.ctx.resources, wechat_user_id=request.ctx.user_id, **body)
    return json({"received": True}, status=201)
