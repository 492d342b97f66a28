"""The dashboard in a real Chromium: every chart drawn, on a laptop and a phone; screenshots in tests/artifacts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from models import Client, IntentDaily, StageChange, TrackEvent
from models.enums import EventKind, Source, Stage
from services import rollups
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_backoffice import LAPTOP, PHONE, open_page, sign_in  # noqa: F401  (shared fixture)


@pytest.fixture
async def week(team, make_listing, resources):
    """A week of the team: clients at every step, a forwarded listing, chat use; rolled up as the worker does."""
    now = datetime.now(timezone.utc)
    listing = await make_listing(owner=team["zhang"])
    for n, (owner, source) in enumerate([(team["zhang"], Source.DOUYIN), (team["li"], Source.REFERRAL)] * 4):
        client = await Client.create(company=f"客户{n}", company_norm=f"客户{n}", owner=owner, source=source,
                                     next_followup_at=now - timedelta(hours=n))  # fmt: skip
        for stage in (Stage.VIEWING, Stage.NEGOTIATING, Stage.WON)[: n % 4]:
            await StageChange.create(client=client, to_stage=stage)
    views = [("r0", None, "v-root")] + [(f"c{i}", "r0" if i < 3 else f"c{i - 3}", f"v-{i}") for i in range(8)]
    await TrackEvent.bulk_create(
        [
            TrackEvent(
                kind=EventKind.VIEW,
                token=token,
                parent_token=parent,
                visitor=visitor,
                listing_id=listing.id,
                sharer_id=team["zhang"].id,
                channel="share" if parent else "chat",
                happened_at=now - timedelta(minutes=30 - i),
            )
            for i, (token, parent, visitor) in enumerate(views)
        ]
    )
    await rollups.refresh(resources, days=2)
    yesterday = (now - timedelta(days=1)).date()
    await IntentDaily.bulk_create(
        [
            IntentDaily(day=yesterday, intent=intent, replies=n)
            for intent, n in (("log_followup", 12), ("search_listings", 5))
        ]
    )
    return team


async def test_the_dashboard_draws_every_chart_on_a_laptop_and_a_phone(open_page, resources, week):  # noqa: F811
    for size, name in ((LAPTOP, "dashboard-1440x900.png"), (PHONE, "dashboard-390x844.png")):
        page = await sign_in(open_page, resources, week["manager"], size)
        charts = page.locator("[data-chart]")
        await page.locator("[data-chart='funnel'][data-drawn='true'] canvas").wait_for(timeout=10000)
        count = await charts.count()
        assert count >= 10
        assert await page.locator("[data-chart][data-drawn='true'] canvas").count() == count
        drawn = await page.evaluate(
            "Array.from(document.querySelectorAll('[data-chart]')).every(el => echarts.getInstanceByDom(el)"
            " && el.querySelector('canvas').width > 0)"
        )
        assert drawn
        await page.locator(".tile .how summary").first.click()
        assert await page.locator(".tile .how[open] p").first.is_visible()
        await page.locator(".tile .how summary").first.click()
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / name), full_page=True)
