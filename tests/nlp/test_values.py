"""Slots are typed (datetimes, dates, str-enums, Decimal money) and have one JSON form, the contract's."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import nlp
from nlp.values import to_json, typed


def test_times_are_aware_datetimes_in_the_zone_of_now(now):
    got = nlp.parse("跟进 华兴精密 明天下午3点再约", now).slots["next_at"]
    assert got == datetime(2026, 11, 26, 15, 0, tzinfo=now.tzinfo)
    zoned = nlp.parse("跟进 华兴精密 明天下午3点再约", now.astimezone(ZoneInfo("Asia/Shanghai"))).slots["next_at"]
    assert zoned.tzinfo == ZoneInfo("Asia/Shanghai") and zoned.hour == 15


def test_agenda_days_are_dates(now):
    assert nlp.parse("明天待办", now).slots == {"day": date(2026, 11, 26)}


def test_enum_slots_still_compare_as_strings(now):
    slots = nlp.parse("跟进 华兴精密 看过房了 客户说不租了", now).slots
    assert slots["stage"] is nlp.Stage.LOST and slots["stage"] == "lost"
    search = nlp.parse("找昆山带行车的厂房 3000平", now).slots
    assert search["property_type"] == nlp.PropertyType.FACTORY == "factory"
    assert search["features"] == [nlp.Feature.CRANE] == ["crane"]


def test_json_form_round_trips():
    slots = {
        "next_at": datetime(2026, 11, 26, 15, tzinfo=ZoneInfo("Asia/Shanghai")),
        "day": date(2026, 11, 25),
        "stage": nlp.Stage.WON,
        "features": [nlp.Feature.DOCK],
        "amount": Decimal("500"),
        "client": "华兴精密",
        "area_min": 1800.0,
    }
    form = to_json(slots)
    assert form == {
        "next_at": "2026-11-26T15:00:00+08:00",
        "day": "2026-11-25",
        "stage": "won",
        "features": ["dock"],
        "amount": 500.0,
        "client": "华兴精密",
        "area_min": 1800.0,
    }
    assert typed(form) == slots
    assert type(typed(form)["stage"]) is nlp.Stage


def test_a_stored_value_that_no_longer_fits_is_dropped():
    assert typed({"stage": "nonsense", "next_at": "soon", "client": "华兴"}) == {"client": "华兴"}
