"""Personal data at rest: AES-GCM ciphertext plus a keyed hash for exact lookup.

Phones, WeChat ids and emails are stored only encrypted. Beside each one sits
an HMAC "blind index" so duplicates can be found with an indexed equality
query without decrypting anything. The key comes from PII_KEY and is set once
at start-up by ``configure``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields import TextField
from tortoise.models import Model

_VERSION = b"\x01"
_NONCE = 12
_TAG = 16


class PiiKeyMissing(RuntimeError):
    """PII was read or written before the app configured PII_KEY."""


class PiiDecryptionError(ValueError):
    """Stored ciphertext does not open with PII_KEY: the wrong key, or data written under another one."""


@dataclass(frozen=True)
class Keyring:
    """The subkeys derived from one PII_KEY: separate ones, so the lookup hash reveals nothing about the cipher key."""

    enc: bytes = field(repr=False)
    idx: bytes = field(repr=False)

    @classmethod
    def from_secret(cls, pii_key: bytes) -> Keyring:
        if len(pii_key) != 32:
            raise ValueError("PII key must be 32 bytes")
        return cls(
            hmac.new(pii_key, b"scrm-pii-encrypt", hashlib.sha256).digest(),
            hmac.new(pii_key, b"scrm-pii-index", hashlib.sha256).digest(),
        )

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(_NONCE)
        sealed = AESGCM(self.enc).encrypt(nonce, plaintext.encode("utf-8"), None)
        return base64.b64encode(_VERSION + nonce + sealed).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = _ciphertext(token)
        if raw is None:
            raise PiiDecryptionError("not PII ciphertext")
        try:
            return AESGCM(self.enc).decrypt(raw[1 : 1 + _NONCE], raw[1 + _NONCE :], None).decode("utf-8")
        except InvalidTag:
            raise PiiDecryptionError("PII ciphertext does not match PII_KEY") from None

    def blind_index(self, kind: str, value: str) -> str:
        """Keyed hash of the normalized value; the same person's phone always hashes the same."""
        message = f"{kind}:{normalize(kind, value)}".encode()
        return hmac.new(self.idx, message, hashlib.sha256).hexdigest()


_active: list[Keyring] = []


def configure(pii_key: bytes) -> None:
    _active[:] = [Keyring.from_secret(pii_key)]


def keyring() -> Keyring:
    if not _active:
        raise PiiKeyMissing("models.pii.configure() was not called")
    return _active[0]


def _ciphertext(token: str) -> bytes | None:
    """The raw bytes of a value this module encrypted, or None for anything else (plain text)."""
    if len(token) < 40 or len(token) % 4:
        return None
    try:
        raw = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if raw[:1] == _VERSION and len(raw) >= 1 + _NONCE + _TAG else None


def is_ciphertext(value: str) -> bool:
    return _ciphertext(value) is not None


def encrypt(plaintext: str) -> str:
    return keyring().encrypt(plaintext)


def decrypt(token: str) -> str:
    return keyring().decrypt(token)


def blind_index(kind: str, value: str) -> str:
    return keyring().blind_index(kind, value)


def normalize(kind: str, value: str) -> str:
    """The canonical form that is hashed: phones as digits, the rest trimmed and lower-cased."""
    value = value.strip()
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    return value.lower()


def mask_phone(phone: str) -> str:
    """``13812345678`` -> ``138****5678``; landlines keep their last four digits."""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 4, 0) + phone[-4:]


_PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)")
_WECHAT_IN_TEXT = re.compile(r"(微信号?|[Vv][Xx]|[Ww][Xx]|WeChat)(\s*[:：]?\s*)([A-Za-z][-_A-Za-z0-9]{5,19})")


def mask_contacts(text: str) -> str:
    """``张总13812345678 微信zhang_hx`` -> ``张总138****5678 微信z***``: for texts that leave the database
    (reminders), whose notes are free text that may hold contact data."""
    text = _PHONE_IN_TEXT.sub(lambda m: mask_phone(re.sub(r"\D", "", m.group(1))), text)
    return _WECHAT_IN_TEXT.sub(lambda m: m.group(1) + m.group(2) + mask_text(m.group(3)), text)


def mask_text(value: str) -> str:
    return value[:1] + "***" if value else value


class EncryptedField(TextField):
    """A text column holding ciphertext; Python code sees the plaintext."""

    def to_db_value(self, value, instance):
        return None if value is None else encrypt(str(value))

    def to_python_value(self, value):
        """Ciphertext from the database is opened (a wrong key raises ``PiiDecryptionError``, never returns the
        ciphertext); anything else is a plaintext value set in Python (tortoise converts constructor values too)."""
        if isinstance(value, str) and is_ciphertext(value):
            return decrypt(value)
        return value


class PiiModel(Model):
    """Keeps each encrypted field's blind index in step with it on every save.

    ``PII_FIELDS`` maps an encrypted field to (kind, hash field).
    """

    PII_FIELDS: ClassVar[dict[str, tuple[str, str]]] = {}

    class Meta:
        abstract = True

    async def save(
        self,
        using_db: BaseDBAsyncClient | None = None,
        update_fields: Iterable[str] | None = None,
        force_create: bool = False,
        force_update: bool = False,
    ) -> None:
        update_fields = list(update_fields) if update_fields is not None else None
        for name, (kind, hash_field) in self.PII_FIELDS.items():
            value = getattr(self, name)
            setattr(self, hash_field, blind_index(kind, value) if value else None)
            if update_fields is not None and name in update_fields:
                update_fields.append(hash_field)
        await super().save(using_db, update_fields, force_create, force_update)
