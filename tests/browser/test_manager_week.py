"""The issue's "done when", walked in a real Chromium by a manager who has never seen the system: sign in by
scanning the code, read the team's week on the dashboard, fix a wrong client record, approve three listings
and export the month's leads, all from what the pages say."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from models import Client, Listing
from models.enums import ReviewStatus
from services import rollups
from tests.browser.conftest import screenshot_path
from tests.browser.test_backoffice import LAPTOP, open_page  # noqa: F401  (shared fixture)
from tests.factories import MANAGER


async def test_a_new_manager_signs_in_by_scanning_reads_the_week_fixes_a_client_approves_and_exports(
    open_page,  # noqa: F811
    resources,
    company,
    make_client,
    make_listing,
    fake_wechat,
    http,
    wx,
):
    wrong = await make_client(company["zhang"], "华兴精密", phone="13800000001", contact_name="李总")
    await make_client(company["li"], "东方电子", phone="13800000002")
    await make_client(company["qian"], "远大物流", phone="13800000003")  # another team's
    pending = [await make_listing(owner=company["zhang"], review_status=ReviewStatus.PENDING) for _ in range(3)]
    await rollups.refresh(resources, days=2)

    # sign in: the page shows the official account's code; scanning it and tapping 确认登录 signs the page in
    page = await open_page(LAPTOP)
    await page.goto("/bo/")
    await page.wait_for_url("**/bo/login?next=/bo/")
    assert "用微信扫一扫" in await page.content()
    ticket = (await page.locator("img.qr").get_attribute("src") or "").split("ticket=", 1)[1]
    asked = await wx.event(http, MANAGER, "SCAN", event_key=fake_wechat.tickets[unquote(ticket)]["scene"])
    assert "确认登录" in asked.text
    await wx.text(http, MANAGER, "确认登录")
    await page.wait_for_url(lambda url: "/login" not in url, timeout=8000)
    assert "王经理" in await page.locator(".who").inner_text()

    # the week: whose figures, which days, and every figure says how it is computed
    heading = await page.locator("h1").inner_text()
    assert "王经理团队" in heading and "（7天）" in heading
    await page.locator("[data-chart='funnel'][data-drawn='true'] canvas").wait_for(timeout=10000)
    tiles = await page.locator(".tile").all_inner_texts()
    assert any(t.startswith("新客户\n2") for t in tiles), tiles  # 华兴精密 and 东方电子, not the other team's
    notes = await page.evaluate(
        "Array.from(document.querySelectorAll('.kpi-head, .tile')).map(el => "
        "(el.querySelector('.how summary') || {}).title || '')"
    )
    assert notes and all(len(note) > 10 for note in notes)
    text = await page.locator("main").inner_text()
    for leftover in ("None", "null", "undefined", "NaN", "worker"):
        assert leftover not in text, leftover
    await page.screenshot(path=screenshot_path("manager-week-dashboard-1440x900"), full_page=True)

    # fix a wrong client record
    await page.get_by_role("link", name="客户").first.click()
    await page.wait_for_url("**/bo/clients")
    await page.get_by_role("link", name="华兴精密").click()
    await page.get_by_role("link", name="修改").click()
    await page.get_by_label("联系人").fill("张总")
    await page.get_by_role("button", name="保存").click()
    await page.wait_for_url("**/bo/clients/*?saved=1")
    assert (await Client.get(id=wrong.id)).contact_name == "张总"

    # approve three listings from the review queue
    await page.get_by_role("link", name="审核").click()
    for listing in pending:
        await page.get_by_label(f"选择{listing.code}").check()
    await page.get_by_role("button", name="通过选中").click()
    assert "已通过3套房源" in await page.content()
    assert await Listing.filter(review_status=ReviewStatus.APPROVED, id__in=[x.id for x in pending]).count() == 3

    # export the month's leads: entered from the first of this month to today
    today = datetime.now(ZoneInfo(resources.settings.timezone)).date()
    await page.get_by_role("link", name="客户").first.click()
    await page.get_by_label("录入从").fill(today.replace(day=1).isoformat())
    await page.get_by_label("录入到").fill(today.isoformat())
    await page.get_by_role("button", name="筛选").click()
    await page.wait_for_url("**/bo/clients?*since=*")
    async with page.expect_download() as download_info:
        await page.get_by_role("link", name="导出CSV").click()
    path = await (await download_info.value).path()
    rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8-sig").read())))
    assert rows[0][:2] == ["编号", "公司"] and {row[1] for row in rows[1:]} == {"华兴精密", "东方电子"}
