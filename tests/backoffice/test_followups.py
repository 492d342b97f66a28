"""The follow-ups page: the team's calendar, the overdue list and each salesperson's load, by role."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from models import FollowUp


@pytest.fixture
async def plans(company, make_client):
    """A follow-up planned tomorrow and one overdue for 张三's client, one tomorrow for 钱五's."""
    now = datetime.now(timezone.utc)
    out = {}
    for who, company_name in (("zhang", "华兴精密"), ("qian", "远大物流")):
        client = await make_client(company[who], company_name)
        out[who] = await FollowUp.create(
            client=client,
            author=company[who],
            content=f"{company_name}带看",
            happened_at=now,
            next_at=now + timedelta(days=1),
        )
    late = await make_client(company["zhang"], "迟到科技")
    out["late"] = await FollowUp.create(
        client=late, author=company["zhang"], content="回电话", happened_at=now, next_at=now - timedelta(days=2)
    )
    return out


@pytest.mark.parametrize(
    ("role", "seen"),
    [("admin", {"华兴精密", "远大物流"}), ("manager", {"华兴精密"}), ("zhang", {"华兴精密"}), ("li", set())],
)
async def test_the_calendar_shows_the_plans_the_role_may_see(bo_client, company, plans, settings, role, seen):
    tomorrow = plans["zhang"].next_at.astimezone(ZoneInfo(settings.timezone)).date().isoformat()
    page = await (await bo_client(company[role])).get(f"/bo/followups?view=day&date={tomorrow}")
    assert page.status_code == 200
    shown = {name for name in ("华兴精密", "远大物流") if f"{name}带看" in page.text}
    assert shown == seen


async def test_the_week_view_and_bad_dates_still_answer(bo_client, company, plans):
    client = await bo_client(company["admin"])
    assert "华兴精密带看" in (await client.get("/bo/followups")).text
    assert (await client.get("/bo/followups?date=nonsense&owner=abc&view=x")).status_code == 200


async def test_overdue_follow_ups_and_the_load_are_listed_for_a_manager(bo_client, company, plans):
    page = await (await bo_client(company["manager"])).get("/bo/followups")
    assert "回电话" in page.text and "迟到科技" in page.text
    assert "今天每人的跟进量" in page.text and "张三" in page.text


async def test_another_teams_overdue_follow_ups_stay_hidden(bo_client, company, plans):
    page = await (await bo_client(company["other_manager"])).get("/bo/followups")
    assert "回电话" not in page.text and "迟到科技" not in page.text
