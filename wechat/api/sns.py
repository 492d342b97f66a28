from __future__ import annotations

from .base import BaseAPI


class SnsAPI(BaseAPI):
    async def code_to_session(
        self, code: str, *, appid: str | None = None, secret: str | None = None
    ) -> dict[str, str]:
        """Exchange a mini-program ``wx.login`` code (single use) for
        ``{"openid", "session_key", "unionid"?}``. Call it on the
        mini-program's ``WeChatAPI`` (or pass its appid and secret). Needs no
        access token. Never send ``session_key`` to the client; a bad or used
        code raises ``InvalidCode``."""
        if (appid is None) != (secret is None):
            raise ValueError("pass both appid and secret, or neither")
        if appid is None:
            appid, secret = self._client.appid, self._client._secret
        result = await self._client.request(
            "GET",
            "sns/jscode2session",
            params={"appid": appid, "secret": secret, "js_code": code, "grant_type": "authorization_code"},
            with_token=False,
        )
        return {key: result[key] for key in ("openid", "session_key", "unionid") if key in result}

    async def oauth2_openid(self, code: str) -> str:
        """The openid behind an H5 page's OAuth ``code`` (``snsapi_base``: silent, single use, minutes old).

        Call it on the official account's ``WeChatAPI``; a bad or used code raises ``InvalidCode``."""
        result = await self._client.request(
            "GET",
            "sns/oauth2/access_token",
            params={
                "appid": self._client.appid,
                "secret": self._client._secret,
                "code": code,
                "grant_type": "authorization_code",
            },
            with_token=False,
        )
        return result["openid"]
