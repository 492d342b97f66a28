"""The mini-program API tests' servers (tiny and unlimited rate limits) and a fresh fake WeChat per test."""

from __future__ import annotations

import dataclasses

import pytest

from core.config import RateLimitsConfig
from tests.conftest import serving


@pytest.fixture(autouse=True)
def _fresh_fake_wechat(fake_wechat):
    """Login codes are single-use at the fake: start every test with a reset fake."""
    return fake_wechat


LOW_LIMITS = RateLimitsConfig(per_openid_per_min=3, per_ip_per_min=10, login_per_ip_per_min=5)
HIGH_LIMITS = RateLimitsConfig(per_openid_per_min=100_000, per_ip_per_min=100_000, login_per_ip_per_min=100_000)


@pytest.fixture(scope="session")
async def limited_server(session_resources):
    """The app with tiny rate limits (LOW_LIMITS)."""
    settings = dataclasses.replace(session_resources.settings, rate_limits=LOW_LIMITS)
    async with serving(settings, session_resources, "scrm_limited") as url:
        yield url


@pytest.fixture(scope="session")
async def unlimited_server(session_resources):
    """The app without practical rate limits, for fuzzing."""
    settings = dataclasses.replace(session_resources.settings, rate_limits=HIGH_LIMITS)
    async with serving(settings, session_resources, "scrm_unlimited") as url:
        yield url
