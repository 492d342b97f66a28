"""Template and subscribe message values fitted to WeChat's limits without losing what matters."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from wechat.templates import Trim, fit

SHANGHAI = ZoneInfo("Asia/Shanghai")
LONG_COMPANY = "苏州工业园区华兴精密机械制造股份有限公司昆山分公司"
LONG_TITLE = "花桥镇沿沪大道旁单层钢结构厂房带行车独门独院"


def test_a_value_within_its_limit_is_unchanged():
    assert fit("thing1", "A12 花桥单层厂房") == "A12 花桥单层厂房"


def test_the_listing_code_and_the_salesperson_stay_and_the_title_is_trimmed():
    value = fit("thing2", ("A12 ", Trim(LONG_TITLE), " 张三"))
    assert len(value) <= 20 and value.startswith("A12 花桥镇") and value.endswith("… 张三")


def test_the_longest_trimmable_part_gives_way_first():
    value = fit("thing2", (Trim(LONG_COMPANY), "：", Trim("2000平"), "（房源A12）"))
    assert value == "苏州工业园区…：2000平（房源A12）"


def test_a_trimmable_part_with_no_room_left_is_left_out():
    assert (
        fit("thing1", ("一二三四五六七八九十一二三四五六七八九", Trim(LONG_TITLE)))
        == "一二三四五六七八九十一二三四五六七八九"
    )


def test_kept_parts_alone_too_long_are_cut_with_a_mark():
    value = fit("thing1", LONG_COMPANY + LONG_TITLE)
    assert len(value) == 20 and value.endswith("…")


def test_a_long_company_name_as_a_whole_value_is_cut_to_twenty():
    assert fit("thing3", Trim(LONG_COMPANY)) == LONG_COMPANY[:19] + "…"


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("phrase3", "带看", "带看"),
        ("phrase3", "初步意向(A)", "初步意向"),
        ("phrase3", "五个字以上的阶段", "五个字以…"[:5]),
        ("name4", "张三", "张三"),
        ("name4", "欧阳小明欧阳小明欧阳小明", "欧阳小明欧阳小明欧…"),
        ("name4", "Alexander Hamilton Jr", "Alexander Hamilton…"),
        ("character_string5", "W12 提现单", "W12"),
        ("character_string5", "X" * 40, "X" * 31 + "…"),
        ("amount6", Decimal("1234.5"), "1234.50元"),
        ("thing7", "", "-"),
        ("thing7", None, "-"),
        ("thing8", "第一行\n第二行", "第一行 第二行"),
    ],
)
def test_each_type_has_its_own_rule(key, value, expected):
    assert fit(key, value) == expected


def test_times_and_dates_take_wechats_formats():
    moment = datetime(2026, 3, 10, 9, 5, tzinfo=SHANGHAI)
    assert fit("time4", moment) == "2026年03月10日 09:05"
    assert fit("date5", moment) == "2026年03月10日"
    assert fit("date5", date(2026, 3, 11)) == "2026年03月11日"
