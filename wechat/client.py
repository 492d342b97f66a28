"""The one async client for WeChat's server API.

``WeChatAPI.request`` owns the access token and turns every failure into a
typed ``WeChatError``; the per-area objects (``api.message``, ``api.qrcode``,
...) only build requests. One instance serves one appid: the official account
and the mini-program each get their own (``wxa`` needs the mini-program's
token, the ``message``/``qrcode``/``user`` areas the official account's).
"""

from __future__ import annotations

import json as jsonlib
import logging
import re
import time
from typing import Any

import httpx
from redis.asyncio import Redis

from core.config import Settings

from .api import JsapiAPI, MediaAPI, MessageAPI, QRCodeAPI, SnsAPI, UserAPI, WxaAPI
from .errors import TokenError, TransientError, WeChatError, error_from
from .token import TokenCache

log = logging.getLogger(__name__)

API_BASE = "https://api.weixin.qq.com/"
SHOWQRCODE_BASE = "https://mp.weixin.qq.com/cgi-bin/showqrcode"


class _RedactSecrets(logging.Filter):
    """httpx logs request URLs at INFO; WeChat puts credentials in them."""

    _pattern = re.compile(r"\b(access_token|secret|js_code)=[^&\s\"']+")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._pattern.sub(r"\1=***", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


logging.getLogger("httpx").addFilter(_RedactSecrets())


class WeChatAPI:
    def __init__(
        self,
        *,
        appid: str,
        secret: str,
        redis: Redis,
        api_base: str = API_BASE,
        showqrcode_base: str = SHOWQRCODE_BASE,
        miniapp_appid: str = "",
        timeout: float = 5.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        """``redis`` is a ``redis.asyncio.Redis``-compatible client shared by
        every process of the app; ``miniapp_appid`` is the mini-program that
        template messages open with ``page=``; ``http`` is closed by
        ``close()`` only if we created it."""
        self.appid = appid
        self._secret = secret
        self._api_base = api_base if api_base.endswith("/") else api_base + "/"
        self.showqrcode_base = showqrcode_base
        self.miniapp_appid = miniapp_appid
        self._timeout = httpx.Timeout(timeout)
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(timeout=self._timeout)
        self._tokens = TokenCache(redis, appid, self._fetch_token, lock_ttl=max(10.0, 4 * timeout))
        self.jsapi = JsapiAPI(self)
        self._tickets = TokenCache(
            redis, appid, self.jsapi.fetch_ticket, lock_ttl=max(10.0, 4 * timeout), kind="jsapi_ticket"
        )

        self.message = MessageAPI(self)
        self.qrcode = QRCodeAPI(self)
        self.media = MediaAPI(self)
        self.user = UserAPI(self)
        self.sns = SnsAPI(self)
        self.wxa = WxaAPI(self)

    @classmethod
    def from_settings(
        cls, settings: Settings, *, redis: Redis, miniapp: bool = False, http: httpx.AsyncClient | None = None
    ) -> WeChatAPI:
        """The official account's client (or, with ``miniapp=True``, the
        mini-program's) from ``core.config.Settings``."""
        return cls(
            appid=settings.miniapp_appid if miniapp else settings.wechat_appid,
            secret=settings.miniapp_secret if miniapp else settings.wechat_secret,
            redis=redis,
            api_base=settings.wechat_api_base,
            showqrcode_base=settings.wechat_showqrcode_base,
            miniapp_appid=settings.miniapp_appid,
            timeout=settings.wechat_timeout_s,
            http=http,
        )

    def __repr__(self) -> str:
        return f"WeChatAPI(appid={self.appid!r}, api_base={self._api_base!r})"

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        files: dict[str, Any] | None = None,
        raw: bool = False,
        json_ok: bool = False,
        with_token: bool = True,
    ) -> Any:
        """Call ``path`` (relative to ``api_base``, or an absolute URL).

        Returns the JSON object, or the body bytes with ``raw=True`` (and with ``json_ok`` too, a JSON
        object without an errcode, for APIs that answer either). A refused
        token is refreshed once, centrally, and the call retried once.
        """
        if not with_token:
            return await self._send(method, path, params, json, files, raw, json_ok)
        token = await self._tokens.get()
        try:
            return await self._send(method, path, {**(params or {}), "access_token": token}, json, files, raw, json_ok)
        except TokenError as exc:
            log.info("wechat %s: token refused (errcode %s), refreshing once", path, exc.errcode)
            token = await self._tokens.refresh(failed=token)
        return await self._send(method, path, {**(params or {}), "access_token": token}, json, files, raw, json_ok)

    async def close(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> WeChatAPI:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _fetch_token(self, force: bool) -> tuple[str, int]:
        body = {"grant_type": "client_credential", "appid": self.appid, "secret": self._secret, "force_refresh": force}
        data = await self._send("POST", "cgi-bin/stable_token", None, body, None, False)
        log.info(
            "wechat fetched access token for %s (force=%s, expires in %s s)", self.appid, force, data["expires_in"]
        )
        return data["access_token"], int(data["expires_in"])

    async def _send(self, method: str, path: str, params, json, files, raw: bool, json_ok: bool = False) -> Any:
        url = path if "://" in path else self._api_base + path
        endpoint = path.split("?", 1)[0]
        # Raw UTF-8 rather than \u escapes, as wechatpy sends it.
        content = None if json is None else jsonlib.dumps(json, ensure_ascii=False).encode()
        headers = None if json is None else {"Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            response = await self._http.request(
                method, url, params=params, content=content, files=files, headers=headers, timeout=self._timeout
            )
        except httpx.RequestError as exc:  # timeouts, connection, protocol and decoding errors
            ms = (time.perf_counter() - started) * 1000
            log.warning("wechat %s %s failed after %.0f ms: %s", method, endpoint, ms, type(exc).__name__)
            raise TransientError(None, type(exc).__name__, endpoint) from exc
        ms = (time.perf_counter() - started) * 1000
        try:
            result = _result(response, endpoint, raw, json_ok)
        except WeChatError as exc:
            log.info(
                "wechat %s %s -> %s in %.0f ms, errcode %s", method, endpoint, response.status_code, ms, exc.errcode
            )
            raise
        log.debug("wechat %s %s -> %s in %.0f ms", method, endpoint, response.status_code, ms)
        return result


def _result(response: httpx.Response, endpoint: str, raw: bool, json_ok: bool = False) -> Any:
    status = response.status_code
    if status >= 500 or status == 429:
        raise TransientError(None, f"HTTP {status}", endpoint)
    if raw and status == 200 and not response.content.lstrip().startswith(b"{"):
        return response.content
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        # Garbage with a 200 comes from a proxy or a hiccup; a 4xx is about us.
        cls = TransientError if response.is_success else WeChatError
        raise cls(None, f"HTTP {status}, not a JSON object", endpoint)
    if errcode := data.get("errcode"):
        raise error_from(errcode, data.get("errmsg", ""), endpoint)
    if json_ok and response.is_success:
        return data
    if raw or not response.is_success:
        raise WeChatError(None, f"HTTP {status}, unexpected JSON" + (" instead of an image" if raw else ""), endpoint)
    return data
