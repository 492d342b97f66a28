"""Back-office sign-in and sessions, kept in Redis so that every web process sees them and any can end them.

Three ways in, all ending in ``start``:

- the sign-in page shows a temporary QR code of the official account with scene ``login:<nonce>``; a bound
  staff member scans it (``scanned``), confirms in chat (``confirm``), and the browser that showed the code,
  and only that one (it holds the attempt's secret in a cookie), picks the session up (``claim``);
- ``登录后台`` in chat and ``python -m app login-link`` give a one-time link (``issue_link``/``redeem_link``).

A session is a random token in the browser's cookie; Redis holds only its hash, the account, the CSRF token
and when it began. It ends when unused for ``backoffice.idle_timeout_s``, ``backoffice.max_age_s`` after
sign-in, on sign-out, and at once for every browser when the account is deactivated (``end_all``).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from models import Account, WechatUser
from models.enums import Role
from services import audit
from services.errors import NoBackOffice, SignInLinkInvalid
from services.resources import Resources

LOGIN_SCENE_PREFIX = "login:"
LINK_PATH = "/bo/login/link"


def _hash(token: str) -> str:
    return hashlib.sha256(f"scrm-bo:{token}".encode()).hexdigest()


def _session_key(token_hash: str) -> str:
    return f"bo:session:{token_hash}"


def _account_sessions_key(account_id: int) -> str:
    return f"bo:sessions:{account_id}"


def _attempt_key(nonce: str) -> str:
    return f"bo:attempt:{nonce}"


def _confirm_key(openid: str) -> str:
    return f"bo:confirm:{openid}"


def ensure_staff(account: Account | None) -> Account:
    """The account if it may use the back office: an active admin, manager or salesperson."""
    if account is None:
        raise NoBackOffice("unbound")
    if account.role == Role.PARTNER:
        raise NoBackOffice("partner")
    if not account.active:
        raise NoBackOffice("inactive")
    return account


# ---- sessions -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    token_hash: str
    account_id: int
    csrf: str
    started_at: float


async def start(resources: Resources, account: Account, *, method: str) -> str:
    """A new session for ``account``; returns the token for the cookie. ``method``: qr, link."""
    ensure_staff(account)
    settings = resources.settings.backoffice
    token = secrets.token_urlsafe(32)
    token_hash = _hash(token)
    value = {"account": account.id, "csrf": secrets.token_urlsafe(24), "started": time.time()}
    async with resources.redis.pipeline(transaction=True) as pipe:
        pipe.set(_session_key(token_hash), json.dumps(value), ex=settings.idle_timeout_s)
        pipe.sadd(_account_sessions_key(account.id), token_hash)
        pipe.expire(_account_sessions_key(account.id), settings.max_age_s)
        await pipe.execute()
    await audit.record(account, "backoffice.sign_in", "account", account.id, after={"method": method})
    return token


async def get(resources: Resources, token: str | None) -> Session | None:
    """The live session of ``token`` (its idle time starts again), or None."""
    if not token or len(token) > 100:
        return None
    settings = resources.settings.backoffice
    token_hash = _hash(token)
    raw = await resources.redis.get(_session_key(token_hash))
    if raw is None:
        return None
    value = json.loads(raw)
    session = Session(token_hash, int(value["account"]), value["csrf"], float(value["started"]))
    if time.time() - session.started_at > settings.max_age_s:
        await end(resources, session)
        return None
    await resources.redis.expire(_session_key(token_hash), settings.idle_timeout_s)
    return session


async def end(resources: Resources, session: Session) -> None:
    async with resources.redis.pipeline(transaction=True) as pipe:
        pipe.delete(_session_key(session.token_hash))
        pipe.srem(_account_sessions_key(session.account_id), session.token_hash)
        await pipe.execute()


async def end_all(resources: Resources, account_id: int) -> int:
    """End every session of the account, in every browser; the number ended."""
    key = _account_sessions_key(account_id)
    members = await resources.redis.smembers(key)  # type: ignore[misc]  # redis-py types set commands sync-or-async
    hashes = [h.decode() if isinstance(h, bytes) else h for h in members]
    if not hashes:
        return 0
    ended = await resources.redis.delete(*(_session_key(h) for h in hashes))
    await resources.redis.delete(key)
    return int(ended)


# ---- one-time links -----------------------------------------------------------------------------------


async def issue_link(resources: Resources, account: Account) -> str:
    """A link that signs ``account`` in once within ``backoffice.login_ttl_s``."""
    ensure_staff(account)
    token = secrets.token_urlsafe(32)
    await resources.redis.set(f"bo:link:{_hash(token)}", str(account.id), ex=resources.settings.backoffice.login_ttl_s)
    base = resources.settings.public_base_url.rstrip("/")
    return f"{base}{LINK_PATH}?{urlencode({'token': token})}"


async def redeem_link(resources: Resources, token: str) -> Account:
    """The account a link was issued to; the link is spent. SignInLinkInvalid if unknown, used or expired."""
    if not token or len(token) > 100:
        raise SignInLinkInvalid()
    account_id = await resources.redis.getdel(f"bo:link:{_hash(token)}")
    if account_id is None:
        raise SignInLinkInvalid()
    return ensure_staff(await Account.get_or_none(id=int(account_id)))


# ---- QR sign-in ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    """A sign-in QR code shown on one browser: ``secret`` goes into that browser's cookie."""

    nonce: str
    secret: str
    image_url: str
    expires_in: int


@dataclass(frozen=True)
class AttemptState:
    """``waiting`` (not scanned yet), ``scanned`` (asked to confirm in chat), ``refused`` (with ``reason``),
    ``confirmed`` (the browser may claim its session), ``expired``."""

    state: str
    name: str | None = None
    reason: str | None = None


def is_login_scene(scene: str | None) -> bool:
    return bool(scene) and scene.startswith(LOGIN_SCENE_PREFIX)  # type: ignore[union-attr]


async def begin(resources: Resources) -> Attempt:
    """A fresh QR code; raises WeChatError when the official account cannot make one."""
    ttl = resources.settings.backoffice.login_ttl_s
    nonce, secret = secrets.token_urlsafe(16), secrets.token_urlsafe(32)
    qr = await resources.wechat.qrcode.create(f"{LOGIN_SCENE_PREFIX}{nonce}", permanent=False, expire_seconds=ttl)
    await resources.redis.set(_attempt_key(nonce), json.dumps({"secret": _hash(secret), "state": "waiting"}), ex=ttl)
    return Attempt(nonce, secret, resources.wechat.qrcode.image_url(qr["ticket"]), ttl)


async def _update(resources: Resources, nonce: str, **changes) -> dict | None:
    key = _attempt_key(nonce)
    raw = await resources.redis.get(key)
    if raw is None:
        return None
    value = {**json.loads(raw), **changes}
    await resources.redis.set(key, json.dumps(value), keepttl=True)
    return value


async def scanned(resources: Resources, openid: str, scene: str) -> Account:
    """Someone scanned a sign-in code: a staff member is asked to confirm; anyone else is refused (NoBackOffice,
    and the page says why). SignInLinkInvalid when the code has expired."""
    nonce = scene[len(LOGIN_SCENE_PREFIX) :]
    user = await WechatUser.filter(openid=openid).first()
    account = await Account.get_or_none(id=user.account_id) if user is not None and user.account_id else None
    try:
        ensure_staff(account)
    except NoBackOffice as exc:
        if await _update(resources, nonce, state="refused", reason=exc.reason) is None:
            raise SignInLinkInvalid() from None
        raise
    assert account is not None
    if await _update(resources, nonce, state="scanned", account=account.id, name=account.name) is None:
        raise SignInLinkInvalid()
    await resources.redis.set(_confirm_key(openid), nonce, ex=resources.settings.backoffice.login_ttl_s)
    return account


async def confirm(resources: Resources, openid: str, account: Account | None) -> Account:
    """The staff member who scanned confirms in chat; SignInLinkInvalid when nothing waits for them."""
    ensure_staff(account)
    assert account is not None
    nonce = await resources.redis.getdel(_confirm_key(openid))
    if nonce is None:
        raise SignInLinkInvalid()
    nonce = nonce.decode() if isinstance(nonce, bytes) else nonce
    raw = await resources.redis.get(_attempt_key(nonce))
    if raw is None or json.loads(raw).get("account") != account.id:
        raise SignInLinkInvalid()
    await _update(resources, nonce, state="confirmed")
    return account


async def state(resources: Resources, nonce: str, secret: str) -> AttemptState:
    """How the attempt stands, for the browser holding its secret (another browser sees ``expired``)."""
    raw = await resources.redis.get(_attempt_key(nonce)) if nonce and len(nonce) < 64 else None
    if raw is None:
        return AttemptState("expired")
    value = json.loads(raw)
    if not secrets.compare_digest(value["secret"], _hash(secret or "")):
        return AttemptState("expired")
    return AttemptState(value["state"], name=value.get("name"), reason=value.get("reason"))


async def claim(resources: Resources, nonce: str, secret: str) -> str | None:
    """The session token once the attempt is confirmed (the attempt is spent), else None."""
    current = await state(resources, nonce, secret)
    if current.state != "confirmed":
        return None
    raw = await resources.redis.getdel(_attempt_key(nonce))
    if raw is None:  # another request of the same browser took it
        return None
    account = ensure_staff(await Account.get_or_none(id=int(json.loads(raw)["account"])))
    return await start(resources, account, method="qr")
