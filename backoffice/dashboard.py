"""The start page: the business's figures by period and team (services.kpis), with charts and CSV downloads.

Figures are computed in ``services.kpis`` for the signed-in account's scope; this page only reads the
filters, draws and exports them. Every chart's CSV (``/bo/dashboard/csv/<chart>``) is the same figures
for the same filters, so an export never shows more than the page.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from markupsafe import Markup
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from backoffice import web
from models import Account
from models.enums import Role
from services import kpis, rollups
from services.errors import AppError

bp = Blueprint("bo_dashboard")
web.nav(0, "/", "概览")
DEFAULT_DAYS = 7
ASSETS = ("dashboard.css", "dashboard.js")
ASSET_VERSION = hashlib.sha256(b"".join((web.STATIC / name).read_bytes() for name in ASSETS)).hexdigest()[:10]
ECHARTS = f"{web.STATIC_PREFIX}/vendor/echarts-5.6.0/echarts.min.js"


@bp.get("/")
@web.staff_page
async def dashboard(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    settings = request.app.ctx.settings
    period, team_id, member_id = _filters(request)
    figures = await kpis.dashboard(account, period, tz=settings.timezone, team_id=team_id, member_id=member_id)
    rolled_at = await request.app.ctx.resources.redis.get(rollups.ROLLED_AT_KEY)
    return web.render(
        request,
        "dashboard.html",
        title="概览",
        figures=figures,
        figures_json=Markup(json.dumps(figures, ensure_ascii=False).replace("</", "<\\/")),
        notes=kpis.NOTES,
        period=period,
        team_id=team_id,
        member_id=member_id,
        teams=await _teams(account),
        members=await _members(account, team_id),
        query=request.query_string,
        rolled_at=datetime.fromisoformat(rolled_at.decode()) if rolled_at else None,
        echarts=ECHARTS,
        dashboard_version=ASSET_VERSION,
    )


@bp.get("/dashboard/csv/<chart:str>")
@web.staff_page
async def chart_csv(request: Request, chart: str) -> HTTPResponse:
    account: Account = request.ctx.account
    period, team_id, member_id = _filters(request)
    figures = await kpis.dashboard(
        account, period, tz=request.app.ctx.settings.timezone, team_id=team_id, member_id=member_id
    )
    table = _table(chart, figures)
    if table is None:
        return web.message(request, 404, "没有这张图", "请回到概览页再下载。", back=f"{web.PREFIX}/")
    out = io.StringIO()
    out.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
    writer = csv.writer(out)
    writer.writerows(table)
    name = f"{chart}-{period.since.isoformat()}-{period.until.isoformat()}.csv"
    return HTTPResponse(
        out.getvalue(),
        headers={**web.HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        content_type="text/csv; charset=utf-8",
    )


def _filters(request: Request) -> tuple[kpis.Period, int | None, int | None]:
    """The period (default: the last 7 days, today included) and the team or salesperson asked for."""
    today = datetime.now(timezone.utc).astimezone(ZoneInfo(request.app.ctx.settings.timezone)).date()
    until = _day(request.args.get("until")) or today
    since = _day(request.args.get("since")) or until - timedelta(days=DEFAULT_DAYS - 1)
    return kpis.period_of(since, until), _id(request.args.get("team")), _id(request.args.get("member"))


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AppError("a day is written 2026-11-30", fields={"since": "invalid"}) from None


def _id(text: str | None) -> int | None:
    if not text:
        return None
    if not text.strip().isdigit() or len(text.strip()) > 10:
        raise AppError("not a valid choice", fields={"team": "invalid"})
    return int(text)


async def _teams(account: Account) -> list[Account]:
    """The teams an admin may pick (their managers)."""
    if account.role != Role.ADMIN:
        return []
    return await Account.filter(role=Role.MANAGER, active=True).order_by("name")


async def _members(account: Account, team_id: int | None) -> list[Account]:
    """The salespeople a manager (or an admin with a team picked) may narrow to."""
    manager_id = account.id if account.role == Role.MANAGER else team_id if account.role == Role.ADMIN else None
    if manager_id is None:
        return []
    return await Account.filter(manager_id=manager_id, active=True).exclude(role=Role.PARTNER).order_by("name")


def _table(chart: str, f: dict) -> list[list] | None:
    """A chart's figures as CSV rows, header first; None for an unknown chart or one this viewer has not."""
    if chart == "funnel":
        return [["步骤", "客户数", "步骤转化率", "总转化率"]] + [
            [s["step"], s["clients"], s["conversion"], s["overall"]] for s in f["funnel"]
        ]
    if chart == "leads":
        return [["渠道", "新客户"]] + [[r["label"], r["leads"]] for r in f["leads"]]
    if chart == "deal_cycle":
        return [["成交周期", "客户数"]] + [[r["bucket"], r["clients"]] for r in f["deal_cycle"]["distribution"]]
    if chart == "overdue":
        return [["销售", "逾期未跟进客户"]] + [[r["salesperson"], r["overdue"]] for r in f["overdue"]]
    if chart == "sharing":
        return [["日期", "浏览", "分享带来的访问"]] + [
            [d["day"], d["views"], d["shares"]] for d in f["sharing"]["daily"]
        ]
    if chart == "forwarding":
        rows: list[list] = [["层级", "访客", "来源"]]
        if f.get("forwarding"):
            _walk(f["forwarding"]["tree"], 0, rows)
        return rows
    if chart == "satisfaction":
        return [["评分", "次数"]] + [[r["score"], r["ratings"]] for r in f["satisfaction"]["distribution"]]
    if chart == "acquisition" and "acquisition" in f:
        return [["渠道", "花费(元)", "新客户", "获客成本(元)", "成交数", "成交额(元)", "ROI"]] + [
            [r["label"], r["spend_yuan"], r["leads"], r["cost_per_lead_yuan"] or "", r["deals"], r["deal_value_yuan"],
             "" if r["roi"] is None else r["roi"]]
            for r in f["acquisition"]
        ]  # fmt: skip
    if chart == "usage" and "usage" in f:
        rows = [["日期", "H5日活", "H5月活", "H5新访客", "H5时长(分钟)", "小程序日活", "小程序月活", "小程序新用户",
                 "小程序时长(分钟)"]]  # fmt: skip
        for h5, mp in zip(f["usage"]["h5"]["daily"], f["usage"]["miniapp"]["daily"], strict=True):
            rows.append(
                [
                    h5["day"],
                    h5["dau"],
                    h5["mau"],
                    h5["new"],
                    h5["minutes"],
                    mp["dau"],
                    mp["mau"],
                    mp["new"],
                    mp["minutes"],
                ]
            )
        return rows
    if chart == "chat" and "chat" in f:
        return [["意图", "名称", "回复次数"]] + [[r["intent"], r["label"], r["replies"]] for r in f["chat"]["intents"]]
    if chart == "stability" and "stability" in f:
        return [["接口", "请求数", "5xx错误", "错误率", "P95(毫秒)"]] + [
            [r["route"], r["requests"], r["errors"], r["error_rate"], "" if r["p95_ms"] is None else r["p95_ms"]]
            for r in f["stability"]
        ]
    return None


def _walk(node: dict, depth: int, rows: list[list]) -> None:
    for child in node["children"]:
        rows.append([depth + 1, child["name"], child.get("channel", "")])
        _walk(child, depth + 1, rows)
