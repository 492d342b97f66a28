"""Settings changed at run time from the back office, overriding config.yaml, with their history.

Each change is a ``SettingChange`` row (the newest row of a key is its value; a null value goes back to
config.yaml) and an audit entry. ``settings:version`` in Redis counts changes: every process (web and
worker) runs ``follow``, which re-reads the rows when the count moves, so a change applies everywhere
within ``POLL_S`` without a restart. Only the keys of ``EDITABLE`` can change this way; secrets stay in the
environment and are never read or shown here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from typing import Any

from tortoise.transactions import in_transaction

from core.config import Settings
from models import Account, SettingChange
from services import audit
from services.errors import AdminsOnly, InvalidSetting
from services.resources import Resources

log = logging.getLogger(__name__)

VERSION_KEY = "settings:version"
POLL_S = 2.0


@dataclass(frozen=True)
class Editable:
    key: str
    label: str
    kind: str
    """``number`` (decimal), ``percent`` (0-100), ``time`` (HH:MM), ``text``."""
    group: str


EXPECTED = {
    "number": "0到1000之间的数",
    "percent": "0到100之间的整数",
    "time": "时:分，例如 08:30",
    "text": "1到64个字符，不含空格",
}


def _parse(kind: str, raw: str) -> Any:
    """The typed value of ``raw`` for ``kind`` (``EXPECTED``); ValueError otherwise."""
    raw = raw.strip()
    if kind == "number":
        value = float(raw)
        if not 0 <= value <= 1000:
            raise ValueError(raw)
        return value
    if kind == "percent":
        if not raw.isdigit() or int(raw) > 100:
            raise ValueError(raw)
        return int(raw)
    if kind == "time":
        hour, _, minute = raw.partition(":")
        time(int(hour), int(minute))  # raises ValueError when out of range
        return f"{int(hour):02d}:{int(minute):02d}"
    if not raw or len(raw) > 64 or any(c.isspace() for c in raw):
        raise ValueError(raw)
    return raw


WEIGHTS = {
    "area": "面积",
    "region": "区域",
    "price": "价格",
    "ceiling_height": "层高",
    "floor_load": "承重",
    "power": "配电",
    "features": "配套",
}
STAGES = {"intent": "初步意向", "viewing": "带看中", "negotiating": "谈判中", "won": "已成交", "lost": "已流失"}
TEMPLATES = {
    "followup_due": "跟进到期提醒",
    "daily_digest": "每日跟进汇总",
    "overdue_escalation": "逾期上报经理",
    "notice": "通知",
}
EDITABLE: dict[str, Editable] = {
    item.key: item
    for item in (
        *(Editable(f"matching.weights.{k}", v, "number", "匹配权重") for k, v in WEIGHTS.items()),
        *(Editable(f"matching.stage_probability.{k}", v, "percent", "各阶段成交概率（%）") for k, v in STAGES.items()),
        Editable("reminders.digest_time", "每日汇总发送时间", "time", "提醒"),
        Editable("reminders.escalate_after_h", "逾期多少小时上报经理", "number", "提醒"),
        *(Editable(f"templates.{k}.template_id", v, "text", "模板消息ID") for k, v in TEMPLATES.items()),
    )
}


def current(settings: Settings, key: str) -> Any:
    """The value ``settings`` has for ``key`` (dotted path), as the page shows it."""
    value: Any = settings
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part)
        if value is None:
            return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value


def _replace(node: Any, path: list[str], value: Any) -> Any:
    """A copy of ``node`` with ``path`` set to ``value`` (dataclasses and dicts of them)."""
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        child = node.get(head)
        if child is None:
            return node
        return {**node, head: _replace(child, rest, value) if rest else value}
    if rest:
        return dataclasses.replace(node, **{head: _replace(getattr(node, head), rest, value)})
    field_type = type(getattr(node, head))
    if field_type is time:
        hour, minute = str(value).split(":")
        value = time(int(hour), int(minute))
    elif field_type in (int, float):
        value = field_type(value)
    return dataclasses.replace(node, **{head: value})


def apply(settings: Settings, base: Settings, overrides: dict[str, Any]) -> Settings:
    """``settings`` with every editable key set to its override, or to ``base``'s (config.yaml) value."""
    for key in EDITABLE:
        value = overrides.get(key)
        if value is None:
            value = current(base, key)
            if value == "":
                continue
        settings = _replace(settings, key.split("."), value)
    return settings


async def overrides() -> dict[str, Any]:
    """The newest value of every key that has one."""
    latest: dict[str, Any] = {}
    for row in await SettingChange.all().order_by("id").values("key", "value"):
        latest[row["key"]] = row["value"]["value"] if row["value"] else None
    return {key: value for key, value in latest.items() if value is not None and key in EDITABLE}


async def history(*, limit: int = 100) -> list[SettingChange]:
    return list(await SettingChange.all().order_by("-id").limit(limit).select_related("changed_by"))


async def change(*, actor: Account, key: str, raw: str | None, resources: Resources, base: Settings) -> Any:
    """Set ``key`` from the text ``raw`` (None or empty: back to config.yaml); admins only. Returns the value
    now in force. AppError naming the field when the text is not a valid value."""
    if actor.role.value != "admin":
        raise AdminsOnly("change_settings")
    item = EDITABLE.get(key)
    if item is None:
        raise InvalidSetting(key[:64], key[:64], "可修改的设置")
    try:
        value = _parse(item.kind, raw) if raw and raw.strip() else None
    except ValueError:
        raise InvalidSetting(key, item.label, EXPECTED[item.kind]) from None
    before = current(resources.settings, key)
    async with in_transaction():
        await SettingChange.create(key=key, value=None if value is None else {"value": value}, changed_by=actor)
        await audit.record(actor, "setting.change", "setting", None, before={key: before}, after={key: value})
    await resources.redis.incr(VERSION_KEY)
    await refresh(resources, base)
    return current(resources.settings, key)


OnChange = Callable[[dict[str, Any]], None]
"""Told the overrides in force, to apply them to other copies of the settings (the web app's own)."""


async def refresh(resources: Resources, base: Settings, on_change: OnChange | None = None) -> None:
    """Re-read the overrides into ``resources.settings`` (and tell ``on_change``)."""
    found = await overrides()
    resources.settings = apply(resources.settings, base, found)
    if on_change is not None:
        on_change(found)


async def follow(resources: Resources, base: Settings, on_change: OnChange | None = None) -> None:
    """Keep this process's settings in step with the database: at once, then whenever the version moves."""
    seen: bytes | None = b"unread"
    while True:
        try:
            version = await resources.redis.get(VERSION_KEY)
            if version != seen:
                await refresh(resources, base, on_change)
                seen = version
        except asyncio.CancelledError:
            raise
        except Exception:  # the database or Redis is away for a moment: keep the settings in force
            log.warning("settings: could not re-read the run-time settings", exc_info=True)
        await asyncio.sleep(POLL_S)
