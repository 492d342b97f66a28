"""The start page: the business at a glance (the KPI dashboard fills it)."""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from backoffice import web

bp = Blueprint("bo_dashboard")
web.nav(0, "/", "概览")


@bp.get("/")
@web.staff_page
async def dashboard(request: Request) -> HTTPResponse:
    return web.render(request, "dashboard.html", title="概览")
