"""Visitors' conversations: the 48-hour window and what makes a lead."""

from datetime import datetime, timedelta, timezone

import pytest

from services import visitors
from services.errors import RateLimited

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)


async def test_the_window_is_open_for_48_hours_after_the_visitors_last_message(resources):
    redis = resources.redis
    assert not await visitors.window_open(redis, "o1", NOW)
    await visitors.touch_window(redis, "o1", NOW)
    assert await visitors.window_open(redis, "o1", NOW + timedelta(hours=47, minutes=59))
    assert not await visitors.window_open(redis, "o1", NOW + timedelta(hours=48))
    assert not await visitors.window_open(redis, "o2", NOW)


def test_a_need_or_a_name_makes_a_lead_a_greeting_does_not():
    assert visitors.carries_lead({"phone": "13800001111"})
    assert visitors.carries_lead({"region": "昆山"})
    assert visitors.carries_lead({"area_min": 1800.0})
    assert not visitors.carries_lead({})
    assert not visitors.carries_lead({"features": [], "listing": "A12"})


async def test_a_visitors_message_opens_the_window_even_when_it_is_over_the_limit(resources):
    redis = resources.redis
    for _ in range(visitors.PER_MINUTE):
        await visitors.arrived(redis, "o1", NOW)
    later = NOW + timedelta(seconds=30)
    with pytest.raises(RateLimited):
        await visitors.arrived(redis, "o1", later)
    assert await visitors.window_open(redis, "o1", later + timedelta(hours=47, minutes=59))
