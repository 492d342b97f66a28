"""Request validation and the OpenAPI document, from one table of JSON schemas.

Each operation of the mini-program API is declared once (``operation``):
its body and query schemas validate requests, and the same schemas make up
/openapi.json. Validation is strict: wrong types, out-of-range values and
unknown body fields are a 400 with ``fields`` naming each bad field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from services.errors import AppError, NotFound
from services.listings_public import MAX_ID

PREFIX = "/api/mp/v1"
TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_TEXT = re.compile(TEXT)
_INTEGER = re.compile(r"-?\d{1,12}")

OPERATIONS: list[Operation] = []


@dataclass
class Operation:
    method: str
    path: str
    summary: str
    responses: dict[int, dict | None]
    body: dict | None = None
    query: dict[str, dict] = field(default_factory=dict)
    path_params: dict[str, dict] = field(default_factory=dict)
    public: bool = False


def operation(method: str, path: str, summary: str, *, responses: dict[int, dict | None], body: dict | None = None,
              query: dict[str, dict] | None = None, path_params: dict[str, dict] | None = None,
              public: bool = False) -> Operation:
    op = Operation(method, path, summary, responses, body, query or {}, path_params or {}, public)
    OPERATIONS.append(op)
    return op


# ---- schema helpers -------------------------------------------------------------------------------

def text(max_length: int, *, min_length: int = 1, **extra: Any) -> dict:
    return {"type": "string", "minLength": min_length, "maxLength": max_length, "pattern": TEXT, **extra}


def obj(properties: dict[str, dict], required: tuple[str, ...] = (), *, closed: bool = True) -> dict:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    if closed:
        schema["additionalProperties"] = False
    return schema


def nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
DECIMAL = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "a decimal number as a string"}
ERROR = obj({"error": obj({"code": {"type": "string"}, "message": {"type": "string"},
                           "fields": {"type": "object", "additionalProperties": {"type": "string"}}},
                          ("code", "message"))}, ("error",))


# ---- validation -----------------------------------------------------------------------------------

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
    if not isinstance(data, dict):
        raise AppError("request body must be a JSON object")
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
        raise AppError("invalid request body", fields=errors)
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
        raise AppError("invalid query parameters", fields=errors)
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
        raise NotFound("listing not found")
    return value


# ---- the OpenAPI document -------------------------------------------------------------------------

_REASONS = {200: "OK", 201: "Created", 204: "No content", 400: "Invalid input", 401: "Missing or bad bearer token",
            403: "Forbidden", 404: "Not found", 409: "Conflict", 429: "Too many requests (see Retry-After)",
            503: "WeChat is unavailable; try again"}


def openapi(*, server_url: str = "") -> dict[str, Any]:
    paths: dict[str, dict] = {}
    for op in OPERATIONS:
        responses: dict[str, Any] = {}
        codes = {**op.responses, 400: ERROR, 429: ERROR, **({} if op.public else {401: ERROR})}
        for status, schema in sorted(codes.items()):
            entry: dict[str, Any] = {"description": _REASONS.get(status, "")}
            if schema is not None:
                entry["content"] = {"application/json": {"schema": schema}}
            if status == 429:
                entry["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds"}}
            responses[str(status)] = entry
        spec: dict[str, Any] = {"summary": op.summary, "operationId": f"{op.method}_{op.path}", "responses": responses}
        parameters = [{"name": n, "in": "path", "required": True, "schema": s} for n, s in op.path_params.items()]
        for name, schema in op.query.items():
            param = {"name": name, "in": "query", "required": False, "schema": schema}
            if schema.get("type") == "array":
                param.update(style="form", explode=False)
            parameters.append(param)
        if parameters:
            spec["parameters"] = parameters
        if op.body is not None:
            spec["requestBody"] = {"required": True, "content": {"application/json": {"schema": op.body}}}
        if op.public:
            spec["security"] = []
        paths.setdefault(PREFIX + op.path, {})[op.method] = spec
    return {
        "openapi": "3.0.3",
        "info": {"title": "SCRM mini-program API", "version": "1",
                 "description": "Every endpoint except POST /auth/login needs `Authorization: Bearer <token>`. "
                                "Errors are {\"error\": {\"code\", \"message\", \"fields\"?}}. Unknown body fields "
                                "are rejected with 400; unknown query parameters are ignored."},
        "servers": [{"url": server_url}] if server_url else [],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "paths": paths,
    }
