"""Settings a non-developer changes at run time (matching weights, stage probabilities, reminder times,
template ids), stored with their history and applied in every process; secrets are never shown.

An admin changes the company's values and sees every team's own; a manager changes their team's reminder
times (``runtime_settings.TEAM_EDITABLE``), which override the company's for their team only."""

from __future__ import annotations

from itertools import groupby

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from models import Account
from models.enums import Role
from services import runtime_settings
from services.errors import ManagersOnly

bp = Blueprint("bo_settings")
web.nav(70, "/settings", "设置", (Role.ADMIN, Role.MANAGER))


@bp.get("/settings")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    if not account.is_manager:
        raise ManagersOnly("change_team_settings")
    effective = request.app.ctx.resources.settings
    base = request.app.ctx.base_settings
    admin = account.role == Role.ADMIN
    teams = await runtime_settings.team_overrides(None if admin else account.id)
    groups = []
    if admin:
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
        groups = [(group, list(items)) for group, items in groupby(rows, key=lambda row: row["item"].group)]
    own = teams.get(account.id, {})
    team_rows = [
        {
            "item": runtime_settings.EDITABLE[key],
            "value": runtime_settings.current(runtime_settings.for_team(effective, own), key),
            "company": runtime_settings.current(effective, key),
            "changed": key in own,
        }
        for key in runtime_settings.TEAM_EDITABLE
    ]
    names = dict(await Account.filter(id__in=list(teams)).values_list("id", "name")) if admin else {}
    return web.render(
        request,
        "settings.html",
        title="设置",
        groups=groups,
        team_rows=[] if admin else team_rows,
        other_teams=[
            (
                names.get(team, str(team)),
                [(runtime_settings.EDITABLE[key].label, value) for key, value in values.items()],
            )
            for team, values in teams.items()
        ]
        if admin
        else [],
        history=await runtime_settings.history(team_id=None if admin else account.id),
        labels={key: item.label for key, item in runtime_settings.EDITABLE.items()},
        team_names=names,
        flash=request.args.get("saved") and "已保存，所有服务几秒内生效",
    )


@bp.post("/settings")
@web.staff_page
async def save(request: Request) -> HTTPResponse:
    key = web.field(request, "key")
    raw = None if web.field(request, "reset") else web.field(request, "value")
    team = web.field(request, "team")
    await runtime_settings.change(
        actor=request.ctx.account,
        key=key,
        raw=raw,
        resources=request.app.ctx.resources,
        base=request.app.ctx.base_settings,
        team_id=int(team) if team.isdigit() and len(team) <= 10 else None,
    )
    return redirect("/bo/settings?saved=1")
