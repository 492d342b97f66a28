"""The back office in a real Chromium: signing in, then the pages a manager works with."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from services import staff_sessions
from tests.factories import SALES

LAPTOP = {"viewport": {"width": 1440, "height": 900}, "locale": "zh-CN"}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "locale": "zh-CN"}


@pytest.fixture
async def open_page(chromium, server, resources, fake_wechat):
    """``await open_page(LAPTOP)``: a fresh browser context (its own cookies) against the test server."""
    contexts = []

    async def open_context(size: dict):
        context = await chromium.new_context(base_url=server, **size)
        contexts.append(context)
        return await context.new_page()

    yield open_context
    for context in contexts:
        await context.close()


async def sign_in(open_page, resources, account, size=LAPTOP):
    """A browser signed in as ``account`` through a one-time link, as from 登录后台 in chat."""
    url = await staff_sessions.issue_link(resources, account)
    page = await open_page(size)
    await page.goto(url.removeprefix(resources.settings.public_base_url))
    await page.get_by_role("button", name="进入后台").click()
    await page.wait_for_url("**/bo/")
    return page


async def test_a_one_time_link_signs_in(open_page, resources, team):
    page = await sign_in(open_page, resources, team["manager"])
    assert "王经理" in await page.locator(".who").inner_text()
    assert await page.locator("nav.menu a[aria-current]").inner_text() == "概览"


async def test_scanning_the_code_signs_the_page_in_without_reloading_by_hand(
    open_page, resources, team, fake_wechat, http, wx
):
    page = await open_page(LAPTOP)
    await page.goto("/bo/")
    await page.wait_for_url("**/bo/login?next=/bo/")
    src = await page.locator("img.qr").get_attribute("src")
    ticket = src.split("ticket=", 1)[1]
    scene = fake_wechat.tickets[unquote(ticket)]["scene"]
    await wx.event(http, SALES, "SCAN", event_key=scene)
    await page.locator("#login-state[data-state=scanned]").wait_for(timeout=8000)
    await wx.text(http, SALES, "确认登录")
    await page.wait_for_url("**/bo/", timeout=8000)
    assert "张三" in await page.locator(".who").inner_text()
