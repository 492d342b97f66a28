"""The v2 time words: month ends and middles, weekends, offsets, holidays (the Spring Festival from the lunar
calendar), `提前一天提醒我`, and a time already gone that dates what happened."""

from __future__ import annotations

from datetime import datetime

import pytest

import nlp

WEDNESDAY = datetime.fromisoformat("2026-11-25T09:00:00+08:00")


def followup(phrase: str, now: datetime = WEDNESDAY) -> dict:
    return nlp.parse(f"跟进 华兴精密 {phrase}", now).to_json()["slots"]


@pytest.mark.parametrize(
    "phrase, at",
    [
        ("月底再联系", "2026-11-30T09:00:00+08:00"),
        ("月底前给答复", "2026-11-30T09:00:00+08:00"),
        ("月初再打", "2026-12-01T09:00:00+08:00"),
        ("下个月再说", "2026-12-25T09:00:00+08:00"),
        ("下个月中旬再约", "2026-12-15T09:00:00+08:00"),
        ("下个月底", "2026-12-31T09:00:00+08:00"),
        ("12月上旬再联系", "2026-12-05T09:00:00+08:00"),
        ("1月下旬", "2027-01-25T09:00:00+08:00"),
        ("月中再联系", "2026-12-15T09:00:00+08:00"),
        ("年底前定", "2026-12-31T09:00:00+08:00"),
        ("下下个月再说", "2027-01-25T09:00:00+08:00"),
        ("12.5下午2点", "2026-12-05T14:00:00+08:00"),
        ("周末再约", "2026-11-28T09:00:00+08:00"),
        ("下下周三下午两点", "2026-12-09T14:00:00+08:00"),
        ("下下周再约", "2026-12-07T09:00:00+08:00"),  # the Monday of the week after next
        ("明儿下午再打", "2026-11-26T14:00:00+08:00"),
        ("过两天再问", "2026-11-27T09:00:00+08:00"),
        ("一周后", "2026-12-02T09:00:00+08:00"),
        ("一个礼拜后", "2026-12-02T09:00:00+08:00"),
        ("半个月后", "2026-12-10T09:00:00+08:00"),
        ("一个月后", "2026-12-25T09:00:00+08:00"),
        ("10分钟后回电", "2026-11-25T09:10:00+08:00"),
        ("半小时后再打", "2026-11-25T09:30:00+08:00"),
        ("2小时后", "2026-11-25T11:00:00+08:00"),
        ("一个半小时后", "2026-11-25T10:30:00+08:00"),
        ("下周五之前出报价", "2026-12-04T09:00:00+08:00"),
        ("元旦后再说", "2027-01-02T09:00:00+08:00"),
        ("国庆后联系", "2027-10-08T09:00:00+08:00"),
        ("国庆节后", "2027-10-08T09:00:00+08:00"),
        ("五一后再看", "2027-05-06T09:00:00+08:00"),
        ("过完年再说", "2027-02-13T09:00:00+08:00"),  # 正月初八 of 2027 (the Spring Festival is 6 February)
        ("春节后", "2027-02-13T09:00:00+08:00"),
        ("年后再考虑", "2027-02-13T09:00:00+08:00"),
    ],
)
def test_time_words(phrase, at):
    assert followup(phrase)["next_at"] == at


def test_month_end_said_on_the_last_day_after_nine_is_the_end_of_today():
    late = datetime.fromisoformat("2026-11-30T10:00:00+08:00")
    assert followup("月底给答复", late)["next_at"] == "2026-11-30T18:00:00+08:00"


def test_a_holiday_still_ahead_this_year_is_this_years():
    october = datetime.fromisoformat("2026-10-02T09:00:00+08:00")
    assert followup("国庆后联系", october)["next_at"] == "2026-10-08T09:00:00+08:00"
    new_year = datetime.fromisoformat("2027-02-08T09:00:00+08:00")  # after the Spring Festival, before 初八
    assert followup("过完年再说", new_year)["next_at"] == "2027-02-13T09:00:00+08:00"
    spring = datetime.fromisoformat("2027-03-01T09:00:00+08:00")
    assert followup("春节后", spring)["next_at"] == "2028-02-02T09:00:00+08:00"  # 春节 2028: 26 January


@pytest.mark.parametrize(
    "phrase, minutes",
    [
        ("下个月5号来看房 提前一天提醒我", 1440),
        ("明天下午3点签约 提前半小时提醒", 30),
        ("周五上午10点 提前2小时提醒我", 120),
        ("明天带看 提前一个小时通知我", 60),
    ],
)
def test_remind_before(phrase, minutes):
    got = followup(phrase)
    assert got["remind_before_min"] == minutes and "next_at" in got


def test_remind_before_leaves_the_event_time_and_the_note():
    got = nlp.parse("跟进 新锐医疗器械 客户说下个月5号来看房 提前一天提醒我", WEDNESDAY)
    assert got.intent == "log_followup"
    assert got.to_json()["slots"]["next_at"] == "2026-12-05T09:00:00+08:00"
    assert got.slots["content"] == "客户说下个月5号来看房 提前一天提醒我"


def test_a_time_gone_dates_what_happened():
    evening = datetime.fromisoformat("2026-11-25T19:00:00+08:00")
    got = followup("上午带看了", evening)
    assert got["happened_at"] == "2026-11-25T09:00:00+08:00" and "next_at" not in got
    got = followup("下午带看 结果客户没来", datetime.fromisoformat("2026-11-25T18:30:00+08:00"))
    assert got["happened_at"] == "2026-11-25T14:00:00+08:00" and "next_at" not in got
    got = followup("昨天下午见了面 明天下午3点再约")
    assert got["happened_at"] == "2026-11-24T14:00:00+08:00" and got["next_at"] == "2026-11-26T15:00:00+08:00"


def test_a_time_gone_without_a_deed_is_tomorrows():
    late = datetime.fromisoformat("2026-11-25T16:30:00+08:00")
    got = followup("下午4点再打", late)
    assert got["next_at"] == "2026-11-26T16:00:00+08:00" and "happened_at" not in got


@pytest.mark.parametrize(
    "text, day, until",
    [
        ("这周要跟进哪些", "2026-11-25", "2026-11-29"),
        ("本周待办", "2026-11-25", "2026-11-29"),
        ("下周待办", "2026-11-30", "2026-12-06"),
        ("下个礼拜要回访哪些", "2026-11-30", "2026-12-06"),
        ("明天跟进谁", "2026-11-26", None),
    ],
)
def test_agenda_ranges(text, day, until):
    got = nlp.parse(text, WEDNESDAY).to_json()
    assert got["intent"] == "agenda"
    assert got["slots"].get("day") == day and got["slots"].get("until") == until


def test_content_keeps_the_words_as_written():
    got = nlp.parse("跟进 巴斯精密 又确认了一次电量需求", WEDNESDAY).slots
    assert got["content"] == "又确认了一次电量需求"
    got = nlp.parse("跟进 巴斯精密 两台设备下周三进场", WEDNESDAY).slots
    assert got["content"] == "两台设备下周三进场"  # the time that schedules the next contact stays in the note


def test_a_decimal_is_no_date():
    assert nlp.parse("找厂房 层高12.5 米", WEDNESDAY).to_json()["slots"] == {
        "property_type": "factory",
        "ceiling_height_min": 12.5,
    }


def test_the_week_after_next_as_an_agenda_range():
    assert nlp.parse("下下周待办", WEDNESDAY).to_json()["slots"] == {"day": "2026-12-07", "until": "2026-12-13"}


def test_a_call_made_this_morning_dates_the_note_even_with_the_next_one_today():
    slots = followup("早上打过电话 对方在开会 下午三点再打")
    assert slots["happened_at"] == "2026-11-25T09:00:00+08:00" and slots["next_at"] == "2026-11-25T15:00:00+08:00"


def test_the_middle_of_next_month():
    assert followup("大概下个月中再联系")["next_at"] == "2026-12-15T09:00:00+08:00"
