"""The listing page in a real phone-sized Chromium: gallery, panorama, consultation, sharing, dwell."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageDraw

from models import Client, TrackEvent
from models.enums import EventKind
from tests.browser.conftest import screenshot_path


@pytest.fixture
def gallery_files(settings):
    """The images the test listing's gallery points at, in the media directory the app serves."""
    folder = Path(settings.media_dir) / "t"
    folder.mkdir(parents=True, exist_ok=True)
    for name, size, colours in (
        ("1.jpg", (800, 600), ((40, 90, 160), (200, 210, 220))),
        ("2.jpg", (800, 600), ((120, 120, 120), (230, 230, 230))),
        ("pano.jpg", (2048, 1024), ((30, 60, 120), (240, 200, 140))),
    ):
        image = Image.new("RGB", size, colours[0])
        draw = ImageDraw.Draw(image)
        for x in range(0, size[0], 64):  # columns, so a panorama visibly turns
            draw.rectangle([x, size[1] // 2, x + 30, size[1]], fill=colours[1])
        image.save(folder / name, quality=80)
    return folder


async def wait_for(predicate, timeout: float = 5.0):
    for _ in range(int(timeout / 0.1)):
        if result := await predicate():
            return result
        await asyncio.sleep(0.1)
    raise AssertionError("condition not met in time")


async def test_the_page_renders_on_a_phone_with_its_gallery(phone, make_listing, sales, gallery_files):
    listing = await make_listing(owner=sales)
    page = await phone()
    response = await page.goto(f"/h5/listings/{listing.code}")
    assert response.status == 200
    assert await page.locator(".slide").count() == 4
    first = page.locator(".slide img").first
    assert await first.evaluate("img => img.complete && img.naturalWidth") == 800
    assert await page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the phone
    assert await page.locator("h1").inner_text() == listing.title
    assert await page.locator("a[href^='tel:']").first.is_visible()
    await page.locator("#gallery").evaluate("g => g.scrollTo({left: g.clientWidth})")
    await wait_for(lambda: page.locator("#gallery-index").inner_text(), 3)
    await page.screenshot(path=screenshot_path("listing-top"))
    await page.screenshot(path=screenshot_path("listing-full"), full_page=True)


async def test_the_panorama_viewer_initialises(phone, make_listing, gallery_files):
    listing = await make_listing()
    page = await phone()
    await page.goto(f"/h5/listings/{listing.code}")
    await page.locator("#pano").scroll_into_view_if_needed()
    await wait_for(lambda: page.evaluate("!!(window.h5 && window.h5.pano)"))
    assert await page.locator("#pano .pnlm-render-container").count() == 1
    await wait_for(lambda: page.evaluate("window.h5.panoLoaded === true"), 10)
    assert await page.locator("#pano .pnlm-render-container canvas").count() == 1
    await page.locator("#pano").screenshot(path=screenshot_path("panorama"))


async def test_the_consultation_form_creates_a_lead(phone, make_listing, sales, flush):
    listing = await make_listing(owner=sales)
    page = await phone()
    await page.goto(f"/h5/listings/{listing.code}")
    await page.fill("#consult-form input[name=phone]", "123")
    await page.click("#consult-form button[type=submit]")
    assert await page.locator("#consult-result.error").inner_text() == "请填写正确的手机号"
    await page.fill("#consult-form input[name=phone]", "13800001234")
    await page.fill("#consult-form input[name=name]", "王先生")
    await page.fill("#consult-form textarea[name=need]", "想租2000平，下月入驻")
    await page.click("#consult-form button[type=submit]")
    await page.locator("#consult-result.ok").wait_for(timeout=5000)
    await page.locator("#consult").screenshot(path=screenshot_path("consultation-done"))
    client = await Client.get(contact_name="王先生")
    assert client.owner_id == sales.id
    await flush()
    assert await TrackEvent.filter(kind=EventKind.CONSULT, value=client.id).exists()


async def test_a_second_visit_through_a_shared_link_is_a_child(phone, make_listing, sales, flush):
    listing = await make_listing(owner=sales)
    sharer = await phone()
    await sharer.goto(f"/h5/listings/{listing.code}?s=s{sales.id}&c=chat")
    config = await sharer.evaluate("window.h5.config")
    link = urlsplit(config["share"]["link"])
    friend = await phone()
    await friend.goto(f"{link.path}?{link.query}")
    child_token = await friend.evaluate("window.h5.config.token")
    await flush()
    child = await TrackEvent.get(token=child_token, kind=EventKind.VIEW)
    assert child.parent_token == config["token"] and child.channel == "share" and child.sharer_id == sales.id


async def test_dwell_beacons_arrive_when_the_reader_leaves(phone, make_listing, flush):
    listing = await make_listing()
    page = await phone()
    await page.goto(f"/h5/listings/{listing.code}")
    token = await page.evaluate("window.h5.config.token")
    await page.locator(".slide img").first.click()
    await asyncio.sleep(1.2)
    await page.goto("/h5/static/h5.css")  # leaving the page: pagehide sends the last beacon
    await asyncio.sleep(0.3)

    async def dwell():
        await flush()
        return await TrackEvent.filter(token=token, kind=EventKind.DWELL).first()

    row = await wait_for(dwell)
    assert 1000 <= row.value <= 5000
    assert await TrackEvent.filter(token=token, kind=EventKind.CLICK, target="photo").exists()
