"""WeChat's rules for the values of template messages (official account) and subscribe messages (mini-program).

A value's rules follow its key's type, the key without its number: ``thing3`` is a ``thing`` (at most 20
characters), ``character_string1`` at most 32 letters, digits and symbols, ``phrase2`` at most 5 Chinese
characters, ``name4`` at most 10 Chinese characters (or 20 letters), ``time5`` a 24-hour time with its date,
``date6`` a date, ``amount7`` a number of yuan. WeChat cuts a template value that is too long (the end is lost,
often the part that mattered) and refuses a subscribe message with one (47003); every value is one line.

Callers say which parts of a value may be shortened: ``("A12 ", Trim("花桥单层厂房 3000㎡"), " 张三")`` keeps the
listing code and the salesperson and trims the title (``A12 花桥单层…  张三``). ``fit`` shortens the longest
trimmable part first, marks each cut with ``…``, and cuts the whole value only when the kept parts alone are too long.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

LIMITS = {
    "thing": 20,
    "character_string": 32,
    "number": 32,
    "letter": 32,
    "symbol": 5,
    "phrase": 5,
    "name": 10,
    "car_number": 8,
    "phone_number": 17,
}
DEFAULT_LIMIT = 20
"""Any other type (and the official account's own keywords): since May 2023 a value shows at most 20 characters."""
NAME_LETTERS_LIMIT = 20
ELLIPSIS = "…"
EMPTY = "-"
"""WeChat refuses an empty value."""

_LINE_BREAKS = re.compile(r"\s*[\r\n\t]+\s*")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")
_NOT_ASCII_PRINTABLE = re.compile(r"[^\x21-\x7e]")
_ASCII_LETTERS = re.compile(r"[A-Za-z ]+")


@dataclass(frozen=True)
class Trim:
    """A part of a value that may be shortened (a title, a note, a company name) when the value is too long."""

    text: str


Part = str | Trim
Value = str | Trim | int | Decimal | datetime | date | Sequence[Part] | None


def key_type(key: str) -> str:
    """``thing12`` -> ``thing``."""
    return key.rstrip("0123456789")


def fit(key: str, value: Value) -> str:
    """``value`` as WeChat accepts it under ``key``: one line, in the type's format, within its length."""
    kind = key_type(key)
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime):
        return value.strftime("%Y年%m月%d日" if kind == "date" else "%Y年%m月%d日 %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y年%m月%d日")
    if isinstance(value, Decimal | int):
        return f"{Decimal(value):.2f}元" if kind == "amount" else str(value)
    parts: list[Part] = [value] if isinstance(value, str | Trim) else list(value)
    parts = [_one_line(p) for p in parts]
    if kind == "phrase":  # Chinese characters only
        parts = [_NOT_CJK.sub("", p) if isinstance(p, str) else Trim(_NOT_CJK.sub("", p.text)) for p in parts]
    elif kind in ("character_string", "number", "letter", "symbol"):  # no Chinese, no spaces
        parts = [
            _NOT_ASCII_PRINTABLE.sub("", p) if isinstance(p, str) else Trim(_NOT_ASCII_PRINTABLE.sub("", p.text))
            for p in parts
        ]
    limit = LIMITS.get(kind, DEFAULT_LIMIT)
    if kind == "name" and _ASCII_LETTERS.fullmatch(_joined(parts)):
        limit = NAME_LETTERS_LIMIT
    return shorten(parts, limit) or EMPTY


def data(values: Mapping[str, Value]) -> dict[str, str]:
    """Every key's value fitted to its type."""
    return {key: fit(key, value) for key, value in values.items()}


def shorten(parts: Sequence[Part], limit: int) -> str:
    """The parts joined in at most ``limit`` characters: the longest ``Trim`` shortened first, each cut marked
    with ``…``; a ``Trim`` that cannot keep a character is left out; the kept parts are cut last."""
    kept = [len(p.text) if isinstance(p, Trim) else len(p) for p in parts]
    """Characters kept of each part (before its ``…``)."""

    def rendered(i: int) -> str:
        part = parts[i]
        if isinstance(part, str):
            return part
        if kept[i] >= len(part.text):
            return part.text
        return part.text[: kept[i]] + ELLIPSIS if kept[i] else ""

    def total() -> int:
        return sum(len(rendered(i)) for i in range(len(parts)))

    trimmable = [i for i, p in enumerate(parts) if isinstance(p, Trim)]
    while total() > limit:
        shrinking = [i for i in trimmable if kept[i] > 0]
        if not shrinking:
            break
        longest = max(shrinking, key=lambda i: (len(rendered(i)), i))
        kept[longest] -= 1
    text = "".join(rendered(i) for i in range(len(parts))).strip()
    text = re.sub(r"\s{2,}", " ", text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + ELLIPSIS
    return text


def _one_line(part: Part) -> Part:
    if isinstance(part, Trim):
        return Trim(_LINE_BREAKS.sub(" ", part.text).strip())
    return _LINE_BREAKS.sub(" ", part)


def _joined(parts: Sequence[Part]) -> str:
    return "".join(p.text if isinstance(p, Trim) else p for p in parts)
