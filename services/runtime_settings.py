"""Settings changed at run time from the back office, overriding config.yaml, with their history.

Each change is a ``SettingChange`` row (the newest row of a key is its value; a null value goes back to
config.yaml) and an audit entry. ``settings:version`` in Redis counts changes: every process (web and
worker) runs ``follow``, which re-reads the rows when the count moves, so a change applies everywhere
within ``POLL_S`` without a restart. Only the keys of ``EDITABLE`` can change this way; secrets stay in the
environment and are never read or shown here.

A manager sets the keys of ``TEAM_EDITABLE`` for their own team (the times their salespeople are reminded
and when their overdue follow-ups reach them): rows with ``team_id`` (the manager's id) override the
company's value for that team only, with the same history and audit. The reminders worker reads them on
every tick (``team_overrides``). The other keys are the company's alone: matching ranks one shared pool of
listings for every client, and stage probabilities and template ids mean the same in every team.
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
from services.errors import AdminsOnly, InvalidSetting, ManagersOnly, OutsideYourTeam
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


TEAM_EDITABLE = ("reminders.digest_time", "reminders.escalate_after_h")


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
    """The newest company-wide value of every key that has one."""
    latest: dict[str, Any] = {}
    for row in await SettingChange.filter(team_id__isnull=True).order_by("id").values("key", "value"):
        latest[row["key"]] = row["value"]["value"] if row["value"] else None
    return {key: value for key, value in latest.items() if value is not None and key in EDITABLE}


async def team_overrides(team_id: int | None = None) -> dict[int, dict[str, Any]]:
    """Per team (its manager's id), the newest value of each team key it overrides; one team's, or every team's."""
    rows = SettingChange.filter(team_id__not_isnull=True, key__in=TEAM_EDITABLE)
    if team_id is not None:
        rows = rows.filter(team_id=team_id)
    latest: dict[int, dict[str, Any]] = {}
    for row in await rows.order_by("id").values("team_id", "key", "value"):
        latest.setdefault(row["team_id"], {})[row["key"]] = row["value"]["value"] if row["value"] else None
    return {
        team: found for team, values in latest.items() if (found := {k: v for k, v in values.items() if v is not None})
    }


def for_team(settings: Settings, team: dict[str, Any]) -> Settings:
    """``settings`` (the company's, in force) with one team's overrides (from ``team_overrides``) applied."""
    for key, value in team.items():
        settings = _replace(settings, key.split("."), value)
    return settings


def team_of(account: Account) -> int | None:
    """The team an account belongs to: a manager's own, a salesperson's manager's; None outside any team."""
    return account.id if account.role.value == "manager" else account.manager_id


async def history(*, team_id: int | None = None, limit: int = 100) -> list[SettingChange]:
    """Newest first: every change (company and teams), or one team's only."""
    rows = SettingChange.all() if team_id is None else SettingChange.filter(team_id=team_id)
    return list(await rows.order_by("-id").limit(limit).select_related("changed_by"))


async def change(
    *, actor: Account, key: str, raw: str | None, resources: Resources, base: Settings, team_id: int | None = None
) -> Any:
    """Set ``key`` from the text ``raw`` (None or empty: back to config.yaml, or for a team to the company's value)
    for the company (admins) or for one team (``team_id``: its manager, or an admin; keys of ``TEAM_EDITABLE``).
    Returns the value now in force there. AppError naming the field when the text is not a valid value."""
    role = actor.role.value
    if team_id is None and role != "admin":
        raise AdminsOnly("change_settings")
    if team_id is not None:
        if role not in ("admin", "manager"):
            raise ManagersOnly("change_team_settings")
        if role == "manager" and team_id != actor.id:
            raise OutsideYourTeam(await Account.get_or_none(id=team_id) or Account(id=team_id, name=str(team_id)))
        if role == "admin" and not await Account.filter(id=team_id, role="manager").exists():
            raise InvalidSetting("team", "团队", "一位经理的团队")
    item = EDITABLE.get(key)
    if item is None or (team_id is not None and key not in TEAM_EDITABLE):
        raise InvalidSetting(key[:64], key[:64], "可修改的设置")
    try:
        value = _parse(item.kind, raw) if raw and raw.strip() else None
    except ValueError:
        raise InvalidSetting(key, item.label, EXPECTED[item.kind]) from None
    before = await _in_force(resources.settings, key, team_id)
    where = {} if team_id is None else {"team": team_id}
    async with in_transaction():
        await SettingChange.create(
            key=key, value=None if value is None else {"value": value}, changed_by=actor, team_id=team_id
        )
        await audit.record(
            actor, "setting.change", "setting", None, before={key: before, **where}, after={key: value, **where}
        )
    await resources.redis.incr(VERSION_KEY)
    await refresh(resources, base)
    return await _in_force(resources.settings, key, team_id)


async def _in_force(settings: Settings, key: str, team_id: int | None) -> Any:
    if team_id is None:
        return current(settings, key)
    return current(for_team(settings, (await team_overrides(team_id)).get(team_id, {})), key)


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
