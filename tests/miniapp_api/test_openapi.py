"""The OpenAPI document describes the API truthfully: a schemathesis run finds no 5xx and no mismatch."""

import asyncio

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 40


async def test_openapi_json_and_docs_are_served(http):
    document = (await http.get("/openapi.json")).json()
    assert document["openapi"].startswith("3.")
    assert "/api/mp/v1/listings" in document["paths"] and "/api/mp/v1/auth/login" in document["paths"]
    assert (await http.get("/docs")).status_code == 200


def _fuzz(document: dict, base_url: str, headers: dict[str, str], mode: GenerationMode) -> list[str]:
    """Runs in a thread: schemathesis calls the server synchronously while the test loop keeps serving it."""
    schema = schemathesis.openapi.from_dict(document)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            case.call_and_validate(base_url=base_url, headers={**headers, **(case.headers or {})}, checks=CHECKS)

        try:
            check()
        except Exception as exc:  # collect every operation's first failure
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    return failures


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
async def test_schemathesis_finds_no_server_error_and_no_schema_mismatch(
    mode, unlimited_server, resources, fake_wechat, make_listing
):
    for _ in range(3):
        await make_listing()
    async with httpx.AsyncClient(base_url=unlimited_server) as client:
        document = (await client.get("/openapi.json")).json()
        token = (await client.post("/api/mp/v1/auth/login", json={"code": "fuzzer"})).json()["token"]
    failures = await asyncio.to_thread(_fuzz, document, unlimited_server, {"Authorization": f"Bearer {token}"}, mode)
    assert failures == []
    if mode == GenerationMode.POSITIVE:  # valid logins reached WeChat: the run did call the API
        assert len(fake_wechat.calls("sns/jscode2session")) > EXAMPLES_PER_OPERATION // 2
