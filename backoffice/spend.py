"""Channel spend (/bo/spend, admins): enter what a channel cost on a day, or import a CSV; the dashboard's
acquisition cost and ROI are computed from it (services.spend, services.kpis)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from models.enums import Role, Source
from services import kpis, spend
from services.errors import AppError

bp = Blueprint("bo_spend")
web.nav(65, "/spend", "渠道花费", (Role.ADMIN,))
MAX_UPLOAD = 1024 * 1024


@bp.get("/spend")
@web.staff_page
async def spend_page(request: Request) -> HTTPResponse:
    return await _page(request)


@bp.post("/spend")
@web.staff_page
async def add(request: Request) -> HTTPResponse:
    try:
        line = spend.line_of(
            spent_on=web.field(request, "spent_on"),
            channel=web.field(request, "channel"),
            amount=web.field(request, "amount"),
            note=web.field(request, "note"),
        )
    except AppError as exc:
        return await _page(request, errors=[exc.message], status=400)
    await spend.record(request.ctx.account, line)
    return redirect(f"{web.PREFIX}/spend?added=1")


@bp.post("/spend/import")
@web.staff_page
async def import_csv(request: Request) -> HTTPResponse:
    upload = request.files.get("file") if request.files else None
    if upload is None or not upload.body:
        return await _page(request, errors=["请选择要导入的CSV文件。"], status=400)
    if len(upload.body) > MAX_UPLOAD:
        return await _page(request, errors=["文件太大：一次最多1MB。"], status=400)
    try:
        text = upload.body.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = upload.body.decode("gb18030")  # Excel on Chinese Windows saves CSV in GBK
        except UnicodeDecodeError:
            return await _page(request, errors=["文件不是UTF-8或GBK编码的CSV。"], status=400)
    try:
        done = await spend.import_csv(request.ctx.account, text)
    except AppError as exc:
        problems = [f"{where}：{problem}" for where, problem in (exc.fields or {}).items()]
        return await _page(request, errors=[exc.message, *problems], status=400)
    return redirect(f"{web.PREFIX}/spend?imported={done.created}&skipped={done.skipped}")


@bp.post("/spend/<spend_id:int>/delete")
@web.staff_page
async def delete(request: Request, spend_id: int) -> HTTPResponse:
    await spend.delete(request.ctx.account, spend_id)
    return redirect(f"{web.PREFIX}/spend?deleted=1")


async def _page(request: Request, *, errors: list[str] | None = None, status: int = 200) -> HTTPResponse:
    today = datetime.now(timezone.utc).astimezone(ZoneInfo(request.app.ctx.settings.timezone)).date()
    since = _day(request.args.get("since")) or today.replace(day=1) - timedelta(days=62)
    until = _day(request.args.get("until")) or today
    rows = await spend.list_spend(request.ctx.account, since=since, until=until)
    return web.render(
        request,
        "spend.html",
        status=status,
        title="渠道花费",
        rows=rows,
        since=since,
        until=until,
        today=today,
        channels=[(s.value, kpis.SOURCE_LABELS[s]) for s in Source],
        labels={s.value: kpis.SOURCE_LABELS[s] for s in Source},
        total_fen=sum(r.amount_fen for r in rows),
        errors=errors or [],
        args=request.args,
    )


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
