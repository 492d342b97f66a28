"""The contract's rules one at a time: numbers, areas, prices, times, places, conflicts."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import nlp
from nlp.numbers import arabize, cn_to_number
from nlp.places import PlaceIndex, normalize_place


def slots(text: str, now: datetime) -> dict:
    """The slots in the contract's JSON form."""
    return nlp.parse(text, now).to_json()["slots"]


@pytest.mark.parametrize(
    "text, value", [("两千五百", 2500), ("1.5万", 15000), ("五千", 5000), ("3千", 3000), ("八", 8)]
)
def test_chinese_numerals(text, value):
    assert cn_to_number(text) == value


def test_arabize_leaves_words_alone():
    assert arabize("看一下") == "看一下"
    assert arabize("0.8一平一天") == "0.8一平一天"
    assert arabize("两三千平") == "2000-3000平"


@pytest.mark.parametrize(
    "phrase, want",
    [
        ("2000-3000平", {"area_min": 2000.0, "area_max": 3000.0}),
        ("2000到3000平", {"area_min": 2000.0, "area_max": 3000.0}),
        ("两三千平", {"area_min": 2000.0, "area_max": 3000.0}),
        ("2000平以上", {"area_min": 2000.0}),
        ("不低于2000平", {"area_min": 2000.0}),
        ("至少2000平", {"area_min": 2000.0}),
        ("2000平起", {"area_min": 2000.0}),
        ("3000平以内", {"area_max": 3000.0}),
        ("不超过3000平", {"area_max": 3000.0}),
        ("最多3000平", {"area_max": 3000.0}),
        ("2000平左右", {"area_min": 1800.0, "area_max": 2200.0}),
        ("大概2000平", {"area_min": 1800.0, "area_max": 2200.0}),
        ("2000平", {"area_min": 1800.0, "area_max": 2200.0}),
        ("两千平方米", {"area_min": 1800.0, "area_max": 2200.0}),
        ("2000㎡以上", {"area_min": 2000.0}),
        ("30亩以上", {"area_min": 20000.1}),
    ],
)
def test_requirement_areas(phrase, want, now):
    got = slots(f"找昆山的厂房 {phrase}", now)
    assert {k: got[k] for k in got if k.startswith("area")} == want


def test_listing_area_is_exact_even_with_about(now):
    assert slots("新房源 昆山 厂房 2000平左右", now)["area"] == 2000.0


@pytest.mark.parametrize(
    "phrase, want",
    [
        ("0.8元/平/天", 24.0),
        ("0.8一平一天", 24.0),
        ("每平每天0.8元", 24.0),
        ("25元/平/月", 25.0),
        ("25一平", 25.0),
        ("租金25以内", 25.0),
    ],
)
def test_rent_is_per_square_metre_per_month(phrase, want, now):
    assert slots(f"找昆山的厂房 3000平 {phrase}", now)["rent_max"] == pytest.approx(want)


def test_sale_prices(now):
    got = slots("嘉兴买厂房 总价2000万以内 单价3000元/平以内", now)
    assert got["sale_total_max"] == 20000000.0 and got["sale_price_max"] == 3000.0 and got["deal_type"] == "sale"


def test_crane_tonnage_is_not_floor_load(now):
    got = slots("找厂房 带10吨行车 承重5吨", now)
    assert got["floor_load_min"] == 5.0 and got["features"] == ["crane"]


def test_kilowatts_count_as_kva(now):
    assert slots("找厂房 电量800千瓦", now)["power_kva_min"] == 800.0


@pytest.mark.parametrize(
    "phrase, at",
    [
        ("明天下午3点", "2026-11-26T15:00:00+08:00"),
        ("后天上午", "2026-11-27T09:00:00+08:00"),
        ("大后天", "2026-11-28T09:00:00+08:00"),
        ("3天后", "2026-11-28T09:00:00+08:00"),
        ("下周三下午3点", "2026-12-02T15:00:00+08:00"),
        ("周五上午10点", "2026-11-27T10:00:00+08:00"),
        ("周一", "2026-11-30T09:00:00+08:00"),
        ("星期三晚上", "2026-12-02T19:00:00+08:00"),
        ("下个月5号", "2026-12-05T09:00:00+08:00"),
        ("12月8日下午两点半", "2026-12-08T14:30:00+08:00"),
        ("1月6号", "2027-01-06T09:00:00+08:00"),
        ("3号", "2026-12-03T09:00:00+08:00"),
        ("28号", "2026-11-28T09:00:00+08:00"),
        ("两点", "2026-11-25T14:00:00+08:00"),
        ("11点", "2026-11-25T11:00:00+08:00"),
        ("8点", "2026-11-26T08:00:00+08:00"),
        ("晚上8点", "2026-11-25T20:00:00+08:00"),
        ("中午", "2026-11-25T12:00:00+08:00"),
        ("16:45", "2026-11-25T16:45:00+08:00"),
    ],
)
def test_next_followup_time(phrase, at):
    now = datetime.fromisoformat("2026-11-25T09:00:00+08:00")
    assert slots(f"跟进 华兴精密 {phrase}再联系", now)["next_at"] == at


def test_time_resolves_in_the_zone_of_now():
    utc = datetime.fromisoformat("2026-11-25T20:00:00+00:00")  # already the 26th in Shanghai
    assert slots("跟进 华兴精密 明天下午3点再约", utc)["next_at"] == "2026-11-26T15:00:00+00:00"
    shanghai = utc.astimezone(ZoneInfo("Asia/Shanghai"))
    assert slots("跟进 华兴精密 明天下午3点再约", shanghai)["next_at"] == "2026-11-27T15:00:00+08:00"


def test_followup_mentioning_a_stage_is_still_a_followup(now):
    result = nlp.parse("跟进 华兴精密 进入谈判 明天再联系", now)
    assert result.intent == "log_followup" and result.slots["stage"] == "negotiating"
    assert nlp.parse("华兴精密进入谈判", now).intent == "update_stage"


def test_outcome_wins_over_earlier_stage(now):
    assert slots("跟进 金泰模具 看过房了 客户说不租了", now)["stage"] == "lost"


def test_followup_carries_only_its_own_slots(now):
    got = slots("跟进 恒通电子 客户要求改成昆山3000平以上的厂房 下午4点再打", now)
    assert set(got) <= {"client", "contact_name", "stage", "next_at", "content"}


@pytest.mark.parametrize(
    "text, client, contact",
    [
        ("跟进 华兴精密 张总 明天再约", "华兴精密", "张"),
        ("回访宏达物流王经理，明天再联系", "宏达物流", "王"),
        ("记录 李总 电话没接", "李总", None),
        ("跟进 欧阳经理 明天再约", "欧阳经理", None),
    ],
)
def test_client_as_written(text, client, contact, now):
    got = slots(text, now)
    assert got["client"] == client and got.get("contact_name") == contact


@pytest.mark.parametrize(
    "written, digits",
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("0512-5788 1234", "051257881234"),
    ],
)
def test_phone_digits_only(written, digits, now):
    assert slots(f"新客户 华兴精密 张总 {written}", now)["phone"] == digits


def test_wechat_same_as_phone(now):
    got = slots("新客户 华兴精密 张总 13812345678 微信同号", now)
    assert got["wechat_id"] == "13812345678"


@pytest.mark.parametrize(
    "written, place",
    [
        ("苏州工业园区", "苏州工业园"),
        ("昆山市", "昆山"),
        ("花桥镇", "花桥"),
        ("陆家", "陆家"),
        ("张浦", "张浦"),
        ("东莞长安镇", "长安"),
        ("湖州长兴", "长兴"),
        ("绍兴柯桥区", "柯桥"),
        ("合肥肥西县", "肥西"),
    ],
)
def test_most_specific_region(written, place, now):
    assert slots(f"找{written}的仓库 3000平", now)["region"] == place


def test_normalize_place():
    assert normalize_place("苏州工业园区") == "苏州工业园"
    assert normalize_place("长安镇") == "长安"
    assert normalize_place("徐汇区") == "徐汇"


def test_common_words_are_not_places(now):
    assert "region" not in slots("找新建的厂房 3000平 带物流通道", now)


def test_configure_adds_agency_regions(now):
    assert "region" not in slots("找望虞河片区的仓库 3000平", now)
    nlp.configure(["望虞河片区"])
    assert slots("找望虞河片区的仓库 3000平", now)["region"] == "望虞河片"


def test_place_index_without_jionlp():
    index = PlaceIndex(source=None)
    assert index.most_specific("昆山花桥的厂房") == "花桥"
    assert index.most_specific("湖州长兴的厂房") == "湖州"


def test_agenda_day(now):
    assert nlp.parse("今天跟进谁", now).slots == {"day": date(2026, 11, 25)}
    assert nlp.parse("我的提醒", now).slots == {}


@pytest.mark.parametrize("text", ["帮助", "菜单", "?", "？", "怎么用"])
def test_help(text, now):
    assert nlp.parse(text, now).intent == "help"


def test_parse_without_now_uses_the_clock():
    result = nlp.parse("明天待办")
    assert result.intent == "agenda" and isinstance(result.slots["day"], date)


@pytest.mark.parametrize(
    "phrase, at",
    [
        ("下下周三", "2026-12-09T09:00:00+08:00"),
        ("下周末", "2026-12-05T09:00:00+08:00"),
    ],
)
def test_weeks_beyond_next(phrase, at, now):
    assert slots(f"跟进 华兴精密 {phrase}再约", now)["next_at"] == at


@pytest.mark.parametrize(
    "text, want",
    [
        ("新客户 李建国 13800000001 做机械的", {"contact_name": "李建国"}),
        ("新客户 华兴精密 张总 13800000001", {"company": "华兴精密", "contact_name": "张"}),
        ("新客户 宏达 13800000001", {"company": "宏达"}),
    ],
)
def test_new_client_person_or_company(text, want, now):
    got = slots(text, now)
    assert {k: got.get(k) for k in ("company", "contact_name") if k in got} == want


def test_number_with_another_unit_is_not_a_height(now):
    got = slots("找厂房 带行车 10米以上层高 4000平", now)
    assert got["ceiling_height_min"] == 10.0 and got["area_min"] == 3600.0


def test_billions_and_floors(now):
    assert slots("买厂房 总价1个亿以内", now)["sale_total_max"] == 100000000.0
    assert slots("新房源 常熟 多层厂房 一楼 2000平", now)["single_storey"] is False  # a floor of a building
    assert slots("找 常熟 多层厂房 一楼 2000平", now)["single_storey"] is True  # a wish for the ground floor
