"""JS-SDK on H5 pages: the jsapi_ticket and the signature ``wx.config`` needs."""

from __future__ import annotations

import secrets
import time
from typing import Any

from wechatpy.utils import WeChatSigner

from .base import BaseAPI

MEMO_S = 60.0
"""How long a process reuses the ticket it read before asking Redis again (a ticket lives 7200 s)."""


def signature(ticket: str, noncestr: str, timestamp: int, url: str) -> str:
    """sha1 over ``jsapi_ticket=..&noncestr=..&timestamp=..&url=..`` (keys sorted), ``url`` without its fragment."""
    signer = WeChatSigner(delimiter=b"&")
    signer.add_data(
        f"jsapi_ticket={ticket}", f"noncestr={noncestr}", f"timestamp={timestamp}", f"url={url.split('#', 1)[0]}"
    )
    return signer.signature


class JsapiAPI(BaseAPI):
    def __init__(self, client) -> None:
        super().__init__(client)
        self._memo: tuple[str, float] | None = None

    async def ticket(self) -> str:
        """The official account's jsapi_ticket: fetched once for all processes (Redis, under a lock)."""
        if self._memo is not None and time.monotonic() - self._memo[1] < MEMO_S:
            return self._memo[0]
        ticket = await self._client._tickets.get()
        self._memo = (ticket, time.monotonic())
        return ticket

    def forget(self) -> None:
        """Drop this process's copy; the next page reads the shared ticket again."""
        self._memo = None

    async def fetch_ticket(self, force: bool = False) -> tuple[str, int]:
        result = await self._client.request("GET", "cgi-bin/ticket/getticket", params={"type": "jsapi"})
        return result["ticket"], int(result["expires_in"])

    async def config(self, url: str, *, api_list: list[str]) -> dict[str, Any]:
        """What the page passes to ``wx.config`` for ``url`` (exactly as the browser shows it)."""
        ticket = await self.ticket()
        nonce, timestamp = secrets.token_urlsafe(12), int(time.time())
        return {
            "appId": self._client.appid,
            "timestamp": timestamp,
            "nonceStr": nonce,
            "signature": signature(ticket, nonce, timestamp, url),
            "jsApiList": api_list,
        }
