"""Request validation against the declared schemas (``miniapp_api.schema``).

Strict: wrong types, out-of-range values and unknown body fields are a 400 with ``fields`` naming each bad
field; query parameters arrive as text and are parsed by their schema first. Only the JSON-schema subset the
declarations use is supported (string, integer, number, array; lengths, ranges, patterns, enums, date-time).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from miniapp_api.schema import TEXT, Operation
from services.errors import InvalidRequest, ListingNotFound
from services.listings_public import MAX_ID

_INTEGER = re.compile(r"-?\d{1,12}")


class _Invalid(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _check(schema: dict, value: Any) -> Any:
    if value is None:
        if schema.get("nullable"):
            return None
        raise _Invalid("must not be null")
    kind = schema.get("type")
    if kind == "string":
        if not isinstance(value, str):
            raise _Invalid("must be a string")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _Invalid("must be valid text") from None
        if len(value) < schema.get("minLength", 0):
            raise _Invalid("must not be empty" if not value else f"must be at least {schema['minLength']} characters")
        if len(value) > schema.get("maxLength", 10_000):
            raise _Invalid(f"must be at most {schema.get('maxLength', 10_000)} characters")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise _Invalid("has characters that are not allowed" if schema["pattern"] == TEXT else "has a wrong format")
        if "enum" in schema and value not in schema["enum"]:
            raise _Invalid(f"must be one of {', '.join(schema['enum'])}")
        if schema.get("format") == "date-time":
            return _datetime(value)
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid("must be an integer")
        _range(schema, value)
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise _Invalid("must be a number")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise _Invalid("must be a number") from None
        if not number.is_finite():
            raise _Invalid("must be a finite number")
        _range(schema, number)
        return number
    if kind == "array":
        if not isinstance(value, list):
            raise _Invalid("must be a list")
        if len(value) > schema.get("maxItems", 100):
            raise _Invalid(f"must have at most {schema.get('maxItems', 100)} items")
        return [_check(schema["items"], item) for item in value]
    raise AssertionError(f"unsupported schema type {kind}")


def _range(schema: dict, value: int | Decimal) -> None:
    if "minimum" in schema and value < schema["minimum"]:
        raise _Invalid(f"must be at least {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        raise _Invalid(f"must be at most {schema['maximum']}")


def _datetime(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _Invalid("must be an ISO 8601 date-time with time zone, e.g. 2026-12-01T14:00:00+08:00") from None
    if parsed.tzinfo is None:
        raise _Invalid("must include a time zone offset, e.g. +08:00")
    if not 2000 <= parsed.year <= 2100:
        raise _Invalid("is out of range")
    return parsed


def validate_body(op: Operation, data: Any) -> dict[str, Any]:
    """The body as declared (date-times parsed), or AppError 400 naming every bad field."""
    schema = op.body
    if schema is None:
        raise TypeError(f"{op.method} {op.path} declares no body")
    if not isinstance(data, dict):
        raise InvalidRequest("request body must be a JSON object", {"body": "not an object"})
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name in data:
        if name not in schema["properties"]:
            errors[str(name)[:64]] = "unknown field"
    for name in schema.get("required", ()):
        if name not in data:
            errors[name] = "is required"
    for name, spec in schema["properties"].items():
        if name in data:
            try:
                out[name] = _check(spec, data[name])
            except _Invalid as exc:
                errors[name] = exc.reason
    if errors:
        raise InvalidRequest("invalid request body", errors)
    return out


def validate_query(op: Operation, args) -> dict[str, Any]:
    """Query parameters (a Sanic RequestParameters) parsed by their schemas; unknown ones are ignored."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    for name, schema in op.query.items():
        raw = args.get(name)
        if not raw:
            continue
        try:
            out[name] = _check(schema, _from_text(schema, raw))
        except _Invalid as exc:
            errors[name] = exc.reason
    if errors:
        raise InvalidRequest("invalid query parameters", errors)
    return out


def _from_text(schema: dict, raw: str) -> Any:
    kind = schema.get("type")
    if kind == "integer":
        if not _INTEGER.fullmatch(raw.strip()):
            raise _Invalid("must be an integer")
        return int(raw)
    if kind == "number":
        try:
            number = Decimal(raw.strip())
        except InvalidOperation:
            raise _Invalid("must be a number") from None
        if not number.is_finite():
            raise _Invalid("must be a finite number")
        return number
    if kind == "array":
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def check_id(value: int) -> int:
    """Path ids beyond the id range cannot exist: a 404, like any unknown id."""
    if not 1 <= value <= MAX_ID:
        raise ListingNotFound(str(value))
    return value
