"""parse() never raises and always answers in the contract's shape, whatever it is sent."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp

ENUMS = {
    "source": {"douyin", "referral", "visit", "official_account", "channels", "moments_ad", "other"},
    "deal_type": {"rent", "sale"},
    "property_type": {"factory", "warehouse", "office", "land"},
    "listing_status": {"vacant", "viewing", "negotiating", "closed", "paused"},
    "stage": {"intent", "viewing", "negotiating", "won", "lost"},
    "period": {"today", "yesterday", "week", "last_week", "month", "last_month"},
}
FLOATS = {
    "area_min",
    "area_max",
    "area",
    "ceiling_height_min",
    "ceiling_height",
    "floor_load_min",
    "floor_load",
    "power_kva_min",
    "power_kva",
    "rent_max",
    "rent",
    "budget_month_max",
    "sale_price_max",
    "sale_price",
    "sale_total_max",
    "rent_free_months",
    "lease_years",
}
FEATURES = {
    "crane",
    "eia",
    "sewage",
    "property_cert",
    "standalone",
    "dock",
    "dangerous_goods",
    "office_included",
    "dormitory",
    "canteen",
}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$")
MONEY = {"annual_rent", "monthly_rent_total", "sale_total", "amount"}

# Pieces of real messages, so that random mixes reach deep into the rules, not just the `unknown` exit.
WORDS = [
    "跟进",
    "新客户",
    "新房源",
    "找",
    "有没有",
    "厂房",
    "仓库",
    "昆山",
    "花桥",
    "苏州工业园区",
    "张总",
    "华兴精密",
    "2000",
    "两千",
    "平",
    "万",
    "以上",
    "以内",
    "左右",
    "-",
    "到",
    "元/平/天",
    "一平",
    "承重",
    "吨",
    "层高",
    "米",
    "配电",
    "kva",
    "千瓦",
    "亩",
    "明天",
    "下午",
    "3点",
    "半",
    "下周",
    "周三",
    "号",
    "月",
    "签约",
    "流失",
    "带看",
    "A12",
    "已租",
    "暂停",
    "海报",
    "推广码",
    "帮助",
    "待办",
    "微信",
    "同号",
    "138 1234 5678",
    "0512-",
    "，",
    " ",
    "?",
    "😀",
    "ｆｕｌｌ",
    "１２３",
    "\x00",
    "\u200b",
    "\n",
    "行车",
    "产证",
    "总价",
    "单价",
    "预算",
    "每月",
    "月底",
    "月初",
    "下个月",
    "中旬",
    "周末",
    "下下周",
    "国庆后",
    "过完年",
    "春节后",
    "五一后",
    "元旦后",
    "前",
    "半小时后",
    "10分钟后",
    "提前一天提醒我",
    "取消提醒",
    "撤销",
    "年租金",
    "免租",
    "租5年",
    "用券C1",
    "提现",
    "佣金",
    "数据",
    "登录后台",
    "文案",
    "改成",
    "降到",
    "删除客户",
    "李四",
    "的客户",
    "团队业绩",
    "发给",
    "重新提交",
    "回复",
    "或者",
    "高台库",
    "姓刘",
    "做五金的",
    "上午带看了",
    "结果没来",
    "昨天",
]
mixed_text = st.lists(st.sampled_from(WORDS), max_size=20).map("".join)
any_text = st.one_of(st.text(max_size=200), mixed_text, st.text(alphabet="0123456789 .-", max_size=40))
nows = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2099, 12, 1),
    timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=8)), timezone(timedelta(hours=-11))]),
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_shape(result: nlp.Parsed) -> None:
    """Typed slots, and a JSON form that round-trips to the same typed slots."""
    assert result.intent in nlp.INTENTS
    assert isinstance(result.slots, dict)
    form = result.to_json()
    json.dumps(form, ensure_ascii=False)
    assert nlp.typed(form["slots"]) == result.slots
    for key, value in result.slots.items():
        assert value not in (None, "", []), key
        if key in ENUMS:
            assert isinstance(value, StrEnum) and value in ENUMS[key], (key, value)
        elif key in FLOATS:
            assert isinstance(value, float) and value >= 0, (key, value)
        elif key in MONEY:
            assert isinstance(value, Decimal) and value >= 0, (key, value)
        elif key == "features":
            assert value == sorted(set(value)) and set(value) <= FEATURES
        elif key == "single_storey":
            assert isinstance(value, bool)
        elif key == "regions":
            assert len(value) >= 2 and all(isinstance(v, str) and v for v in value)
        elif key in ("next_at", "happened_at"):
            assert isinstance(value, datetime) and value.tzinfo is not None and value.second == 0, value
            assert ISO.match(form["slots"][key]), form["slots"][key]
        elif key in ("day", "until"):
            assert type(value) is date
        elif key == "phone":
            assert value.isdigit()
        elif key == "remind_before_min":
            assert isinstance(value, int) and value > 0
        else:
            assert isinstance(value, str), (key, value)


@FAST
@given(any_text, nows)
def test_never_raises_and_keeps_the_shape(text, now):
    check_shape(nlp.parse(text, now))


@FAST
@given(mixed_text)
def test_full_width_and_half_width_read_alike(text):
    """Alike but for the note, which keeps the punctuation as typed."""
    now = datetime.fromisoformat("2026-11-25T09:00:00+08:00")
    full = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    full_result, half_result = nlp.parse(full, now), nlp.parse(text, now)
    assert full_result.intent == half_result.intent
    assert {k: v for k, v in full_result.slots.items() if k != "content"} == {
        k: v for k, v in half_result.slots.items() if k != "content"
    }


def test_edge_inputs():
    now = datetime.fromisoformat("2026-11-25T09:00:00+08:00")
    for text in [
        "",
        " ",
        "\n\t",
        "😀😀😀",
        "hello, how are you",
        "1234567",
        "13812345678",
        "\x00\x01\x1f",
        "找" * 5000,
        "厂房" * 2500,
        "新客户 " + "华" * 4990,
        "２０００平以上的厂房",
        "ＡＢＣ",
    ]:
        result = nlp.parse(text, now)
        check_shape(result)
    assert nlp.parse("", now).intent == "unknown"
    assert nlp.parse("hello, how are you", now).intent == "unknown"
    assert nlp.parse("😀😀😀", now).intent == "unknown"
    assert nlp.parse("1234567", now).intent == "unknown"


def test_naive_now_is_in_the_configured_zone():
    naive = datetime(2026, 11, 25, 9, 0)
    assert nlp.parse("跟进 华兴精密 两点再打", naive).to_json()["slots"]["next_at"] == "2026-11-25T14:00:00+08:00"
    try:
        nlp.configure(timezone="Europe/Berlin")
        assert nlp.parse("跟进 华兴精密 两点再打", naive).to_json()["slots"]["next_at"] == "2026-11-25T14:00:00+01:00"
    finally:
        nlp.configure(timezone="Asia/Shanghai")


def test_non_string_input_does_not_raise():
    assert nlp.parse(None).intent == "unknown"  # type: ignore[arg-type]
    assert nlp.parse(12345).intent == "unknown"  # type: ignore[arg-type]
