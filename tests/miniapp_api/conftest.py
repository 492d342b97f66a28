"""Factories for the mini-program API tests: listings, logged-in users, referral scenes."""

from __future__ import annotations

import dataclasses
import itertools
from decimal import Decimal

import pytest

from core.config import RateLimitsConfig
from models import Listing
from models.enums import DealType, ListingStatus, PropertyType, ReviewStatus
from tests.conftest import serving

_codes = itertools.count(1)


@pytest.fixture
def make_listing(resources):
    """``await make_listing(area=2000, status=ListingStatus.PAUSED)``: an approved, vacant factory for rent."""

    async def make(**overrides) -> Listing:
        values = dict(
            code=f"T{next(_codes)}",
            title="花桥单层厂房",
            property_type=PropertyType.FACTORY,
            deal_type=DealType.RENT,
            region="花桥",
            city="苏州",
            district="昆山",
            town="花桥",
            area=Decimal("2000"),
            rent=Decimal("28"),
            ceiling_height=Decimal("9"),
            features=["crane"],
            internal_notes="房东底价25",
            landlord_name="王房东",
            landlord_phone="13900000000",
            status=ListingStatus.VACANT,
            review_status=ReviewStatus.APPROVED,
        )
        values.update(overrides)
        return await Listing.create(**values)

    return make


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
