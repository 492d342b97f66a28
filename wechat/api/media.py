from __future__ import annotations

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
