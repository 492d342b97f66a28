"""POST /auth/login, and the guard every request passes: rate limits per IP and per user, bearer token."""

from __future__ import annotations

import asyncio

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, ID, obj, operation, text
from miniapp_api.validation import validate_body
from services import metrics, ratelimit, sessions
from services.errors import TokenRequired, Unauthorized

bp = Blueprint("mp_auth")

LOGIN = operation(
    "post",
    "/auth/login",
    "Log in with a wx.login code; scene is the referral scene the mini-program was opened with",
    public=True,
    body=obj({"code": text(60, pattern=r"^[0-9A-Za-z_:.\-]+$"), "scene": text(64, min_length=0)}, ("code",)),
    responses={
        200: obj(
            {"token": {"type": "string"}, "openid": {"type": "string"}, "is_new": {"type": "boolean"}, "user_id": ID},
            ("token", "openid", "is_new"),
        ),
        401: ERROR,
        503: ERROR,
    },
)


async def guard(request: Request) -> None:
    """Runs before every mini-program API handler; sets ``request.ctx.user_id`` when authenticated.

    The two counts and the user check are sent in the same event-loop turn, so Redis gets them as one
    pipeline (``core.kv.Batcher``); the database is asked only about a user Redis does not know.
    """
    resources, settings = request.app.ctx.resources, request.app.ctx.settings
    redis, limits = resources.redis, settings.rate_limits
    ip = request.remote_addr or request.ip or "unknown"
    per_ip = ratelimit.hit(redis, f"mp:ip:{ip}", limits.per_ip_per_min)
    if request.route is not None and getattr(request.route.ctx, "public", False):
        await asyncio.gather(per_ip, ratelimit.hit(redis, f"mp:login:{ip}", limits.login_per_ip_per_min))
        return
    try:
        user_id = sessions.verify_token(settings, _bearer(request))
    except Unauthorized:
        await per_ip  # a missing or forged token still counts against its IP
        raise
    await asyncio.gather(
        per_ip,
        ratelimit.hit(redis, f"mp:user:{user_id}", limits.per_openid_per_min),
        sessions.check_live(redis, user_id),
    )
    request.ctx.user_id = user_id
    metrics.mark_miniapp_user(redis, timezone=settings.timezone, user_id=user_id)


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRequired()
    return token.strip()


@bp.post("/auth/login", ctx_public=True)
async def login(request: Request) -> HTTPResponse:
    body = validate_body(LOGIN, request.json)
    result = await sessions.login(request.app.ctx.resources, body["code"], scene=body.get("scene") or None)
    return json(
        {
            "token": result.token,
            "openid": result.user.miniapp_openid,
            "is_new": result.is_new,
            "user_id": result.user.id,
        }
    )
