"""POST /leads: a client leaves their contact and need."""
from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, ID, obj, operation, text, validate_body
from services import leads

bp = Blueprint("mp_leads")

CREATE = operation(
    "post", "/leads", "Leave a lead; merged into an existing client with the same phone",
    body=obj({"company": text(128), "contact_name": text(64), "need": text(1000),
              "phone": text(20, pattern=r"^\+?[0-9][0-9 \-]*$"), "listing_id": ID},
             ("company", "contact_name", "phone", "need")),
    responses={201: obj({"client_id": ID, "merged": {"type": "boolean"}}, ("client_id", "merged")), 404: ERROR},
)


@bp.post("/leads")
async def create(request: Request) -> HTTPResponse:
    body = validate_body(CREATE, request.json)
    client, created = await leads.create(request.app.ctx.resources, wechat_user_id=request.ctx.user_id, **body)
    return json({"client_id": client.id, "merged": not created}, status=201)
