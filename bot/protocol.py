"""The official-account callback protocol: signatures, safe-mode crypto, parsing, replies.

wechatpy does the crypto and parsing; this module adds what it leaves out
(constant-time signature checks, a timestamp window, catching every error
that corrupt input can raise, CDATA escaping). See shared/WECHAT.md.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import struct
import time
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.parsers.expat import ExpatError

from wechatpy import parse_message
from wechatpy.crypto import PrpCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.messages import MESSAGE_TYPES, BaseMessage, TextMessage

from core.config import Settings

# What corrupt or hostile input can raise inside wechatpy, xmltodict and expat.
_BAD_INPUT = (
    ExpatError,
    KeyError,
    TypeError,
    ValueError,
    IndexError,
    AttributeError,
    binascii.Error,
    struct.error,
    UnicodeError,
    InvalidSignatureException,
)


# The envelope's only payload: base64 ciphertext, authenticated by msg_signature,
# so a regex reads it without a second XML parse of every message.
_ENCRYPT = re.compile(r"<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]+)\]\]>|([A-Za-z0-9+/=]+))\s*</Encrypt>")


class Rejected(Exception):
    """A callback that must not be processed; ``status`` is the HTTP answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def signature(token: str, timestamp: str, nonce: str, *extra: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, *extra])).encode()).hexdigest()


@dataclass(frozen=True)
class Callback:
    """The query string WeChat signs every callback with."""

    signature: str
    timestamp: str
    nonce: str
    msg_signature: str
    encrypted: bool

    @classmethod
    def from_args(cls, args) -> Callback:
        return cls(
            signature=args.get("signature", ""),
            timestamp=args.get("timestamp", ""),
            nonce=args.get("nonce", ""),
            msg_signature=args.get("msg_signature", ""),
            encrypted=args.get("encrypt_type", "") == "aes",
        )


class Envelope:
    """WeChat's safe-mode envelope, by wechatpy's ``PrpCrypto`` built once for the process.

    wechatpy's ``WeChatCrypto`` builds its cipher and computes again the signature that ``Protocol.decode``
    has already checked, for every message: 44 -> 22 us a message. The tests hold it to werobot's (the
    tests' signer).
    """

    def __init__(self, token: str, aes_key: str, appid: str) -> None:
        self._token = token
        self._prp = PrpCrypto(base64.b64decode(aes_key + "="))  # 32 bytes: checked by core.config
        self._appid = appid

    def open(self, encrypt: str) -> str:
        """The message inside ``encrypt`` (its signature checked by the caller); ValueError when it is corrupt
        or sealed for another AppID."""
        try:
            return self._prp.decrypt(encrypt, self._appid)
        except (InvalidAppIdException, struct.error, IndexError) as exc:
            raise ValueError(f"unreadable envelope: {exc!r}") from exc

    def seal(self, text: str, nonce: str, timestamp: str) -> str:
        """The reply envelope for ``text``: encrypted, signed with the request's nonce."""
        encrypt = self._prp.encrypt(text, self._appid).decode()
        return (
            f"<xml>\n<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n"
            f"<MsgSignature><![CDATA[{signature(self._token, timestamp, nonce, encrypt)}]]></MsgSignature>\n"
            f"<TimeStamp>{timestamp}</TimeStamp>\n<Nonce><![CDATA[{nonce}]]></Nonce>\n</xml>"
        )


class Protocol:
    def __init__(self, settings: Settings) -> None:
        self._token = settings.wechat_token
        self._max_age = settings.signature_max_age_s
        self._max_body = settings.max_body_bytes
        self._appid = settings.wechat_appid
        self._crypto = (
            Envelope(settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid)
            if settings.aes_mode
            else None
        )

    def verify(self, cb: Callback, now: float | None = None) -> None:
        """Raise ``Rejected(403)`` unless the query's signature and timestamp are good."""
        if not cb.timestamp.isdigit() or not cb.nonce or len(cb.nonce) > 64:
            raise Rejected(403, "missing or malformed timestamp/nonce")
        if abs((now or time.time()) - int(cb.timestamp)) > self._max_age:
            raise Rejected(403, "stale timestamp")
        expected = signature(self._token, cb.timestamp, cb.nonce)
        if not hmac.compare_digest(expected, cb.signature):
            raise Rejected(403, "bad signature")

    def decode(self, cb: Callback, body: bytes) -> tuple[BaseMessage, str]:
        """Check size, decrypt (safe and compatible modes) and parse a POST body: the message and its XML.

        With an EncodingAESKey configured only encrypted bodies are accepted: the
        URL signature covers neither sender nor body, ``msg_signature`` covers both.
        """
        if len(body) > self._max_body:
            raise Rejected(400, "body too large")
        if self._crypto is not None and not cb.encrypted:
            raise Rejected(403, "plain message refused: safe mode is configured (encrypt_type=aes required)")
        try:
            text = body.decode("utf-8")
            if cb.encrypted:
                if self._crypto is None:
                    raise Rejected(400, "encrypted message but no EncodingAESKey is configured")
                found = _ENCRYPT.search(text)
                if found is None:
                    raise Rejected(400, "no Encrypt element")
                encrypt = found.group(1) or found.group(2)
                expected = signature(self._token, cb.timestamp, cb.nonce, encrypt)
                if not hmac.compare_digest(expected, cb.msg_signature):
                    raise Rejected(403, "bad msg_signature")
                text = self._crypto.open(encrypt)
            message = _parse(text)
        except Rejected:
            raise
        except _BAD_INPUT as exc:
            raise Rejected(400, f"malformed message ({type(exc).__name__})") from None
        if not getattr(message, "source", None):
            raise Rejected(400, "message without FromUserName")
        return message, text

    def render(self, cb: Callback, plain_reply: str) -> str:
        """The HTTP body for a rendered reply: as is, or encrypted with this request's nonce."""
        if not cb.encrypted or self._crypto is None or plain_reply == "success":
            return plain_reply
        return self._crypto.seal(plain_reply, cb.nonce, str(int(time.time())))


def _parse(text: str) -> BaseMessage:
    """wechatpy's ``parse_message``; a plain message (text, image, location...: every field a leaf of ``<xml>``,
    the common case) is read by the C parser instead of xmltodict's Python callbacks, into the same fields
    (stripped, empty as None). Events, anything nested or odd, and any DOCTYPE (entities) go to wechatpy's."""
    if "<!DOCTYPE" not in text:
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError:
            return parse_message(text)  # whose error says why
        fields = {
            child.tag: (child.text or "").strip() or None for child in root if not len(child) and not child.attrib
        }
        kind = str(fields.get("MsgType") or "").lower()
        if root.tag == "xml" and not root.attrib and len(fields) == len(root) and kind in MESSAGE_TYPES:
            return MESSAGE_TYPES[kind](fields)
    return parse_message(text)


def event_name(message: BaseMessage) -> str | None:
    """The event's name in lower case (``subscribe``, ``scan``, ``subscribe_msg_popup_event``...); None for a
    message. wechatpy parses events it does not know as ``UnknownMessage``: their name is read from the XML."""
    if message.type == "event":
        return message.event
    data = getattr(message, "_data", None) or {}
    if str(data.get("MsgType") or "").lower() == "event":
        return str(data.get("Event") or "unknown").lower()[:64]
    return None


def as_text(message: BaseMessage) -> BaseMessage:
    """A voice message WeChat transcribed (``Recognition``, when the account's speech recognition is on) as the
    text message that was said; any other message as it is."""
    recognition = (getattr(message, "recognition", None) or "").strip() if message.type == "voice" else ""
    if not recognition:
        return message
    return TextMessage({**message._data, "MsgType": "text", "Content": recognition})


def cdata_safe(text: str) -> str:
    """Split ``]]>`` so user text echoed into CDATA cannot end it early."""
    return text.replace("]]>", "]]]]><![CDATA[>")


MAX_REPLY_BYTES = 2048


def fit(text: str, limit: int = MAX_REPLY_BYTES) -> str:
    """Cut a reply to WeChat's passive text limit, on a line boundary when possible."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[: limit - len("\n…".encode())].decode("utf-8", "ignore")
    if "\n" in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex("\n")]
    return cut + "\n…"


def text_reply(message: BaseMessage, text: str) -> str:
    """The passive text reply to ``message``, as wechatpy's ``TextReply`` renders it, without its per-field
    machinery (12 -> 2 us)."""
    return (
        f"<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[{cdata_safe(fit(text))}]]></Content>\n"
        f"<FromUserName><![CDATA[{cdata_safe(message.target or '')}]]></FromUserName>\n"
        f"<ToUserName><![CDATA[{cdata_safe(message.source)}]]></ToUserName>\n"
        f"<CreateTime>{int(time.time())}</CreateTime>\n</xml>"
    )
