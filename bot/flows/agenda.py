"""``agenda``: due and overdue follow-ups of the day (or of a range: 这周有哪些要跟进的), by time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import format as fmt
from bot.context import Context
from services import agenda, withdrawals
from services.commissions import yuan

# Enough lines to plan the day and still fit one passive reply (2,048 bytes).
SHOWN_DUE, SHOWN_OVERDUE, FETCHED = 10, 5, 30
SHOWN_TEAM = 8
SHOWN_APPROVALS = 3


def _moment(at: datetime, plan: agenda.Agenda, tz: str) -> str:
    """The time of a day's follow-up; the day and time of one in a range."""
    return fmt.when(at, tz) if plan.until != plan.day else f"{at.astimezone(ZoneInfo(tz)):%H:%M}"


def _count(items: list) -> str:
    return f"{len(items)}+" if len(items) >= FETCHED else str(len(items))


def _rest(items: list, shown: int) -> list[str]:
    if len(items) <= shown:
        return []
    return [f"  …另有{len(items) - shown}{'+' if len(items) >= FETCHED else ''}个"]


def _viewing_line(viewing, plan: agenda.Agenda, tz: str) -> str:
    """``· 14:00 看房 A61 王先生 13800001111（华兴精密）``: who comes, to reach them before."""
    user = viewing.wechat_user
    visitor = " ".join(x for x in (user.name, user.phone) if x) if user else ""
    client = f"（{viewing.client.display_name}）" if viewing.client else ""
    when = _moment(viewing.start_at, plan, tz)
    return f"· {when} 看房 {viewing.listing.code} {visitor or '小程序用户'}{client}"


def _label(first: date, last: date, today: date) -> str:
    """今天, 12月3日, or a range: 本周（12月1日至12月6日）."""
    if first == last:
        return "今天" if first == today else f"{first.month}月{first.day}日"
    week = "本周" if first <= today + timedelta(days=6 - today.weekday()) else "下周"
    return f"{week}（{first.month}月{first.day}日至{last.month}月{last.day}日）"


async def show(ctx: Context, slots: dict, chosen=None) -> str:
    settings = ctx.resources.settings
    tz = ZoneInfo(settings.timezone)
    today = ctx.now.astimezone(tz).date()
    day = slots.get("day") or today
    until = slots.get("until")
    plan = await agenda.for_day(actor=ctx.actor, day=day, until=until, settings=settings, now=ctx.now, limit=FETCHED)
    label = _label(plan.day, plan.until, today)
    team = (
        await agenda.team_load(manager=ctx.actor, day=day, until=until, settings=settings, now=ctx.now)
        if ctx.actor.is_manager
        else []
    )
    approvals = await withdrawals.pending_reviews(ctx.actor, limit=SHOWN_APPROVALS + 1) if ctx.actor.is_manager else []
    if not plan.due and not plan.overdue and not plan.viewings and not team and not approvals:
        return f"{label}没有待跟进的客户。记录跟进时写上下次时间，例如「跟进 华兴精密 明天10点再联系」。"
    lines = [] if plan.due or plan.overdue or plan.viewings else [f"{label}你自己没有待跟进的客户。"]
    if plan.viewings:
        lines.append(f"{label}小程序看房预约{len(plan.viewings)}个：")
        lines += [_viewing_line(v, plan, settings.timezone) for v in plan.viewings[:SHOWN_DUE]]
    if plan.due:
        lines.append(f"{label}待跟进{_count(plan.due)}个：")
        lines += [
            f"· {_moment(f.next_at, plan, settings.timezone)} {f.client.display_name[:12]} {f.content[:12]}"
            for f in plan.due[:SHOWN_DUE]
            if f.next_at  # always set: due means planned for the day
        ]
        lines += _rest(plan.due, SHOWN_DUE)
    if plan.overdue:
        lines.append(f"已逾期{_count(plan.overdue)}个：")
        lines += [
            f"· {fmt.when(f.next_at, settings.timezone, with_weekday=False)} {f.client.display_name[:12]} "
            f"{f.content[:12]}"
            for f in plan.overdue[:SHOWN_OVERDUE]
        ]
        lines += _rest(plan.overdue, SHOWN_OVERDUE)
    if team:
        lines.append("团队：" + "，".join(f"{m.name} 待{m.due} 逾期{m.overdue}" for m in team[:SHOWN_TEAM]))
    if approvals:
        more = "等" if len(approvals) > SHOWN_APPROVALS else ""
        lines.append(
            "待审核提现："
            + "，".join(f"{w.code} {w.account.name} {yuan(w.amount_fen)}元" for w in approvals[:SHOWN_APPROVALS])
            + more
            + "（发「提现审核」看全部）"
        )
    lines.append("跟进后发「跟进 客户名 …」记录。")
    return "\n".join(lines)
