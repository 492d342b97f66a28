"""Everything that talks to WeChat's server API."""

from .client import WeChatAPI
from .errors import (
    InvalidArgument,
    InvalidCode,
    NotAuthorised,
    QuotaError,
    TokenError,
    TransientError,
    UserUnreachable,
    WeChatError,
    WeChatErrorCode,
    error_from,
)

__all__ = [
    "InvalidArgument",
    "InvalidCode",
    "NotAuthorised",
    "QuotaError",
    "TokenError",
    "TransientError",
    "UserUnreachable",
    "WeChatAPI",
    "WeChatError",
    "WeChatErrorCode",
    "error_from",
]
