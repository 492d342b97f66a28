from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .base import BaseAPI

MAX_EXPIRE_SECONDS = 2_592_000


class QRCodeAPI(BaseAPI):
    async def create(self, scene: str, *, permanent: bool, expire_seconds: int = MAX_EXPIRE_SECONDS) -> dict[str, Any]:
        """A parameter QR code for ``scene`` (1-64 chars); following through it
        sends ``subscribe`` with ``qrscene_<scene>``, scanning it ``SCAN``.
        Returns ``{"ticket", "url", "expire_seconds"}`` (``None`` if permanent;
        permanent codes are limited to 100,000)."""
        if not 1 <= len(scene) <= 64:
            raise ValueError("scene must be 1 to 64 characters")
        body: dict[str, Any] = {"action_info": {"scene": {"scene_str": scene}}}
        if permanent:
            body["action_name"] = "QR_LIMIT_STR_SCENE"
        else:
            if not 1 <= expire_seconds <= MAX_EXPIRE_SECONDS:
                raise ValueError(f"expire_seconds must be 1 to {MAX_EXPIRE_SECONDS}")
            body["action_name"] = "QR_STR_SCENE"
            body["expire_seconds"] = expire_seconds
        result = await self._client.request("POST", "cgi-bin/qrcode/create", json=body)
        return {"ticket": result["ticket"], "url": result["url"], "expire_seconds": result.get("expire_seconds")}

    def image_url(self, ticket: str) -> str:
        """The public image URL of a ticket (no token needed)."""
        return f"{self._client.showqrcode_base}?ticket={quote(ticket, safe='')}"

    async def fetch_image(self, ticket: str) -> bytes:
        return await self._client.request("GET", self.image_url(ticket), raw=True, with_token=False)
