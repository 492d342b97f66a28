"""POST /auth/login, and the guard every request passes: rate limits per IP and per user, bearer token."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, json

from miniapp_api.schema import ERROR, ID, obj, operation, text
from miniapp_api.validation import validate_body
from services import metrics, ratelimit, sessions
from services.errors import TokenRequired

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
    """Runs before every mini-program API handler; sets ``request.ctx.user_id`` when authenticated."""
    resources = request.app.ctx.resources
    limits = request.app.ctx.settings.rate_limits
    ip = request.remote_addr or request.ip or "unknown"
    await ratelimit.hit(resources.redis, f"mp:ip:{ip}", limits.per_ip_per_min)
    if request.route is not None and getattr(request.route.ctx, "public", False):
        await ratelimit.hit(resources.redis, f"mp:login:{ip}", limits.login_per_ip_per_min)
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenRequired()
    request.ctx.user_id = await sessions.current_user_id(request.app.ctx.settings, token.strip())
    await ratelimit.hit(resources.redis, f"mp:user:{request.ctx.user_id}", limits.per_openid_per_min)
    metrics.mark_miniapp_user(resources.redis, timezone=resources.settings.timezone, user_id=request.ctx.user_id)


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
