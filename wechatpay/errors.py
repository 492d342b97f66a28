"""What can go wrong talking to WeChat Pay, typed by what the caller must do next."""

from __future__ import annotations


class WeChatPayError(Exception):
    """WeChat Pay refused the request (4xx with a code): it was not carried out."""

    def __init__(self, code: str, message: str = "", *, status: int = 400) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code, self.message, self.status = code, message, status


class WeChatPayTransientError(WeChatPayError):
    """A timeout, a dropped connection, a 5xx or a rate limit: the outcome is unknown.

    Never re-send a transfer blind after this: query it by ``out_bill_no`` first.
    """


class TransferNotFound(WeChatPayError):
    """No transfer bill with that ``out_bill_no`` exists (it was never created)."""


class NotConfigured(WeChatPayError):
    """The merchant id, keys or certificates are not configured."""


class InvalidNotification(Exception):
    """A callback whose signature, timestamp or ciphertext does not check out."""
