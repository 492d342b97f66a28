from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..client import WeChatAPI


class BaseAPI:
    """One area of the API; all network access goes through ``client.request``."""

    def __init__(self, client: WeChatAPI) -> None:
        self._client = client
