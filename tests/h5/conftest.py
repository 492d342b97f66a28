"""The H5 tests' listings (with what a page shows and a gallery), a salesperson, browsers inside and outside WeChat."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from h5 import content
from models import Listing
from models.enums import MediaKind, Role
from services import tracking

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
PAGE_FACTS = dict(
    title="花桥单层厂房带行车",
    address="昆山市花桥镇绿地大道88号",
    latitude=Decimal("31.301234"),
    longitude=Decimal("121.101234"),
    rent=Decimal("28"),
    power_kva=Decimal("400"),
    fire_rating="丙二类",
    land_use="工业",
    property_cert=True,
    sewage=False,
    features=["crane"],
    park_facilities="食堂、宿舍",
    transport="距沪渝高速5分钟",
    internal_notes="房东底价25",
    landlord_name="王房东",
    landlord_phone="13900000000",
)
"""What a listing page shows beyond the shared factory's defaults (and the internal facts it must not show)."""


@pytest.fixture(autouse=True)
async def _fresh_caches(fake_wechat, session_resources, settings):
    """No page content or ticket from an earlier test, and no batch of its events still being written."""
    await tracking.flush(session_resources.redis, settings=settings)
    content.clear_cache()
    session_resources.wechat.jsapi.forget()
    return fake_wechat


@pytest.fixture
def make_listing(make_listing):
    """The shared factory with what a listing page shows: address, location, the park's facts and a gallery."""

    async def make(**overrides) -> Listing:
        return await make_listing(**{**PAGE_FACTS, "gallery": GALLERY, **overrides})

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
