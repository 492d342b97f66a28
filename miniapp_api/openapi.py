"""The OpenAPI 3.0 document of the mini-program API, written from the declared operations."""

from __future__ import annotations

from typing import Any

from miniapp_api.schema import ERROR, OPERATIONS, PREFIX

_REASONS = {
    200: "OK",
    201: "Created",
    204: "No content",
    400: "Invalid input",
    401: "Missing or bad bearer token",
    403: "Forbidden",
    404: "Not found",
    409: "Conflict",
    429: "Too many requests (see Retry-After)",
    503: "WeChat is unavailable; try again",
}


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
        "info": {
            "title": "SCRM mini-program API",
            "version": "1",
            "description": "Every endpoint except POST /auth/login needs `Authorization: Bearer <token>`. "
            'Errors are {"error": {"code", "message", "fields"?}}. Unknown body fields '
            "are rejected with 400; unknown query parameters are ignored.",
        },
        "servers": [{"url": server_url}] if server_url else [],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "paths": paths,
    }
