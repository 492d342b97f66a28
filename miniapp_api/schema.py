"""The mini-program API's operations, declared once as JSON schemas (OpenAPI 3.0 dialect).

Each endpoint declares its ``operation(...)`` once, beside its handler; the same schemas validate requests
(``miniapp_api.validation``) and make up /openapi.json (``miniapp_api.openapi``). Kept as plain JSON schemas
rather than pydantic models: they are the published contract, which schemathesis checks the API against
(tests/miniapp_api/test_openapi.py), and the validator needs only the small subset they use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from services.listings_public import MAX_ID

PREFIX = "/api/mp/v1"
TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"

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


def operation(
    method: str,
    path: str,
    summary: str,
    *,
    responses: dict[int, dict | None],
    body: dict | None = None,
    query: dict[str, dict] | None = None,
    path_params: dict[str, dict] | None = None,
    public: bool = False,
) -> Operation:
    op = Operation(method, path, summary, responses, body, query or {}, path_params or {}, public)
    OPERATIONS.append(op)
    return op


# ---- schema helpers -------------------------------------------------------------------------------


def text(max_length: int, *, min_length: int = 1, **extra: Any) -> dict:
    return {"type": "string", "minLength": min_length, "maxLength": max_length, "pattern": TEXT, **extra}


def obj(properties: Mapping[str, object], required: tuple[str, ...] = (), *, closed: bool = True) -> dict:
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
ERROR = obj(
    {
        "error": obj(
            {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
            ("code", "message"),
        )
    },
    ("error",),
)
