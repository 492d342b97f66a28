from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import templates
from .base import BaseAPI


class MessageAPI(BaseAPI):
    async def send_template(
        self,
        openid: str,
        template_id: str,
        data: Mapping[str, templates.Value],
        *,
        url: str | None = None,
        page: str | None = None,
        miniprogram: dict[str, str] | None = None,
        client_msg_id: str | None = None,
    ) -> int:
        """Send a template message; returns its msgid (the outcome arrives
        later as ``TEMPLATESENDJOBFINISH``).

        A tap opens ``page`` (e.g. ``pages/followup/detail?id=3``) of the
        client's ``miniapp_appid``, or ``miniprogram={"appid", "pagepath"}``;
        either wins over ``url``. Values are fitted to their key's type (``wechat.templates``).
        WeChat delivers a repeated ``client_msg_id`` (per openid) once.
        """
        if page is not None:
            if miniprogram is not None:
                raise ValueError("pass page or miniprogram, not both")
            if not self._client.miniapp_appid:
                raise ValueError("page needs the client's miniapp_appid")
            miniprogram = {"appid": self._client.miniapp_appid, "pagepath": page.lstrip("/")}
        body: dict[str, Any] = {
            "touser": openid,
            "template_id": template_id,
            "data": {key: {"value": value} for key, value in templates.data(data).items()},
        }
        if url:
            body["url"] = url
        if miniprogram:
            body["miniprogram"] = miniprogram
        if client_msg_id:
            body["client_msg_id"] = client_msg_id
        result = await self._client.request("POST", "cgi-bin/message/template/send", json=body)
        return result["msgid"]

    async def send_subscribe(
        self,
        openid: str,
        template_id: str,
        data: Mapping[str, templates.Value],
        *,
        page: str | None = None,
        state: str = "formal",
    ) -> None:
        """A mini-program subscribe message: call it on the mini-program's
        ``WeChatAPI``. Values are fitted to their key's type (``wechat.templates``:
        WeChat refuses one too long); a user who did not subscribe is ``UserUnreachable``.
        ``state`` is ``formal``, ``trial`` or ``developer``."""
        body: dict[str, Any] = {
            "touser": openid,
            "template_id": template_id,
            "data": {key: {"value": value} for key, value in templates.data(data).items()},
            "miniprogram_state": state,
            "lang": "zh_CN",
        }
        if page:
            body["page"] = page.lstrip("/")
        await self._client.request("POST", "cgi-bin/message/subscribe/send", json=body)

    async def send_text(self, openid: str, text: str) -> None:
        """A customer-service message: only within 48 h of the user's last message."""
        await self._custom(openid, "text", {"content": text})

    async def send_image(self, openid: str, media_id: str) -> None:
        await self._custom(openid, "image", {"media_id": media_id})

    async def _custom(self, openid: str, msgtype: str, content: dict[str, str]) -> None:
        body = {"touser": openid, "msgtype": msgtype, msgtype: content}
        await self._client.request("POST", "cgi-bin/message/custom/send", json=body)
