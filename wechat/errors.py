"""WeChat errcodes and the typed exceptions the client raises.

Each exception class tells a caller (e.g. the reminder worker) what to do:

- ``retryable``: try again later, with backoff;
- ``permanent``: give up on this request, the reason is in the exception;
- neither: pause the whole activity (quota used up), then resume.
"""

from __future__ import annotations

from enum import IntEnum


class WeChatErrorCode(IntEnum):
    SYSTEM_BUSY = -1
    INVALID_CREDENTIAL = 40001
    INVALID_OPENID = 40003
    INVALID_APPID = 40013
    INVALID_ACCESS_TOKEN = 40014
    INVALID_CODE = 40029
    INVALID_APPSECRET = 40125
    CODE_BEEN_USED = 40163
    IP_NOT_WHITELISTED = 40164
    INVALID_SCENE = 40169
    INVALID_PAGE = 41030
    ACCESS_TOKEN_EXPIRED = 42001
    REQUIRE_SUBSCRIBE = 43004
    USER_NOT_SUBSCRIBED = 43101
    API_DAILY_QUOTA = 45009
    API_FREQ_LIMIT = 45011
    OUT_OF_RESPONSE_TIME = 45015
    CUSTOM_MESSAGE_QUOTA = 45047
    INVALID_ARGUMENT = 47003
    API_UNAUTHORIZED = 48001


class WeChatError(Exception):
    """Any failure of a WeChat call. Unknown errcodes land here: give up."""

    retryable = False
    permanent = True

    def __init__(self, errcode: int | None, errmsg: str, endpoint: str) -> None:
        try:
            errcode = WeChatErrorCode(errcode) if errcode is not None else None
        except ValueError:
            pass
        self.errcode = errcode
        self.errmsg = errmsg
        self.endpoint = endpoint
        super().__init__(f"{endpoint}: {int(errcode) if errcode is not None else '-'} {errmsg}")


class TokenError(WeChatError):
    """The access token was refused even after one central refresh."""

    retryable = True
    permanent = False


class QuotaError(WeChatError):
    """Daily quota or rate limit: pause, do not hammer."""

    retryable = False
    permanent = False


class UserUnreachable(WeChatError):
    """This user cannot be messaged now (unfollowed, bad openid, no window)."""


class NotAuthorised(WeChatError):
    """Configuration error: bad appid/secret, API not granted, IP not whitelisted."""


class InvalidCode(WeChatError):
    """A mini-program login code that is invalid or already used."""


class InvalidArgument(WeChatError):
    """WeChat rejected the request's content (scene, page, template values)."""


class TransientError(WeChatError):
    """System busy, timeout, connection error, 5xx or garbage: retry later."""

    retryable = True
    permanent = False


_CLASSES: dict[int, type[WeChatError]] = {
    WeChatErrorCode.SYSTEM_BUSY: TransientError,
    WeChatErrorCode.INVALID_CREDENTIAL: TokenError,
    WeChatErrorCode.INVALID_ACCESS_TOKEN: TokenError,
    WeChatErrorCode.ACCESS_TOKEN_EXPIRED: TokenError,
    WeChatErrorCode.API_DAILY_QUOTA: QuotaError,
    WeChatErrorCode.API_FREQ_LIMIT: QuotaError,
    WeChatErrorCode.REQUIRE_SUBSCRIBE: UserUnreachable,
    WeChatErrorCode.INVALID_OPENID: UserUnreachable,
    WeChatErrorCode.USER_NOT_SUBSCRIBED: UserUnreachable,
    WeChatErrorCode.OUT_OF_RESPONSE_TIME: UserUnreachable,
    WeChatErrorCode.CUSTOM_MESSAGE_QUOTA: UserUnreachable,
    WeChatErrorCode.API_UNAUTHORIZED: NotAuthorised,
    WeChatErrorCode.INVALID_APPID: NotAuthorised,
    WeChatErrorCode.INVALID_APPSECRET: NotAuthorised,
    WeChatErrorCode.IP_NOT_WHITELISTED: NotAuthorised,
    WeChatErrorCode.INVALID_CODE: InvalidCode,
    WeChatErrorCode.CODE_BEEN_USED: InvalidCode,
    WeChatErrorCode.INVALID_ARGUMENT: InvalidArgument,
    WeChatErrorCode.INVALID_SCENE: InvalidArgument,
    WeChatErrorCode.INVALID_PAGE: InvalidArgument,
}


def error_from(errcode: int, errmsg: str, endpoint: str) -> WeChatError:
    """The typed exception for a WeChat errcode."""
    return _CLASSES.get(errcode, WeChatError)(errcode, errmsg, endpoint)
