"""Mini-program sessions: login through jscode2session and signed, expiring bearer tokens.

The token is ``<wechat_user_id>.<expires_at>.<signature>`` with an HMAC-SHA256
signature under SECRET_KEY, so any process can check it without a lookup.
WeChat's ``session_key`` stays on the server: encrypted in Redis, never in a
response.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass

from redis.asyncio import Redis

from core.config import Settings
from models import WechatUser, pii
from services import wechat_users
from services.errors import LoginCodeInvalid, TokenExpired, TokenInvalid, WeChatUnavailable
from services.referrals import attribution
from services.resources import Resources
from wechat import InvalidCode, WeChatError

SESSION_KEY_TTL_S = 3 * 24 * 3600


@dataclass(frozen=True)
class Login:
    token: str
    user: WechatUser
    is_new: bool


def _sign(settings: Settings, message: str) -> str:
    digest = hmac.new(settings.secret_key_bytes, f"scrm-mp:{message}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issue_token(settings: Settings, wechat_user_id: int, *, now: float | None = None) -> str:
    expires_at = int((time.time() if now is None else now) + settings.miniapp.token_ttl_s)
    message = f"{wechat_user_id}.{expires_at}"
    return f"{message}.{_sign(settings, message)}"


def verify_token(settings: Settings, token: str, *, now: float | None = None) -> int:
    """The WeChat user id the token was issued to; Unauthorized if forged, malformed or expired."""
    parts = token.split(".")
    if not token.isascii() or len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 10:
        raise TokenInvalid()
    message = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(_sign(settings, message), parts[2]):
        raise TokenInvalid()
    if int(parts[1]) < (time.time() if now is None else now):
        raise TokenExpired()
    return int(parts[0])


async def check_live(redis: Redis, user_id: int) -> None:
    """TokenExpired when the token's user no longer exists.

    A user row can go away when two WeChat identities merge (same unionid);
    the mini-program then simply logs in again.
    """
    if not await wechat_users.exists(redis, user_id):
        raise TokenExpired()


async def login(resources: Resources, code: str, *, scene: str | None = None) -> Login:
    """Exchange a ``wx.login`` code, find or create the user (by openid, then unionid), record the scene."""
    settings = resources.settings
    try:
        session = await resources.miniapp.sns.code_to_session(
            code, appid=settings.miniapp_appid, secret=settings.miniapp_secret
        )
    except InvalidCode:
        raise LoginCodeInvalid() from None
    except WeChatError:
        raise WeChatUnavailable("login") from None
    user, is_new = await wechat_users.user_for_miniapp(resources.redis, session["openid"], session.get("unionid"))
    await resources.redis.set(f"mp:session_key:{user.id}", pii.encrypt(session["session_key"]), ex=SESSION_KEY_TTL_S)
    if scene:
        await attribution.record_miniapp_scene(resources.redis, user, scene, settings=settings)
    return Login(issue_token(settings, user.id), user, is_new)
