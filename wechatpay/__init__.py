"""WeChat Pay API v3: the only code that talks to WeChat Pay (merchant transfers for commission withdrawals)."""

from .client import WeChatPay
from .errors import InvalidNotification, NotConfigured, TransferNotFound, WeChatPayError, WeChatPayTransientError
from .signing import decrypt_resource, encrypt_sensitive, sign, signature_message, verify

__all__ = [
    "InvalidNotification",
    "NotConfigured",
    "TransferNotFound",
    "WeChatPay",
    "WeChatPayError",
    "WeChatPayTransientError",
    "decrypt_resource",
    "encrypt_sensitive",
    "sign",
    "signature_message",
    "verify",
]
