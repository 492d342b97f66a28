"""``我的数据``, ``本周团队业绩``, ``李四的客户``, ``张三今天跟进了哪些``: what salespeople did, in the role's scope."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from bot import format as fmt
from bot.context import Context
from bot.flows import common
from nlp import Period
from services import performance
from services.commissions import yuan

SHOWN_FOLLOWUPS = 15
SHOWN_CLIENTS = 20


def _line(f: performance.Figures) -> str:
    line = f"新客户{f.new_clients}个，跟进{f.followups}次，带看{f.viewings}次，成交{f.deals}单"
    return line + (f"（合计{yuan(f.deal_size_fen)}元）" if f.deal_size_fen else "")


async def my_stats(ctx: Context, slots: dict, chosen=None) -> str:
    """``我的数据``; ``张三这周的数据`` for a manager (a colleague's, in the manager's scope)."""
    settings = ctx.resources.settings
    periods = [slots["period"]] if slots.get("period") else [Period.WEEK, Period.MONTH]
    spans = [performance.span(p, now=ctx.now, settings=settings) for p in periods]
    if slots.get("staff"):
        whose, rows = await performance.figures_of(actor=ctx.actor, name=slots["staff"], spans=spans)
    else:
        whose, rows = ctx.actor, await performance.own(actor=ctx.actor, spans=spans)
    lines = [f"{whose.name}的数据："]
    lines += [f"{s.label}：{_line(f)}" for s, f in rows]
    lines.append("成交金额为首年租金或售价。" + ("发「今天跟进谁」看待办。" if whose.id == ctx.actor.id else ""))
    return "\n".join(lines)


async def team_stats(ctx: Context, slots: dict, chosen=None) -> str:
    within = performance.span(slots.get("period") or Period.WEEK, now=ctx.now, settings=ctx.resources.settings)
    rows = await performance.team(actor=ctx.actor, within=within)
    total = performance.Figures(
        *(sum(getattr(r.figures, field) for r in rows) for field in performance.Figures.__dataclass_fields__)
    )
    lines = [f"{within.label}团队业绩（{len(rows)}人）：", f"合计：{_line(total)}"]
    lines += [f"· {r.account.name}：{_line(r.figures)}" for r in rows]
    return "\n".join(lines)


async def staff_clients(ctx: Context, slots: dict, chosen=None) -> str:
    owner, found, total = await performance.clients_of(
        actor=ctx.actor, name=slots.get("staff") or ctx.actor.name, limit=SHOWN_CLIENTS
    )
    if not found:
        return f"{owner.name}名下还没有客户。"
    tz = ctx.resources.settings.timezone
    lines = [f"{owner.name}的客户（共{total}个，最近有动静的在前）："]
    lines += [
        f"{i}. {c.display_name} {common.contact_beside(c)}{fmt.stage(c.stage)}"
        + (f" 下次{fmt.when(c.next_followup_at, tz, with_weekday=False)}" if c.next_followup_at else "")
        for i, c in enumerate(found, 1)
    ]
    if total > len(found):
        lines.append(f"  …另有{total - len(found)}个，发「查客户 名称」看某一个。")
    return "\n".join(lines)


async def staff_followups(ctx: Context, slots: dict, chosen=None) -> str:
    settings = ctx.resources.settings
    tz = ZoneInfo(settings.timezone)
    today = ctx.now.astimezone(tz).date()
    day: date | None = slots.get("day")
    if slots.get("period"):
        within = performance.span(slots["period"], now=ctx.now, settings=settings)
    else:
        day = day or today
        label = "今天" if day == today else f"{day.month}月{day.day}日"
        within = performance.day_span(day, settings=settings, label=label)
    author, notes = await performance.followups_of(actor=ctx.actor, name=slots.get("staff") or "", within=within)
    if not notes:
        return f"{author.name}{within.label}没有记录跟进。"
    moment = "%H:%M" if day else "%m-%d %H:%M"
    lines = [f"{author.name}{within.label}跟进{len(notes)}{'+' if len(notes) >= 30 else ''}次："]
    lines += [
        f"· {n.happened_at.astimezone(tz):{moment}} {n.client.display_name[:12]} "
        + (f"[{fmt.stage(n.stage)}] " if n.stage else "")
        + n.content[:30]
        for n in notes[:SHOWN_FOLLOWUPS]
    ]
    if len(notes) > SHOWN_FOLLOWUPS:
        lines.append(f"  …另有{len(notes) - SHOWN_FOLLOWUPS}次")
    return "\n".join(lines)
