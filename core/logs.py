"""Structured logs: one JSON object per line, no secrets, phones or message bodies."""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info and record.exc_info[0] is not None:
            entry["exc"] = _exception_without_values(record.exc_info[1])
        return json.dumps(entry, ensure_ascii=False)


def _exception_without_values(exc: BaseException | None) -> str:
    """Types and frames of an exception and its causes, not their messages: those can quote what a
    user typed (a phone number in a rejected value)."""
    parts = []
    while exc is not None:
        parts.append(
            f"{type(exc).__module__}.{type(exc).__qualname__}\n" + "".join(traceback.format_tb(exc.__traceback__))
        )
        exc = exc.__cause__ or exc.__context__
    return "\ncaused by ".join(parts)


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("sanic.access", "tortoise", "aiosqlite", "jieba", "httpx", "httpcore", "arq"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
