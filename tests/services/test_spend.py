"""Channel spend: entered or imported from CSV by admins, all or nothing, never counted twice."""

from __future__ import annotations

from datetime import date

import pytest

from models import AuditLog, ChannelSpend
from models.enums import Role, Source
from services import spend
from services.errors import AdminsOnly, AppError

CSV = """日期,渠道,金额（元）,备注
2026-11-05,抖音,3000,11月信息流
2026/11/20,朋友圈广告,"1,000.50",
2026-11-21,douyin,200,
"""


@pytest.fixture
async def admin(make_staff):
    return await make_staff("管理员", Role.ADMIN)


async def test_an_admin_imports_a_csv_in_yuan_and_a_second_import_adds_nothing(admin):
    assert await spend.import_csv(admin, "\ufeff" + CSV) == spend.Imported(created=3, skipped=0)
    rows = await ChannelSpend.all().order_by("spent_on").values_list("spent_on", "channel", "amount_fen", "note")
    assert rows == [
        (date(2026, 11, 5), Source.DOUYIN, 300_000, "11月信息流"),
        (date(2026, 11, 20), Source.MOMENTS_AD, 100_050, None),
        (date(2026, 11, 21), Source.DOUYIN, 20_000, None),
    ]
    assert await spend.import_csv(admin, CSV) == spend.Imported(created=0, skipped=3)
    assert await AuditLog.filter(action="channel_spend.import").count() == 2


async def test_a_file_with_bad_lines_stores_nothing_and_names_each_bad_line(admin):
    bad = "date,channel,amount_yuan\n2026-11-05,抖音,3000\n2026-13-01,抖音,1\n2026-11-06,电视,1\n2026-11-07,抖音,-5\n"
    with pytest.raises(AppError) as refused:
        await spend.import_csv(admin, bad)
    assert set(refused.value.fields or {}) == {"line 3", "line 4", "line 5"}
    assert not await ChannelSpend.exists()


@pytest.mark.parametrize("text", ["", "a,b,c\n1,2,3\n", "日期,渠道\n2026-11-05,抖音\n"])
async def test_a_file_without_the_columns_is_refused(admin, text):
    with pytest.raises(AppError):
        await spend.import_csv(admin, text)


async def test_only_admins_enter_spend(team, admin):
    line = spend.line_of(spent_on="2026-11-05", channel="抖音推广", amount="99.99", note="试投")
    row = await spend.record(admin, line)
    assert (row.channel, row.amount_fen) == (Source.DOUYIN, 9999)
    for who in (team["manager"], team["zhang"]):
        with pytest.raises(AdminsOnly):
            await spend.record(who, line)
        with pytest.raises(AdminsOnly):
            await spend.import_csv(who, CSV)
    await spend.delete(admin, row.id)
    assert not await ChannelSpend.exists()
    assert await AuditLog.filter(action__startswith="channel_spend.").count() == 2
