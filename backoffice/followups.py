"""Follow-ups: the team's calendar by day or week, the overdue list, and each salesperson's load."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from backoffice import web
from backoffice.forms import Form
from models import Account
from services import agenda, client_lists

bp = Blueprint("bo_followups")
web.nav(30, "/followups", "跟进")


@bp.get("/followups")
@web.staff_page
async def calendar(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    settings = request.app.ctx.settings
    tz = ZoneInfo(settings.timezone)
    form = Form({k: v for k, v in request.args.items()})
    now = datetime.now(timezone.utc)
    view = "day" if form.text("view", limit=4) == "day" else "week"
    try:
        day = date.fromisoformat(form.text("date", limit=10) or "")
    except ValueError:
        day = now.astimezone(tz).date()
    first = day if view == "day" else day - timedelta(days=day.weekday())
    days = [first + timedelta(days=n) for n in range(1 if view == "day" else 7)]
    since = datetime.combine(days[0], time.min, tz)
    until = datetime.combine(days[-1] + timedelta(days=1), time.min, tz)
    owners = await client_lists.owners(account)
    owner = form.integer("owner", high=2**31)
    owner_id = owner if owner in {o.id for o in owners} else None
    planned = await agenda.planned(actor=account, since=since, until=until, owner_id=owner_id)
    by_day: dict[date, list] = {d: [] for d in days}
    for followup in planned:
        by_day.setdefault(followup.next_at.astimezone(tz).date(), []).append(followup)
    step = timedelta(days=1 if view == "day" else 7)
    return web.render(
        request,
        "followups.html",
        title="跟进",
        view=view,
        day=day,
        days=days,
        by_day=by_day,
        previous=(first - step).isoformat(),
        following=(first + step).isoformat(),
        overdue=await agenda.overdue(actor=account, now=now, owner_id=owner_id),
        load=await agenda.team_load(manager=account, day=now.astimezone(tz).date(), settings=settings, now=now)
        if account.is_manager
        else [],
        owners=owners,
        owner_id=owner_id,
        weekdays="一二三四五六日",
    )
