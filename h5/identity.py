"""Who is visiting: a first-party cookie everywhere, and the openid from silent OAuth inside WeChat.

The cookie ``h5v`` holds a random visitor id, the WeChat user id once known
and whether silent OAuth was already tried, signed with the app's secret so a
visitor cannot claim someone else's WeChat identity. Inside WeChat the first
visit is sent once through ``snsapi_base`` (no prompt, never
``snsapi_userinfo``); if WeChat does not hand back a usable code the page
simply works anonymously.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from sanic import Request
from sanic.response import HTTPResponse, redirect

from core.config import Settings
from models import WechatUser
from services import tracking
from wechat import WeChatError

log = logging.getLogger(__name__)

COOKIE = "h5v"
COOKIE_MAX_AGE = 365 * 86400
OAUTH_STATE = "h5"
_CODE = re.compile(r"[A-Za-z0-9_\-:.]{1,128}")
_BOTS = re.compile(
    r"bot|spider|crawl|slurp|preview|headless|python-|curl/|wget/|go-http|java/|okhttp|scrapy", re.IGNORECASE
)
_PREFETCH_HEADERS = (
    ("purpose", "prefetch"),
    ("sec-purpose", "prefetch"),
    ("x-moz", "prefetch"),
    ("x-purpose", "preview"),
)


@dataclass(frozen=True)
class Visitor:
    id: str
    wechat_user_id: int | None = None
    oauth_tried: bool = False
    new: bool = False


def in_wechat(request: Request) -> bool:
    return "micromessenger" in request.headers.get("user-agent", "").lower()


def is_robot(request: Request) -> bool:
    """Crawlers, scripts and prefetches: served the page, never counted."""
    agent = request.headers.get("user-agent", "")
    if not agent or _BOTS.search(agent):
        return True
    return any(value in request.headers.get(name, "").lower() for name, value in _PREFETCH_HEADERS)


def _signature(key: bytes, payload: str) -> str:
    digest = hmac.new(key, f"h5-visitor:{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode()


def read(request: Request) -> Visitor | None:
    """The visitor of a valid cookie, else None (absent, malformed or forged)."""
    raw = request.cookies.get(COOKIE) or ""
    parts = raw.split(".")
    if len(parts) != 4 or not tracking.VISITOR.fullmatch(parts[0]) or parts[2] not in ("0", "1"):
        return None
    if not (parts[1] == "" or (parts[1].isdigit() and len(parts[1]) <= 10)):
        return None
    payload = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _signature(request.app.ctx.settings.secret_key_bytes, payload)):
        return None
    return Visitor(parts[0], int(parts[1]) if parts[1] else None, parts[2] == "1")


def current(request: Request) -> Visitor:
    """The cookie's visitor, or a new one (``new``: the response must set the cookie)."""
    return read(request) or Visitor(tracking.mint_visitor(), new=True)


def cookie_value(settings: Settings, visitor: Visitor) -> str:
    payload = f"{visitor.id}.{visitor.wechat_user_id or ''}.{int(visitor.oauth_tried)}"
    return f"{payload}.{_signature(settings.secret_key_bytes, payload)}"


def set_cookie(request: Request, response: HTTPResponse, visitor: Visitor) -> None:
    settings = request.app.ctx.settings
    response.add_cookie(
        COOKIE,
        cookie_value(settings, visitor),
        path="/h5",
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.public_base_url.startswith("https://"),
    )


def page_url(request: Request, *, drop: tuple[str, ...] = ()) -> str:
    """The URL as the browser shows it: the public origin, this path and query (the JS-SDK signs exactly this)."""
    base = request.app.ctx.settings.public_base_url.rstrip("/")
    query = request.query_string
    if drop:
        query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in drop])
    return f"{base}{request.path}" + (f"?{query}" if query else "")


async def sign_in(request: Request, visitor: Visitor) -> tuple[Visitor, HTTPResponse | None]:
    """Inside WeChat, silent OAuth once per visitor: the redirect to WeChat, or back from it with the openid.

    Returns the visitor (updated) and a redirect to send instead of the page, if any.
    """
    if not in_wechat(request) or visitor.wechat_user_id is not None:
        return visitor, None
    code, state = request.args.get("code"), request.args.get("state")
    if code is not None and state == OAUTH_STATE:
        visitor = replace(visitor, oauth_tried=True)
        if _CODE.fullmatch(code):
            visitor = await _exchange(request, visitor, code)
        response = redirect(page_url(request, drop=("code", "state")))
        set_cookie(request, response, visitor)
        return visitor, response
    if visitor.oauth_tried or is_robot(request):
        return visitor, None
    settings = request.app.ctx.settings
    query = urlencode(
        {
            "appid": settings.wechat_appid,
            "redirect_uri": page_url(request),
            "response_type": "code",
            "scope": "snsapi_base",
            "state": OAUTH_STATE,
        }
    )
    response = redirect(f"{settings.h5.oauth_base}?{query}#wechat_redirect")
    visitor = replace(visitor, oauth_tried=True)
    set_cookie(request, response, visitor)
    return visitor, response


async def _exchange(request: Request, visitor: Visitor, code: str) -> Visitor:
    try:
        openid = await request.app.ctx.resources.wechat.sns.oauth2_openid(code)
    except WeChatError as exc:
        log.info("h5 oauth: code refused (%s); the visitor stays anonymous", exc.errcode)
        return visitor
    user, _ = await WechatUser.get_or_create(openid=openid)
    return replace(visitor, wechat_user_id=user.id)
