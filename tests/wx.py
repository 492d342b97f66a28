"""A WeChat server stand-in for tests: signs and encrypts callbacks with werobot.

werobot is an independent implementation of the protocol, so a test that
passes proves our endpoint speaks WeChat's dialect, not merely its own.
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import httpx
import xmltodict
from werobot.crypto import MessageCrypt
from werobot.utils import get_signature

_msg_ids = itertools.count(int(time.time()) * 1000)


@dataclass
class Sent:
    status: int
    body: str
    reply: dict | None
    """The reply XML as a dict (decrypted in AES mode); None for ``success`` or an error."""

    @property
    def text(self) -> str:
        return (self.reply or {}).get("Content", "")


def text_xml(openid: str, content: str, msg_id: int | None = None, create_time: int | None = None) -> str:
    msg_id = next(_msg_ids) if msg_id is None else msg_id
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{escape(content)}</Content><MsgId>{msg_id}</MsgId></xml>"
    )


def media_xml(openid: str, kind: str, media_id: str, msg_id: int | None = None) -> str:
    """An image, video or shortvideo message referring to media WeChat holds for 3 days."""
    msg_id = next(_msg_ids) if msg_id is None else msg_id
    extra = (
        "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl>"
        if kind == "image"
        else "<ThumbMediaId><![CDATA[thumb]]></ThumbMediaId>"
    )
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[{kind}]]></MsgType>{extra}"
        f"<MediaId><![CDATA[{media_id}]]></MediaId><MsgId>{msg_id}</MsgId></xml>"
    )


def voice_xml(openid: str, recognition: str | None, msg_id: int | None = None) -> str:
    """A voice message; ``recognition`` is WeChat's transcript (None: speech recognition is off)."""
    msg_id = next(_msg_ids) if msg_id is None else msg_id
    said = f"<Recognition><![CDATA[{recognition}]]></Recognition>" if recognition is not None else ""
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
        f"<MediaId><![CDATA[voice-media]]></MediaId><Format><![CDATA[amr]]></Format>{said}<MsgId>{msg_id}</MsgId></xml>"
    )


def location_xml(openid: str, latitude: float, longitude: float, label: str = "", msg_id: int | None = None) -> str:
    """A location sent from the chat's + menu."""
    msg_id = next(_msg_ids) if msg_id is None else msg_id
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[location]]></MsgType>"
        f"<Location_X>{latitude}</Location_X><Location_Y>{longitude}</Location_Y><Scale>15</Scale>"
        f"<Label><![CDATA[{label}]]></Label><MsgId>{msg_id}</MsgId></xml>"
    )


def event_xml(
    openid: str,
    event: str,
    event_key: str = "",
    ticket: str = "",
    create_time: int | None = None,
    extra: str = "",
) -> str:
    """An event; ``extra`` is more of its XML as WeChat sends it (a report's counts, a popup's list)."""
    extra = (
        f"<EventKey><![CDATA[{event_key}]]></EventKey>" if event_key or event in ("subscribe", "SCAN") else ""
    ) + extra
    if ticket:
        extra += f"<Ticket><![CDATA[{ticket}]]></Ticket>"
    return (
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        f"<Event><![CDATA[{event}]]></Event>{extra}</xml>"
    )


class WeChatSimulator:
    """Posts callbacks to ``url`` as WeChat would, in plain or safe (AES) mode."""

    def __init__(
        self,
        url: str,
        token: str,
        aes_key: str,
        appid: str,
        *,
        aes: bool = True,
        settle: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """``settle``: awaited after each ``event``, so what the event queued is written before the test reads it."""
        self.url = url
        self.token = token
        self.aes = aes
        self.crypt = MessageCrypt(token, aes_key, appid)
        self.settle = settle

    def signed_query(self, timestamp: str | None = None, nonce: str | None = None) -> dict[str, str]:
        timestamp = timestamp or str(int(time.time()))
        nonce = nonce or secrets.token_hex(6)
        return {
            "signature": get_signature(self.token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": "o",
        }

    def envelope(self, xml: str, timestamp: str | None = None, nonce: str | None = None) -> tuple[dict, str]:
        """The query and body WeChat would send for ``xml``."""
        query = self.signed_query(timestamp, nonce)
        if not self.aes:
            return query, xml
        encrypted = xmltodict.parse(self.crypt.encrypt_message(xml, query["timestamp"], query["nonce"]))["xml"]
        query.update(encrypt_type="aes", msg_signature=encrypted["MsgSignature"])
        body = f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[{encrypted['Encrypt']}]]></Encrypt></xml>"
        return query, body

    async def post(self, client: httpx.AsyncClient, xml: str) -> Sent:
        query, body = self.envelope(xml)
        response = await client.post(self.url, params=query, content=body.encode())
        return self.read(response)

    def read(self, response: httpx.Response) -> Sent:
        body = response.text
        if response.status_code != 200 or not body.startswith("<xml>"):
            return Sent(response.status_code, body, None)
        outer = xmltodict.parse(body)["xml"]
        if "Encrypt" in outer:
            expected = get_signature(self.token, outer["TimeStamp"], outer["Nonce"], outer["Encrypt"])
            assert expected == outer["MsgSignature"], "reply signature does not verify"
            plain = self.crypt.decrypt_message(
                outer["TimeStamp"], outer["Nonce"], outer["MsgSignature"], outer["Encrypt"]
            )
            outer = xmltodict.parse(plain)["xml"]
        return Sent(200, body, outer)

    async def text(self, client: httpx.AsyncClient, openid: str, content: str, **kw) -> Sent:
        return await self.post(client, text_xml(openid, content, **kw))

    async def media(self, client: httpx.AsyncClient, openid: str, kind: str, media_id: str, **kw) -> Sent:
        return await self.post(client, media_xml(openid, kind, media_id, **kw))

    async def event(self, client: httpx.AsyncClient, openid: str, event: str, **kw) -> Sent:
        sent = await self.post(client, event_xml(openid, event, **kw))
        if self.settle is not None:
            await self.settle()
        return sent

    async def voice(self, client: httpx.AsyncClient, openid: str, recognition: str | None, **kw) -> Sent:
        return await self.post(client, voice_xml(openid, recognition, **kw))

    async def location(self, client: httpx.AsyncClient, openid: str, latitude: float, longitude: float, **kw) -> Sent:
        return await self.post(client, location_xml(openid, latitude, longitude, **kw))
