"""The channel spend page (/bo/spend): admins enter or import spend; nobody else reaches it."""

from __future__ import annotations

from models import ChannelSpend
from models.enums import Source

CSV = "日期,渠道,金额,备注\n2026-11-05,抖音,3000,11月信息流\n2026-11-20,朋友圈广告,1000,\n"


async def test_an_admin_enters_spend_and_imports_a_csv(bo_client, company):
    admin = await bo_client(company["admin"])
    added = await admin.post_form(
        "/bo/spend", {"spent_on": "2026-11-03", "channel": "douyin", "amount": "1234.50", "note": "测试"}
    )
    assert added.status_code in (302, 303)
    imported = await admin.post(
        "/bo/spend/import", data={"csrf": admin.csrf}, files={"file": ("spend.csv", CSV.encode("gb18030"), "text/csv")}
    )
    assert imported.status_code in (302, 303) and "imported=2" in imported.headers["location"]
    assert await ChannelSpend.filter(channel=Source.DOUYIN).count() == 2
    page = await admin.get("/bo/spend?since=2026-11-01&until=2026-11-30")
    assert "1234.50" in page.text and "5234.50" in page.text  # the row and the total


async def test_bad_input_is_explained_and_nothing_stored(bo_client, company):
    admin = await bo_client(company["admin"])
    bad = await admin.post_form("/bo/spend", {"spent_on": "2026-11-03", "channel": "电视", "amount": "10"})
    assert bad.status_code == 400
    bad_file = await admin.post(
        "/bo/spend/import",
        data={"csrf": admin.csrf},
        files={"file": ("spend.csv", b"\xff\xfe\x00garbage", "text/csv")},
    )
    assert bad_file.status_code == 400
    lines = await admin.post(
        "/bo/spend/import",
        data={"csrf": admin.csrf},
        files={"file": ("spend.csv", "日期,渠道,金额\n2026-11-05,抖音,-1\n".encode(), "text/csv")},
    )
    assert lines.status_code == 400 and "line 2" in lines.text
    assert not await ChannelSpend.exists()


async def test_managers_and_sales_are_refused(bo_client, company):
    for who in ("manager", "zhang"):
        client = await bo_client(company[who])
        assert (await client.get("/bo/spend")).status_code == 403
        refused = await client.post_form("/bo/spend", {"spent_on": "2026-11-03", "channel": "douyin", "amount": "9"})
        assert refused.status_code == 403
    assert not await ChannelSpend.exists()
