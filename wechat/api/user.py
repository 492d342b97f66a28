from __future__ import annotations

from typing import Any

from .base import BaseAPI


class UserAPI(BaseAPI):
    async def info(self, openid: str, *, lang: str = "zh_CN") -> dict[str, Any]:
        """The follower's profile; for a non-follower only ``subscribe=0`` (and openid)."""
        return await self._client.request("GET", "cgi-bin/user/info", params={"openid": openid, "lang": lang})
