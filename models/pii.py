"""Personal data at rest: AES-GCM ciphertext plus a keyed hash for exact lookup.

Phones, WeChat ids and emails are stored only encrypted. Beside each one sits
an HMAC "blind index" so duplicates can be found with an indexed equality
query without decrypting anything. The key comes from PII_KEY and is set once
at start-up by ``configure``.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from collections.abc import Iterable
from typing import ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.fields import TextField
from tortoise.models import Model

_VERSION = b"\x01"
_keys: dict[str, bytes] = {}


class PiiKeyMissing(RuntimeError):
    """PII was read or written before the app configured PII_KEY."""


def configure(pii_key: bytes) -> None:
    if len(pii_key) != 32:
        raise ValueError("PII key must be 32 bytes")
    # Separate subkeys, so the lookup hash reveals nothing about the cipher key.
    _keys["enc"] = hmac.new(pii_key, b"scrm-pii-encrypt", hashlib.sha256).digest()
    _keys["idx"] = hmac.new(pii_key, b"scrm-pii-index", hashlib.sha256).digest()


def _key(name: str) -> bytes:
    try:
        return _keys[name]
    except KeyError:
        raise PiiKeyMissing("models.pii.configure() was not called") from None


def encrypt(plaintext: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_key("enc")).encrypt(nonce, plaintext.encode("utf-8"), None)
    return base64.b64encode(_VERSION + nonce + sealed).decode("ascii")


def decrypt(token: str) -> str:
    raw = base64.b64decode(token)
    if raw[:1] != _VERSION:
        raise ValueError("unknown PII ciphertext version")
    try:
        return AESGCM(_key("enc")).decrypt(raw[1:13], raw[13:], None).decode("utf-8")
    except InvalidTag:
        raise ValueError("PII ciphertext does not match PII_KEY") from None


def normalize(kind: str, value: str) -> str:
    """The canonical form that is hashed: phones as digits, the rest trimmed and lower-cased."""
    value = value.strip()
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits
    return value.lower()


def blind_index(kind: str, value: str) -> str:
    """Keyed hash of the normalized value; the same person's phone always hashes the same."""
    message = f"{kind}:{normalize(kind, value)}".encode()
    return hmac.new(_key("idx"), message, hashlib.sha256).hexdigest()


def mask_phone(phone: str) -> str:
    """``13812345678`` -> ``138****5678``; landlines keep their last four digits."""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 4, 0) + phone[-4:]


def mask_text(value: str) -> str:
    return value[:1] + "***" if value else value


class EncryptedField(TextField):
    """A text column holding ciphertext; Python code sees the plaintext."""

    def to_db_value(self, value, instance):
        return None if value is None else encrypt(str(value))

    def to_python_value(self, value):
        if value is None or not isinstance(value, str) or not value:
            return value
        try:
            return decrypt(value)
        except ValueError:
            # Already plaintext: a value set in Python and read back before saving.
            return value


class PiiModel(Model):
    """Keeps each encrypted field's blind index in step with it on every save.

    ``PII_FIELDS`` maps an encrypted field to (kind, hash field).
    """

    PII_FIELDS: ClassVar[dict[str, tuple[str, str]]] = {}

    class Meta:
        abstract = True

    async def save(self, using_db: BaseDBAsyncClient | None = None, update_fields: Iterable[str] | None = None,
                   force_create: bool = False, force_update: bool = False) -> None:
        update_fields = list(update_fields) if update_fields is not None else None
        for name, (kind, hash_field) in self.PII_FIELDS.items():
            value = getattr(self, name)
            setattr(self, hash_field, blind_index(kind, value) if value else None)
            if update_fields is not None and name in update_fields:
                update_fields.append(hash_field)
        await super().save(using_db, update_fields, force_create, force_update)
