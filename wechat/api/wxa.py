from __future__ import annotations

import re

from .base import BaseAPI

_SCENE = re.compile(r"[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}")
ENV_VERSIONS = frozenset({"release", "trial", "develop"})


class WxaAPI(BaseAPI):
    """Mini-program APIs: use them on the mini-program's ``WeChatAPI``
    (its appid and secret), not the official account's."""

    async def get_unlimited_code(
        self,
        scene: str,
        *,
        page: str | None = None,
        width: int = 430,
        check_path: bool = False,
        env_version: str = "release",
    ) -> bytes:
        """A mini-program code image (PNG bytes) opening ``page`` with ``scene``."""
        if not _SCENE.fullmatch(scene):
            raise ValueError("scene must be 1 to 32 characters of 0-9A-Za-z!#$&'()*+,/:;=?@-._~")
        if page is not None and page.startswith("/"):
            raise ValueError("page must not start with '/'")
        if env_version not in ENV_VERSIONS:
            raise ValueError(f"env_version must be one of {sorted(ENV_VERSIONS)}")
        body = {"scene": scene, "width": width, "check_path": check_path, "env_version": env_version}
        if page:
            body["page"] = page
        return await self._client.request("POST", "wxa/getwxacodeunlimit", json=body, raw=True)
