"""Factories for the H5 tests: listings with a gallery, a salesperson, browsers inside and outside WeChat."""

from __future__ import annotations

import itertools
from decimal import Decimal

import httpx
import pytest

from h5 import content
from models import Listing, ListingMedia
from models.enums import DealType, ListingStatus, MediaKind, PropertyType, ReviewStatus, Role
from services import tracking

_codes = itertools.count(1)
PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
WECHAT_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN"
)
GALLERY = (
    (MediaKind.PHOTO, "/media/t/1.jpg"),
    (MediaKind.PHOTO, "/media/t/2.jpg"),
    (MediaKind.VIDEO, "/media/t/v.mp4"),
    (MediaKind.PANORAMA, "/media/t/pano.jpg"),
)


@pytest.fixture(autouse=True)
async def _fresh_caches(fake_wechat, session_resources, settings):
    """No page content or ticket from an earlier test, and no batch of its events still being written."""
    await tracking.flush(session_resources.redis, settings=settings)
    content.clear_cache()
    session_resources.wechat.jsapi.forget()
    return fake_wechat


@pytest.fixture
def make_listing(resources):
    """``await make_listing(status=ListingStatus.PAUSED)``: an approved, vacant factory for rent with a gallery."""

    async def make(**overrides) -> Listing:
        values = dict(
            code=f"H{next(_codes)}",
            title="花桥单层厂房带行车",
            property_type=PropertyType.FACTORY,
            deal_type=DealType.RENT,
            region="花桥",
            city="苏州",
            district="昆山",
            town="花桥",
            address="昆山市花桥镇绿地大道88号",
            latitude=Decimal("31.301234"),
            longitude=Decimal("121.101234"),
            area=Decimal("2000"),
            rent=Decimal("28"),
            ceiling_height=Decimal("9"),
            floor_load=Decimal("3"),
            power_kva=Decimal("400"),
            fire_rating="丙二类",
            land_use="工业",
            property_cert=True,
            sewage=False,
            single_storey=True,
            features=["crane"],
            park_facilities="食堂、宿舍",
            transport="距沪渝高速5分钟",
            internal_notes="房东底价25",
            landlord_name="王房东",
            landlord_phone="13900000000",
            status=ListingStatus.VACANT,
            review_status=ReviewStatus.APPROVED,
        )
        values.update(overrides)
        listing = await Listing.create(**values)
        for position, (kind, url) in enumerate(GALLERY, start=1):
            image = kind != MediaKind.VIDEO
            await ListingMedia.create(
                listing=listing,
                kind=kind,
                position=position,
                is_cover=position == 1,
                original_url=url,
                web_url=url if image else None,
            )
        return listing

    return make


@pytest.fixture
async def sales(resources, make_staff):
    account = await make_staff("李顾问", Role.SALES)
    account.phone = "13700001111"
    await account.save()
    return account


@pytest.fixture
async def browser(server, resources):
    """An HTTP client that keeps cookies like a phone browser (outside WeChat)."""
    async with httpx.AsyncClient(base_url=server, timeout=10, headers={"User-Agent": PHONE_UA}) as client:
        yield client


@pytest.fixture
def new_browser(server, resources):
    """``async with new_browser(wechat=True) as b``: another visitor with their own cookies."""

    def make(*, wechat: bool = False) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=server, timeout=10, headers={"User-Agent": WECHAT_UA if wechat else PHONE_UA})

    return make


@pytest.fixture
def flush(resources, settings):
    """``await flush()``: write the queued tracking events now."""

    async def do() -> int:
        return await tracking.flush(resources.redis, settings=settings)

    return do
