"""POST /usage/time: the mini-program's foreground time, for the dashboard's time in app (services.rollups).

The mini-program measures the time it is on screen (``wx.onAppShow`` to ``wx.onAppHide``) and reports it
when it goes to the background and every minute while it stays on screen, so a closed or killed app loses at
most one minute. Each report is at most ``MAX_REPORT_S`` seconds; the rollup also caps a user's day.
"""

from __future__ import annotations

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty

from miniapp_api.schema import ERROR, obj, operation
from miniapp_api.validation import validate_body
from services import metrics

bp = Blueprint("mp_usage")
MAX_REPORT_S = 300

REPORT = operation(
    "post",
    "/usage/time",
    "Report seconds the mini-program was on screen since the last report (send on wx.onAppHide and every 60 s "
    f"while shown; at most {MAX_REPORT_S} per report)",
    body=obj({"seconds": {"type": "integer", "minimum": 1, "maximum": MAX_REPORT_S}}, ("seconds",)),
    responses={204: None, 400: ERROR},
)


@bp.post("/usage/time")
async def report_time(request: Request) -> HTTPResponse:
    body = validate_body(REPORT, request.json)
    resources = request.app.ctx.resources
    metrics.add_miniapp_time(
        resources.redis, timezone=resources.settings.timezone, user_id=request.ctx.user_id, ms=body["seconds"] * 1000
    )
    return empty()
