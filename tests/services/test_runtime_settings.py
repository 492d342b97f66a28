"""Run-time settings: stored with history, applied over config.yaml, followed by every process."""

from __future__ import annotations

import asyncio
import dataclasses

from models.enums import Role
from services import runtime_settings


async def test_another_process_follows_a_change_within_seconds(resources, settings, make_staff, monkeypatch):
    admin = await make_staff("管理员", Role.ADMIN)
    other = dataclasses.replace(resources)  # another process: its own settings, the same database and Redis
    monkeypatch.setattr(runtime_settings, "POLL_S", 0.05)
    following = asyncio.ensure_future(runtime_settings.follow(other, settings))
    try:
        await runtime_settings.change(
            actor=admin, key="matching.stage_probability.viewing", raw="45", resources=resources, base=settings
        )
        for _ in range(100):
            if other.settings.matching.stage_probability.viewing == 45:
                break
            await asyncio.sleep(0.05)
        assert other.settings.matching.stage_probability.viewing == 45
    finally:
        following.cancel()
        resources.settings = settings


def test_a_reset_key_takes_config_yaml_value_and_others_stay():
    from core.config import Settings

    base = Settings()
    changed = runtime_settings.apply(base, base, {"matching.weights.area": 7})
    assert changed.matching.weights.area == 7 and changed.matching.weights.region == base.matching.weights.region
    assert runtime_settings.apply(changed, base, {}).matching.weights.area == base.matching.weights.area
