"""Factories for the media tests: a listing with an owner, stored-file stand-ins."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from models import Listing
from models.enums import DealType, ListingStatus, PropertyType, ReviewStatus
from services.media import StoredFiles

_codes = itertools.count(1)


@pytest.fixture
def make_listing(resources):
    """``await make_listing(owner=account)``: an approved, vacant factory for rent."""

    async def make(**overrides) -> Listing:
        values = dict(
            code=f"M{next(_codes)}",
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
            status=ListingStatus.VACANT,
            review_status=ReviewStatus.APPROVED,
        )
        values.update(overrides)
        return await Listing.create(**values)

    return make


def stored(name: str) -> StoredFiles:
    """What processing would have stored for a photo called ``name``."""
    return StoredFiles(
        content_type="image/jpeg",
        size_bytes=1000,
        original_key=f"l/{name}.jpg",
        original_url=f"https://cdn.example/l/{name}.jpg",
        web_key=f"l/{name}-w.jpg",
        web_url=f"https://cdn.example/l/{name}-w.jpg",
        thumb_key=f"l/{name}-t.jpg",
        thumb_url=f"https://cdn.example/l/{name}-t.jpg",
        width=4000,
        height=3000,
    )


from tests.miniapp_api.conftest import _fresh_fake_wechat  # noqa: E402,F401  (login codes are single-use at the fake)
