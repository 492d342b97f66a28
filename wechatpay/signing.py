"""API v3 cryptography: request signatures (RSA-SHA256 with the merchant key), response and callback
verification (the platform public key), callback decryption (AEAD_AES_256_GCM under the APIv3 key) and
encryption of sensitive fields such as the payee's real name (RSA-OAEP with the platform public key).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import InvalidNotification


def load_private_key(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the merchant private key must be an RSA key")
    return key


def load_public_key(pem: bytes) -> rsa.RSAPublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("the WeChat Pay public key must be an RSA key")
    return key


def signature_message(*parts: str) -> bytes:
    """Each part followed by a newline: ``METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n`` for requests,
    ``TIMESTAMP\\nNONCE\\nBODY\\n`` for responses and callbacks."""
    return "".join(f"{part}\n" for part in parts).encode("utf-8")


def sign(private_key: rsa.RSAPrivateKey, message: bytes) -> str:
    return base64.b64encode(private_key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode("ascii")


def verify(public_key: rsa.RSAPublicKey, message: bytes, signature: str) -> bool:
    try:
        public_key.verify(base64.b64decode(signature), message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def authorization(
    private_key: rsa.RSAPrivateKey,
    *,
    mchid: str,
    serial_no: str,
    method: str,
    path: str,
    body: str,
    timestamp: str,
    nonce: str,
) -> str:
    signature = sign(private_key, signature_message(method, path, timestamp, nonce, body))
    return (
        f'WECHATPAY2-SHA256-RSA2048 mchid="{mchid}",nonce_str="{nonce}",signature="{signature}",'
        f'timestamp="{timestamp}",serial_no="{serial_no}"'
    )


def decrypt_resource(apiv3_key: bytes, resource: dict[str, Any]) -> dict[str, Any]:
    """The plaintext JSON of a callback's ``resource``."""
    if resource.get("algorithm") != "AEAD_AES_256_GCM":
        raise InvalidNotification(f"unsupported algorithm {resource.get('algorithm')!r}")
    try:
        plain = AESGCM(apiv3_key).decrypt(
            resource["nonce"].encode("utf-8"),
            base64.b64decode(resource["ciphertext"]),
            (resource.get("associated_data") or "").encode("utf-8") or None,
        )
        return json.loads(plain)
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise InvalidNotification("the resource does not decrypt under the APIv3 key") from None


def encrypt_resource(apiv3_key: bytes, plain: dict[str, Any], *, nonce: str, associated_data: str) -> dict[str, Any]:
    """What WeChat Pay does to a callback's resource (used by the test fake)."""
    sealed = AESGCM(apiv3_key).encrypt(
        nonce.encode("utf-8"), json.dumps(plain).encode("utf-8"), associated_data.encode("utf-8")
    )
    return {
        "algorithm": "AEAD_AES_256_GCM",
        "ciphertext": base64.b64encode(sealed).decode("ascii"),
        "associated_data": associated_data,
        "nonce": nonce,
        "original_type": "mch_payment",
    }


def encrypt_sensitive(public_key: rsa.RSAPublicKey, text: str) -> str:
    """A sensitive field (``user_name``) as WeChat Pay wants it: RSA-OAEP (SHA-1) under the platform key."""
    sealed = public_key.encrypt(
        text.encode("utf-8"), padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
    )
    return base64.b64encode(sealed).decode("ascii")


def decrypt_sensitive(private_key: rsa.RSAPrivateKey, text: str) -> str:
    """The inverse of ``encrypt_sensitive`` (used by the test fake, which holds the platform key)."""
    return private_key.decrypt(
        base64.b64decode(text), padding.OAEP(mgf=padding.MGF1(hashes.SHA1()), algorithm=hashes.SHA1(), label=None)
    ).decode()
