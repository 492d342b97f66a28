"""The back office in a real Chromium: signing in, then the pages a manager works with."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from services import staff_sessions
from tests.browser.conftest import screenshot_path
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


async def test_a_manager_filters_clients_edits_one_and_sees_the_audit_entry(
    open_page, resources, company, make_client, make_listing
):
    for name, owner, phone in (("华兴精密", "zhang", "13800000001"), ("东方电子", "li", "13800000002")):
        await make_client(company[owner], name, phone=phone, area_min=1800, area_max=2200, region="昆山")
    await make_listing(owner=company["zhang"], area=2000)
    page = await sign_in(open_page, resources, company["manager"])
    await page.get_by_role("link", name="客户").click()
    await page.wait_for_url("**/bo/clients")
    assert await page.locator("table.clients tbody tr").count() == 2
    await page.get_by_label("搜索").fill("华兴")
    await page.get_by_role("button", name="筛选").click()
    await page.wait_for_url("**/bo/clients?q=*")
    assert await page.locator("table.clients tbody tr").count() == 1
    await page.get_by_role("link", name="华兴精密").click()
    await page.wait_for_url("**/bo/clients/*")
    assert "13800000001" in await page.content()
    await page.screenshot(path=screenshot_path("backoffice-client-1440x900"))
    await page.get_by_role("link", name="修改").click()
    await page.get_by_label("联系人").fill("张总")
    await page.get_by_label("行业").fill("精密机械")
    await page.get_by_role("button", name="保存").click()
    await page.wait_for_url("**/bo/clients/*?saved=1")
    audit = page.locator("table.audit")
    assert "client.update" in await audit.inner_text() and "王经理" in await audit.inner_text()
    assert "张总" in await page.locator("dl.grid").inner_text()


async def test_the_client_page_reads_on_a_phone(open_page, resources, company, make_client):
    client = await make_client(company["zhang"], "华兴精密", phone="13800000001", area_min=1800, area_max=2200)
    page = await sign_in(open_page, resources, company["zhang"], size=PHONE)
    await page.goto("/bo/clients")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    await page.goto(f"/bo/clients/{client.id}")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await page.screenshot(path=screenshot_path("backoffice-client-390x844"), full_page=True)


async def test_a_manager_approves_a_listing_and_exports_clients(
    open_page, resources, company, make_listing, make_client
):
    from models import Listing
    from models.enums import ReviewStatus

    pending = await make_listing(owner=company["zhang"], review_status=ReviewStatus.PENDING)
    await make_client(company["zhang"], "华兴精密", phone="13800000001")
    page = await sign_in(open_page, resources, company["manager"])
    await page.get_by_role("link", name="审核").click()
    await page.get_by_label(f"选择{pending.code}").check()
    await page.get_by_role("button", name="通过选中").click()
    assert "已通过1套房源" in await page.content()
    assert (await Listing.get(id=pending.id)).review_status == ReviewStatus.APPROVED
    await page.goto("/bo/clients")
    async with page.expect_download() as download_info:
        await page.get_by_role("link", name="导出CSV").click()
    download = await download_info.value
    path = await download.path()
    text = open(path, encoding="utf-8-sig").read()
    assert "华兴精密" in text and "138****0001" in text
