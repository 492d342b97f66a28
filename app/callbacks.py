"""Text callbacks signed (and encrypted) as WeChat's servers send them.

Used by ``chat`` and the benchmarks to talk to a running endpoint. The tests
sign with werobot instead, an independent implementation.
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import urlencode

import xmltodict
from wechatpy.crypto import WeChatCrypto

from bot.protocol import signature
from core.config import Settings


class CallbackSigner:
    def __init__(self, settings: Settings, *, aes: bool) -> None:
        self._token = settings.wechat_token
        self._crypto = (
            WeChatCrypto(settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid) if aes else None
        )

    def text(self, openid: str, content: str, msg_id: int) -> tuple[str, bytes]:
        """The query string and body of a text message from ``openid``."""
        return self._signed(openid, {"MsgType": "text", "Content": content, "MsgId": str(msg_id)})

    def event(self, openid: str, event: str, key: str | None = None) -> tuple[str, bytes]:
        """The query string and body of an event (``subscribe`` with key ``qrscene_<scene>``: a follow by code)."""
        fields = {"MsgType": "event", "Event": event}
        if key is not None:
            fields["EventKey"] = key
        return self._signed(openid, fields)

    def _signed(self, openid: str, fields: dict[str, str]) -> tuple[str, bytes]:
        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        xml = xmltodict.unparse(
            {"xml": {"ToUserName": "gh_scrm", "FromUserName": openid, "CreateTime": timestamp, **fields}},
            full_document=False,
        )
        query = {
            "signature": signature(self._token, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": openid,
        }
        if self._crypto is not None:
            xml = self._crypto.encrypt_message(xml, nonce, timestamp)
            encrypt = xmltodict.parse(xml)["xml"]["Encrypt"]
            query.update(encrypt_type="aes", msg_signature=signature(self._token, timestamp, nonce, encrypt))
        return urlencode(query), xml.encode()

    def reply_text(self, body: str) -> str | None:
        """The text of a passive reply (decrypted in safe mode); None for ``success`` or a non-XML answer."""
        if not body.startswith("<xml>"):
            return None
        reply = xmltodict.parse(body)["xml"]
        if "Encrypt" in reply and self._crypto is not None:
            plain = self._crypto.decrypt_message(body, reply["MsgSignature"], reply["TimeStamp"], reply["Nonce"])
            reply = xmltodict.parse(plain)["xml"]
        return reply.get("Content") or ""


def msg_ids() -> range:
    """Fresh MsgIds, so nothing is answered from the endpoint's dedupe cache."""
    start = time.time_ns() // 1000
    return range(start, 2**63)
