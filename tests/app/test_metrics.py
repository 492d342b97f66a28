"""GET /metrics: Prometheus text of every process's totals, for machines only."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from tests.factories import MANAGER


async def scrape(http, *, until: str, headers: dict | None = None) -> str:
    """The exposition once it shows ``until`` (counts are pipelined after each response, not awaited)."""
    for _ in range(50):
        response = await http.get("/metrics", headers=headers or {})
        assert response.status_code == 200, response.text
        if until in response.text:
            return response.text
        await asyncio.sleep(0.05)
    raise AssertionError(f"{until!r} never appeared in:\n{response.text}")


async def test_requests_are_counted_per_route_pattern_with_a_latency_histogram(http):
    for code in ("A1", "B2", "C3"):
        await http.get(f"/h5/listings/{code}")
    await http.get("/healthz")
    text = await scrape(http, until='scrm_http_requests_total{method="GET",route="/healthz",status="200"} 1')
    assert 'route="/h5/listings/<code:str>"' in text  # the route's pattern: three listings, one series
    assert "A1" not in text and "B2" not in text
    assert 'scrm_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 1' in text
    assert 'scrm_http_request_duration_seconds_count{method="GET",route="/healthz"} 1' in text
    assert "# TYPE scrm_http_request_duration_seconds histogram" in text
    assert 'scrm_queue_depth{queue="jobs"} 0' in text


async def test_chat_replies_are_counted_by_intent_and_the_not_understood_hint(http, wx, team):
    await wx.text(http, MANAGER, "帮助")
    await wx.text(http, MANAGER, "这句话 系统 完全 看不懂 吧")
    text = await scrape(http, until='scrm_chat_replies_total{intent="unknown"} 1')
    assert 'scrm_chat_replies_total{intent="help"} 1' in text


@pytest.fixture
def metrics_token(resources):
    settings = resources.settings
    resources.settings = replace(settings, metrics_token="scrape-secret")
    yield "scrape-secret"
    resources.settings = settings


async def test_with_a_token_configured_only_the_bearer_of_it_gets_in(http, metrics_token):
    assert (await http.get("/metrics")).status_code == 404
    assert (await http.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 404
    await scrape(http, until="scrm_queue_depth", headers={"Authorization": f"Bearer {metrics_token}"})


async def test_without_a_token_a_request_through_a_proxy_is_refused_even_from_this_host(http):
    assert (await http.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})).status_code == 404
    assert (await http.get("/metrics", headers={"X-Real-IP": "203.0.113.9"})).status_code == 404
    assert (await http.get("/metrics")).status_code == 200
