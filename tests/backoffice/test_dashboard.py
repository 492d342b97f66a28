"""The dashboard page and its CSV downloads, for each role (figures themselves: tests/services/test_kpis.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from models import Client
from models.enums import Source
from services import rollups


@pytest.fixture
async def clients(company):
    """This week: 张三 two clients (抖音), 李四 one, 钱五 (the other team) one; rolled up."""
    now = datetime.now(timezone.utc)
    for owner, name in ((company["zhang"], "华兴精密"), (company["zhang"], "恒通物流"), (company["li"], "金泰模具"),
                        (company["qian"], "远东电子")):  # fmt: skip
        await Client.create(company=name, company_norm=name, owner=owner, source=Source.DOUYIN,
                            next_followup_at=now - timedelta(days=1))  # fmt: skip
    await rollups.rebuild_milestones()
    return company


async def test_a_manager_sees_the_team_s_figures_with_how_each_is_computed(bo_client, clients):
    page = await (await bo_client(clients["manager"])).get("/bo/")
    assert page.status_code == 200
    assert "王经理团队" in page.text and "客户转化漏斗" in page.text and "echarts-5.6.0/echarts.min.js" in page.text
    assert "本期新录入的客户" in page.text  # the funnel's note
    assert "系统稳定性" in page.text and "获客成本与渠道ROI" in page.text
    assert '"clients": 3' in page.text  # 张三 2 + 李四 1 entered this week


async def test_a_salesperson_sees_only_their_own_figures_and_no_company_wide_ones(bo_client, clients):
    page = await (await bo_client(clients["zhang"])).get("/bo/")
    assert page.status_code == 200
    assert '"clients": 2' in page.text and "系统稳定性" not in page.text and "获客成本" not in page.text
    other = await (await bo_client(clients["zhang"])).get(f"/bo/?member={clients['li'].id}")
    assert other.status_code == 403


async def test_a_manager_cannot_open_another_team_s_figures(bo_client, clients):
    client = await bo_client(clients["manager"])
    assert (await client.get(f"/bo/?team={clients['other_manager'].id}")).status_code == 403
    assert (await client.get(f"/bo/?member={clients['qian'].id}")).status_code == 403
    assert (await client.get(f"/bo/dashboard/csv/funnel?member={clients['qian'].id}")).status_code == 403


async def test_an_admin_picks_a_team(bo_client, clients):
    page = await (await bo_client(clients["admin"])).get(f"/bo/?team={clients['other_manager'].id}")
    assert page.status_code == 200 and "赵经理团队" in page.text and '"clients": 1' in page.text


async def test_each_chart_downloads_as_csv_with_the_same_figures(bo_client, clients):
    client = await bo_client(clients["manager"])
    funnel = await client.get("/bo/dashboard/csv/funnel")
    assert funnel.status_code == 200 and funnel.headers["content-type"].startswith("text/csv")
    assert "attachment" in funnel.headers["content-disposition"]
    lines = funnel.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "步骤,客户数,步骤转化率,总转化率" and lines[1].startswith("客户录入,3,")
    overdue = (await client.get("/bo/dashboard/csv/overdue")).content.decode("utf-8-sig").splitlines()
    assert overdue[1:] == ["张三,2", "李四,1"]
    for chart in ("leads", "deal_cycle", "sharing", "forwarding", "satisfaction", "acquisition", "usage", "chat",
                  "stability"):  # fmt: skip
        assert (await client.get(f"/bo/dashboard/csv/{chart}")).status_code == 200, chart
    assert (await client.get("/bo/dashboard/csv/nonsense")).status_code == 404
    sales = await bo_client(clients["zhang"])
    assert (await sales.get("/bo/dashboard/csv/stability")).status_code == 404


@pytest.mark.parametrize(
    "query", ["since=2026-13-01", "since=2026-11-30&until=2026-11-01", "since=2020-01-01", "team=abc", "member=1e9"]
)
async def test_bad_filters_get_a_page_not_a_500(bo_client, clients, query):
    page = await (await bo_client(clients["admin"])).get(f"/bo/?{query}")
    assert page.status_code == 400


async def test_signed_out_visitors_are_sent_to_sign_in(browser, clients):
    client = await browser()
    assert (await client.get("/bo/")).status_code in (302, 303)
    assert (await client.get("/bo/dashboard/csv/funnel")).status_code in (302, 303)
