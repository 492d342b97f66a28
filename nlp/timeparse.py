"""Relative dates and times (明天下午3点, 下周三, 1月6号) resolved against `now`, per the contract's time rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import lexicon as lx

_WD = "[1-7一二三四五六日天末]"
_DATE = (
    r"(?P<rel>大后天|今天|今日|明天|明日|明早|后天|今晚)"
    r"|(?P<ndays>\d{1,3})天(?:后|之后|以后)|过(?P<guo>\d{1,2})天"
    rf"|下下个?(?:周|星期|礼拜)(?P<nnwd>{_WD})"
    rf"|下个?(?:周|星期|礼拜)(?P<nwd>{_WD})"
    rf"|(?:这|本)?(?:周|星期|礼拜)(?P<wd>{_WD})"
    r"|下个?月(?P<nmday>\d{1,2})(?:号|日)"
    r"|(?P<month>\d{1,2})月(?P<mday>\d{1,2})(?:号|日)?"
    r"|(?<![\d.])(?P<day>\d{1,2})(?:号|日)(?![厂仓楼库车线地门栋])"
    r"|(?P<nextweek>下周|下星期|下礼拜)"
)
_PART = "|".join(sorted((p for p in lx.DAY_PARTS if p != "今晚"), key=len, reverse=True))
_CLOCK = r"(?<![\d.])(?P<hour>\d{1,2})(?:[:：](?P<minute>\d{2})|点钟?(?:(?P<half>半)|(?P<min2>\d{1,2})分?)?)"
_EXPRESSION = re.compile(rf"(?P<date>{_DATE})?\s*(?P<part>{_PART})?\s*(?:{_CLOCK})?")


@dataclass
class TimeMention:
    start: int
    end: int
    at: datetime
    past_day: bool  # `今天` without a clock time tells when something happened, not when to call back


def _weekday_number(char: str) -> int:
    return int(char) if char.isdigit() else lx.WEEKDAYS[char]


def _add_month(day: date, months: int, day_of_month: int) -> date | None:
    year, month = divmod(day.month - 1 + months, 12)
    try:
        return date(day.year + year, month + 1, day_of_month)
    except ValueError:
        return None


def _resolve_date(m: re.Match, today: date) -> date | None:
    if m.group("rel"):
        return today + timedelta(days=lx.RELATIVE_DAYS.get(m.group("rel"), 0))
    if m.group("ndays") or m.group("guo"):
        return today + timedelta(days=int(m.group("ndays") or m.group("guo")))
    monday = today - timedelta(days=today.weekday())
    if m.group("nnwd"):
        return monday + timedelta(days=14 + _weekday_number(m.group("nnwd")) - 1)
    if m.group("nwd"):
        return monday + timedelta(days=7 + _weekday_number(m.group("nwd")) - 1)
    if m.group("wd"):
        day = monday + timedelta(days=_weekday_number(m.group("wd")) - 1)
        return day if day > today else day + timedelta(days=7)
    if m.group("nextweek"):
        return monday + timedelta(days=7)
    if m.group("nmday"):
        return _add_month(today, 1, int(m.group("nmday")))
    if m.group("month"):
        month, day_of_month = int(m.group("month")), int(m.group("mday"))
        try:
            day = date(today.year, month, day_of_month)
        except ValueError:
            return None
        if day >= today:
            return day
        try:
            return day.replace(year=today.year + 1)
        except ValueError:
            return None
    if m.group("day"):
        day_of_month = int(m.group("day"))
        if day_of_month > today.day:
            return _add_month(today, 0, day_of_month)
        return _add_month(today, 1, day_of_month)
    return None


def _resolve_clock(m: re.Match) -> tuple[int, int] | None:
    part = m.group("part") or ("晚上" if m.group("rel") == "今晚" else "早上" if m.group("rel") == "明早" else None)
    if m.group("hour") is None:
        return (lx.DAY_PARTS[part], 0) if part else None
    hour = int(m.group("hour"))
    minute = 30 if m.group("half") else int(m.group("minute") or m.group("min2") or 0)
    if hour > 24 or minute > 59:
        return None
    if part in ("下午", "晚上", "傍晚") and hour < 12:
        hour += 12
    elif part == "中午" and hour < 6:
        hour += 12
    elif part is None and 1 <= hour <= 6:
        hour += 12
    return hour % 24, minute


# `昨天下午见了面`: a time of day right after a past day dates what was done.
_PAST_BEFORE = re.compile(r"(?:昨天|昨日|前天|上周.?|上星期.?|刚才|刚刚)\s*$")


def find_times(text: str, now: datetime) -> list[TimeMention]:
    """Every date or time mentioned, resolved. `text` must be arabized."""
    today = now.date()
    mentions = []
    for m in _EXPRESSION.finditer(text):
        if m.end() == m.start() or not (m.group("date") or m.group("part") or m.group("hour")):
            continue
        if m.group("hour") and not m.group("date") and not m.group("part") and m.group("half") is None \
                and m.group("minute") is None and int(m.group("hour")) in (0, 1) and text[m.end():m.end() + 1] not in "钟":
            continue  # a bare 1点 is far more often `一点` (a little) than one o'clock
        day = _resolve_date(m, today) if m.group("date") else None
        if m.group("date") and day is None:
            continue
        clock = _resolve_clock(m)
        if m.group("hour") and clock is None:
            continue
        hour, minute = clock if clock else (9, 0)
        if day is None:
            at = datetime(today.year, today.month, today.day, hour, minute, tzinfo=now.tzinfo)
            if at <= now:
                at += timedelta(days=1)
        else:
            at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=now.tzinfo)
        past_day = (m.group("rel") in ("今天", "今日") and not m.group("hour")) \
            or bool(_PAST_BEFORE.search(text[max(0, m.start() - 4):m.start()]))
        mentions.append(TimeMention(m.start(), m.end(), at, past_day))
    return mentions


def next_followup(text: str, now: datetime) -> TimeMention | None:
    """The follow-up time: the last time mentioned, skipping a bare `今天` that dates what was done."""
    mentions = [t for t in find_times(text, now) if not t.past_day]
    return mentions[-1] if mentions else None


def agenda_day(text: str, now: datetime) -> date | None:
    mentions = [t for t in find_times(text, now) if _has_date(text[t.start:t.end])]
    return mentions[0].at.date() if mentions else None


def _has_date(fragment: str) -> bool:
    m = _EXPRESSION.match(fragment)
    return bool(m and m.group("date"))
