"""GET /me/referral: my referral scene, my mini-program code and what it brought."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, obj, operation
from models import WechatUser
from services.referrals import attribution, codes
from services.referrals import stats as referral_stats

bp = Blueprint("mp_me")

_COUNT = {"type": "integer", "minimum": 0}
_RATE = {"type": "number", "minimum": 0}
STATS = obj(
    {"scans": _COUNT, "follows": _COUNT, "leads": _COUNT, "deals": _COUNT, "conversion": _RATE, "deal_rate": _RATE},
    ("scans", "follows", "leads", "deals", "conversion", "deal_rate"),
)
operation(
    "get",
    "/me/referral",
    "My referral scene, mini-program code image URL and stats",
    responses={
        200: obj(
            {"scene": {"type": "string"}, "code_url": {"type": "string"}, "stats": STATS},
            ("scene", "code_url", "stats"),
        ),
        503: ERROR,
    },
)


@bp.get("/me/referral")
async def referral(request: Request) -> HTTPResponse:
    resources = request.app.ctx.resources
    user = await WechatUser.get(id=request.ctx.user_id)
    account = await attribution.miniapp_partner_account(request.app.ctx.resources.redis, user)
    scene = await attribution.scene_for_account(account)
    code_url = await codes.miniapp_code_url(resources, scene)
    return json({"scene": scene.scene, "code_url": code_url, "stats": await referral_stats.for_account(account)})
