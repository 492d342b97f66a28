"""Relative dates and times (明天下午3点, 下周三, 月底, 国庆后, 半小时后) resolved against `now`, per the contract's
time rules, in the zone of `now`."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from . import lexicon as lx
from .numbers import cn_to_number

_WD = "[1-7一二三四五六日天末]"
_AFTER = "(?:后|之后|以后|过后)"
_XUN = "(?:上旬|中旬|下旬|初|底|末)"
_DATE = (
    r"(?P<rel>大后天|今天|今日|今儿|明天|明日|明儿|明早|后天|今晚|昨天|昨日|昨晚|前天)"
    rf"|(?P<ndays>\d{{1,3}})天{_AFTER}|过(?P<guo>\d{{1,2}})天"
    rf"|(?P<nweeks>\d{{1,2}})个?(?:周|星期|礼拜){_AFTER}"
    rf"|(?P<halfmonth>半个?月){_AFTER}|(?P<nmonths>\d{{1,2}})个月{_AFTER}"
    rf"|下下个?(?:周|星期|礼拜)(?P<nnwd>{_WD})"
    rf"|(?P<nnweek>下下个?(?:周|星期|礼拜))(?!{_WD})"
    rf"|下个?(?:周|星期|礼拜)(?P<nwd>{_WD})"
    rf"|(?:这个?|本)?(?:周|星期|礼拜)(?P<wd>{_WD})"
    rf"|(?P<twomonths>下下个?月)"
    rf"|下个?月(?P<nmday>\d{{1,2}})(?:号|日)|下个?月(?P<nxun>{_XUN}|中(?!旬))|(?P<nextmonth>下个?月)"
    rf"|(?P<month>\d{{1,2}})月(?:份)?(?:(?P<mday>\d{{1,2}})(?:号|日)?|(?P<mxun>{_XUN}))"
    rf"|(?:这个?|本)?月(?P<xun>{_XUN}|中)|(?P<barexun>上旬|中旬|下旬)|(?:今|这个?|本)?(?P<yearend>年底|年末)"
    r"|(?<![\d.])(?P<dmonth>1[0-2]|0?[1-9])[./](?P<dday>3[01]|[12]\d|0?[1-9])(?![\d.])"
    r"(?=\s*(?:号|日|上午|下午|早上|晚上|中午|\d{1,2}\s*[点:：]))"
    r"|(?<![\d.])(?P<day>\d{1,2})(?:号|日)(?![厂仓楼库车线地门栋])"
    rf"|(?P<holiday>元旦|国庆节?|春节|过年|五一|51|劳动节){_AFTER}|(?P<newyear>过完年|过完春节|(?<![\d半])年后)"
    r"|(?P<nextweek>下周|下星期|下礼拜|下个星期|下个礼拜)(?![一二三四五六日天末1-7])"
    r"|(?P<thisweek>本周|这周|这个?星期|这个?礼拜|本星期)(?![一二三四五六日天末1-7])"
    r"|(?P<thismonth>本月|这个月)(?![\d底末初上中下])"
)
# An offset from now, to the minute: `10分钟后`, `半小时后`, `2个小时后`, `一个半小时后`.
_OFFSET = (
    rf"(?P<minutes>\d{{1,3}})分钟{_AFTER}|(?P<halfhour>半个?(?:小时|钟头)){_AFTER}"
    rf"|(?P<hours>\d{{1,2}}(?:\.5)?)个?(?P<andhalf>半)?(?:小时|钟头){_AFTER}"
)
_PART = "|".join(sorted((p for p in lx.DAY_PARTS if p != "今晚"), key=len, reverse=True))
_CLOCK = r"(?<![\d.])(?P<hour>\d{1,2})(?:[:：](?P<minute>\d{2})|点钟?(?:(?P<half>半)|(?P<min2>\d{1,2})分?)?)"
_BEFORE = r"(?P<before>之前|以前|前)?"
_EXPRESSION = re.compile(rf"(?:{_OFFSET})|(?:(?P<date>{_DATE})?\s*(?P<part>{_PART})?\s*(?:{_CLOCK})?){_BEFORE}")
_REMIND_BEFORE = re.compile(
    r"提前\s*(?P<n>\d{1,3}(?:\.\d)?|[一二两三四五六七八九十]{1,3}|半)?\s*个?\s*(?P<half>半)?\s*(?P<unit>天|小时|钟头|分钟|周|星期|礼拜)"
    r"[^,，。;；]{0,3}?(?:提醒|通知|叫|告诉|喊|说一声|call)"
)
_UNIT_MINUTES = {"天": 1440, "小时": 60, "钟头": 60, "分钟": 1, "周": 10080, "星期": 10080, "礼拜": 10080}
# Words right after a time that say it is what happened (`上午带看了`, `下午带看 结果客户没来`), within its clause.
_DONE = re.compile(r"^(?:(?!再|约|要|将|会|准备|打算|计划)[^,，。;；]){0,8}?(?:了|过|完|结果|没来|没去|没见|没看)")
_FUTURE = re.compile(r"再|约|要|将|会|准备|打算|计划|回头|到时")
# A date word that is itself past: what happened then, never the next contact.
_PAST_DAYS = {"昨天": -1, "昨日": -1, "昨晚": -1, "前天": -2}
# `昨天下午见了面`: a time of day right after a past day dates what was done.
_PAST_BEFORE = re.compile(r"(?:昨天|昨日|前天|上周.?|上星期.?|刚才|刚刚)\s*$")
_HOLIDAYS = {"元旦": (1, 2), "国庆": (10, 8), "国庆节": (10, 8), "五一": (5, 6), "51": (5, 6), "劳动节": (5, 6)}
FIRST_LUNAR_WORKDAY = 8
"""正月初八: the day work starts again after the Spring Festival."""


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    at: datetime
    past_day: bool  # `今天` without a clock time tells when something happened, not when to call back
    past: bool = False  # a time already gone that dates what happened (`上午带看了` said in the evening)
    has_date: bool = False
    until: date | None = None  # the last day of a range (`这周`, `下周`)


def _weekday_number(char: str) -> int:
    return int(char) if char.isdigit() else lx.WEEKDAYS[char]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_month(day: date, months: int, day_of_month: int, clamp: bool = False) -> date | None:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    if clamp:
        day_of_month = min(day_of_month, _last_day(year, month + 1))
    try:
        return date(year, month + 1, day_of_month)
    except ValueError:
        return None


def _next_month(today: date) -> date:
    """The 1st of next month."""
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def _xun_day(year: int, month: int, xun: str) -> date:
    """上旬/中旬/下旬 -> the 5th/15th/25th (月中 too); 初 -> the 1st; 底/末 -> the last day."""
    if xun in ("底", "末"):
        return date(year, month, _last_day(year, month))
    return date(year, month, {"初": 1, "上旬": 5, "中旬": 15, "中": 15, "下旬": 25}[xun])


def _this_or_next_month(today: date, xun: str) -> date:
    day = _xun_day(today.year, today.month, xun)
    if day >= today:
        return day
    following = _next_month(today)
    return _xun_day(following.year, following.month, xun)


def _next_after(today: date, candidates) -> date | None:
    """The first of the yearly dates (one per year from last year on) that is after today."""
    for year in range(today.year - 1, today.year + 3):
        day = candidates(year)
        if day is not None and day > today:
            return day
    return None


def _first_lunar_workday(year: int) -> date | None:
    """正月初八 of the lunar year that starts in `year`, from the lunar calendar (borax)."""
    from borax.calendars.lunardate import LunarDate  # only when a message names the Spring Festival

    try:
        return LunarDate(year, 1, FIRST_LUNAR_WORKDAY).to_solar_date()
    except ValueError:  # outside the calendar's years
        return None


def _resolve_date(m: re.Match, today: date) -> date | None:
    if m.group("rel"):
        word = m.group("rel")
        return today + timedelta(days=_PAST_DAYS.get(word, lx.RELATIVE_DAYS.get(word, 0)))
    if m.group("ndays") or m.group("guo"):
        return today + timedelta(days=int(m.group("ndays") or m.group("guo")))
    if m.group("nweeks"):
        return today + timedelta(weeks=int(m.group("nweeks")))
    if m.group("halfmonth"):
        return today + timedelta(days=15)
    if m.group("nmonths"):
        return _add_month(today, int(m.group("nmonths")), today.day, clamp=True)
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
    if m.group("nnweek"):
        return monday + timedelta(days=14)
    if m.group("thisweek") or m.group("thismonth"):
        return today
    if m.group("nmday"):
        return _add_month(today, 1, int(m.group("nmday")))
    if m.group("nxun"):
        following = _next_month(today)
        return _xun_day(following.year, following.month, m.group("nxun"))
    if m.group("nextmonth"):
        return _add_month(today, 1, today.day, clamp=True)
    if m.group("twomonths"):
        return _add_month(today, 2, today.day, clamp=True)
    if m.group("month"):
        return _month_day(today, int(m.group("month")), m.group("mday"), m.group("mxun"))
    if m.group("dmonth"):  # `12.5下午2点`
        return _month_day(today, int(m.group("dmonth")), m.group("dday"), None)
    if m.group("xun"):
        if m.group("xun") == "初":
            return _next_month(today)  # 月初: this month's beginning is behind us
        return _this_or_next_month(today, m.group("xun"))
    if m.group("barexun"):
        return _this_or_next_month(today, m.group("barexun"))
    if m.group("yearend"):
        return date(today.year, 12, 31)
    if m.group("day"):
        day_of_month = int(m.group("day"))
        if day_of_month > today.day:
            return _add_month(today, 0, day_of_month)
        return _add_month(today, 1, day_of_month)
    if m.group("holiday"):
        month, day_of_month = _HOLIDAYS.get(m.group("holiday"), (0, 0))
        if not month:  # 春节, 过年
            return _next_after(today, _first_lunar_workday)
        return _next_after(today, lambda year: date(year, month, day_of_month))
    if m.group("newyear"):
        return _next_after(today, _first_lunar_workday)
    return None


def _month_day(today: date, month: int, day_of_month: str | None, xun: str | None) -> date | None:
    """`1月6号`, `12月中旬`: this year's if still ahead, else next year's."""
    if not 1 <= month <= 12:
        return None
    for year in (today.year, today.year + 1):
        try:
            day = _xun_day(year, month, xun) if xun else date(year, month, int(day_of_month or 0))
        except ValueError:
            return None
        if day >= today:
            return day
    return None


def _resolve_clock(m: re.Match) -> tuple[int, int] | None:
    rel = m.group("rel")
    part = m.group("part") or ("晚上" if rel in ("今晚", "昨晚") else "早上" if rel == "明早" else None)
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


def _offset(m: re.Match, now: datetime) -> datetime:
    if m.group("minutes"):
        delta = timedelta(minutes=int(m.group("minutes")))
    elif m.group("halfhour"):
        delta = timedelta(minutes=30)
    else:
        delta = timedelta(hours=float(m.group("hours")) + (0.5 if m.group("andhalf") else 0))
    return (now + delta).replace(second=0, microsecond=0)


def _is_clock_noise(m: re.Match, text: str) -> bool:
    """A bare 1点 is far more often `一点` (a little) than one o'clock."""
    return (
        m.group("hour") is not None
        and not m.group("date")
        and not m.group("part")
        and m.group("half") is None
        and m.group("minute") is None
        and int(m.group("hour")) in (0, 1)
        and text[m.end() : m.end() + 1] != "钟"
    )


def remind_before(text: str) -> tuple[int | None, str]:
    """Minutes of `提前一天提醒我`, and the text with that phrase blanked out."""
    match = _REMIND_BEFORE.search(text)
    if not match:
        return None, text
    word = match.group("n") or "1"
    count = 0.5 if word == "半" else float(word) if word[0].isdigit() else cn_to_number(word) or 1.0
    if match.group("half"):
        count += 0.5
    minutes = int(count * _UNIT_MINUTES[match.group("unit")])
    blanked = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return (minutes or None), blanked


# The characters a time phrase can start with: the expression is tried only there, not at every position.
_TIME_START = re.compile(r"[\d今明后大昨前过下上这本周星礼月中年元国春五劳半早晚傍]")


def _expressions(text: str) -> Iterator[re.Match]:
    pos = 0
    while (start := _TIME_START.search(text, pos)) is not None:
        m = _EXPRESSION.match(text, start.start())
        if m is not None and m.end() > m.start():
            yield m
            pos = m.end()
        else:
            pos = start.start() + 1


def find_times(text: str, now: datetime) -> tuple[TimeMention, ...]:
    """Every date or time mentioned, resolved. `text` must be arabized. A parse asks several times about the
    same text, so the last answers are kept (per zone: equal instants in two zones are different days)."""
    return _find_times(text, now, now.tzinfo)


@lru_cache(maxsize=64)
def _find_times(text: str, now: datetime, zone: tzinfo | None) -> tuple[TimeMention, ...]:
    today = now.date()
    mentions = []
    for m in _expressions(text):
        if m.group("minutes") or m.group("halfhour") or m.group("hours"):
            mentions.append(TimeMention(m.start(), m.end(), _offset(m, now), False, has_date=True))
            continue
        if not (m.group("date") or m.group("part") or m.group("hour")) or _is_clock_noise(m, text):
            continue
        day = _resolve_date(m, today) if m.group("date") else None
        if m.group("date") and day is None:
            continue
        clock = _resolve_clock(m)
        if m.group("hour") and clock is None:
            continue
        mentions.append(_mention(m, text, now, day, clock))
    return tuple(mentions)


def _mention(m: re.Match, text: str, now: datetime, day: date | None, clock: tuple[int, int] | None) -> TimeMention:
    today = now.date()
    hour, minute = clock if clock else (9, 0)
    after = text[m.end() : m.end() + 12]
    done = bool(_DONE.match(after)) and not _FUTURE.match(after)
    past = bool(_PAST_BEFORE.search(text[max(0, m.start() - 4) : m.start()])) or (m.group("rel") in _PAST_DAYS)
    if day is None:
        at = datetime(today.year, today.month, today.day, hour, minute, tzinfo=now.tzinfo)
        if at <= now:
            if done or past:
                past = True  # `上午带看了` in the evening: it happened this morning
            else:
                at += timedelta(days=1)
        if past and at > now:
            at -= timedelta(days=1)
    else:
        at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=now.tzinfo)
        if m.group("xun") in ("底", "末") and day == today and at <= now:
            at = at.replace(hour=18)  # 月底 said on the last day, after nine: the end of today
        if day == today and clock and at <= now and done:
            past = True  # `今天下午3点见了面`
        if day < today:
            past = True
    past_day = (
        m.group("rel") in ("今天", "今日", "今儿")
        and not m.group("hour")
        and not m.group("part")
        or bool(m.group("thisweek") or m.group("thismonth"))
    )
    until = None
    if m.group("nextweek") or m.group("thisweek") or m.group("nnweek"):
        weeks_ahead = 1 if m.group("nextweek") else 2 if m.group("nnweek") else 0
        until = today - timedelta(days=today.weekday()) + timedelta(days=6 + 7 * weeks_ahead)
    elif m.group("thismonth"):
        until = date(today.year, today.month, _last_day(today.year, today.month))
    return TimeMention(m.start(), m.end(), at, past_day, past=past, has_date=bool(m.group("date")), until=until)


def next_followup(text: str, now: datetime) -> TimeMention | None:
    """The follow-up time: the last time ahead mentioned, skipping a bare `今天` and times that date what was done."""
    mentions = [t for t in find_times(text, now) if not t.past_day and not t.past]
    return mentions[-1] if mentions else None


def happened(text: str, now: datetime) -> TimeMention | None:
    """When what the note reports happened, when it says (`上午带看了` in the evening, `昨天下午见了面`)."""
    return next((t for t in find_times(text, now) if t.past), None)


def agenda_range(text: str, now: datetime) -> tuple[date | None, date | None]:
    """The day an agenda asks about and, for a range (`这周`, `下周`), its last day."""
    for mention in find_times(text, now):
        if mention.has_date:
            if mention.until:
                return mention.at.date(), mention.until
            return mention.at.date(), None
    return None, None
