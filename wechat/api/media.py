from __future__ import annotations

from ..errors import WeChatError
from .base import BaseAPI

KINDS = frozenset({"image", "voice", "video", "thumb"})


class MediaAPI(BaseAPI):
    async def upload(self, kind: str, filename: str, data: bytes) -> str:
        """Upload temporary media (kept 3 days); returns its media_id."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {sorted(KINDS)}")
        result = await self._client.request(
            "POST", "cgi-bin/media/upload", params={"type": kind}, files={"media": (filename, data)}
        )
        return result.get("media_id") or result["thumb_media_id"]

    async def get(self, media_id: str) -> bytes:
        """Download temporary media (a message's image or video; WeChat keeps it 3 days).

        Images come as the body; videos as ``{"video_url": ...}``, which is fetched without the token.
        """
        result = await self._client.request(
            "GET", "cgi-bin/media/get", params={"media_id": media_id}, raw=True, json_ok=True
        )
        if isinstance(result, bytes):
            return result
        url = result.get("video_url")
        if not isinstance(url, str) or "://" not in url:
            raise WeChatError(None, "neither media nor a video_url in the reply", "cgi-bin/media/get")
        return await self._client.request("GET", url, raw=True, with_token=False)
