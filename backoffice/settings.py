"""Settings a non-developer changes at run time (matching weights, stage probabilities, reminder times,
template ids), stored with their history and applied in every process; secrets are never shown."""

from __future__ import annotations

from itertools import groupby

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from models.enums import Role
from services import runtime_settings
from services.errors import AdminsOnly

bp = Blueprint("bo_settings")
web.nav(70, "/settings", "设置", (Role.ADMIN,))


@bp.get("/settings")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    if request.ctx.account.role != Role.ADMIN:
        raise AdminsOnly("change_settings")
    effective = request.app.ctx.resources.settings
    base = request.app.ctx.base_settings
    overrides = await runtime_settings.overrides()
    rows = [
        {
            "item": item,
            "value": runtime_settings.current(effective, item.key),
            "default": runtime_settings.current(base, item.key),
            "changed": item.key in overrides,
        }
        for item in runtime_settings.EDITABLE.values()
    ]
    return web.render(
        request,
        "settings.html",
        title="设置",
        groups=[(group, list(items)) for group, items in groupby(rows, key=lambda row: row["item"].group)],
        history=await runtime_settings.history(),
        labels={key: item.label for key, item in runtime_settings.EDITABLE.items()},
        flash=request.args.get("saved") and "已保存，所有服务几秒内生效",
    )


@bp.post("/settings")
@web.staff_page
async def save(request: Request) -> HTTPResponse:
    key = web.field(request, "key")
    raw = None if web.field(request, "reset") else web.field(request, "value")
    await runtime_settings.change(
        actor=request.ctx.account,
        key=key,
        raw=raw,
        resources=request.app.ctx.resources,
        base=request.app.ctx.base_settings,
    )
    return redirect("/bo/settings?saved=1")
