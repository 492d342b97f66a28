"""``A12 数据``: a listing's H5 figures for today and the last 7 days, and how far it has been forwarded."""

from __future__ import annotations

from bot.context import Context
from services import listing_stats


def _line(label: str, f: listing_stats.Figures) -> str:
    parts = [
        f"浏览{f.views}（{f.visitors}人）",
        f"转发带来{f.shares}",
        f"海报扫码{f.poster_scans}",
        f"咨询{f.consultations}",
        f"带看{f.viewings}",
        f"成交{f.deals}",
    ]
    if f.avg_dwell_s:
        parts.append(f"平均停留{f.avg_dwell_s}秒")
    return f"{label}：" + "，".join(parts)


async def listing_figures(ctx: Context, slots: dict, chosen=None) -> str:
    code = str(slots.get("listing") or "").strip()
    if not code:
        return "要看哪套房源的数据？例如：A12 数据"
    result = await listing_stats.for_listing(ctx.resources, actor=ctx.actor, code=code, now=ctx.now)
    tree = result["tree"]
    lines = [
        f"{result['code']} {result['title']}（H5页面）",
        _line("今天", result["today"]),
        _line("近7天", result["week"]),
    ]
    if tree.sharers:
        lines.append(
            f"转发：{tree.sharers}人转发带来{tree.new_visitors}位新访客，裂变系数{tree.fission}，最远传了{tree.depth}层"
        )
    else:
        lines.append("近7天还没有人转发。发「生成海报 " + result["code"] + "」或把H5链接发到群里试试。")
    return "\n".join(lines)
