"""What every back-office page shares: templates, the signed-in staff member, CSRF, errors as pages.

A page is a route decorated with ``@staff_page``: it runs only for a live session of an active admin,
manager or salesperson (``request.ctx.account``); a form or htmx request that changes something must carry
the session's CSRF token (``csrf`` field or ``X-CSRF-Token`` header). What the account may see or change is
decided by the services the page calls (``services.permissions``), exactly as for chat; a service's refusal
(``AppError``) is shown as a page with the chat's wording, never a 500.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request
from sanic.response import HTTPResponse, html, redirect

from bot import format as fmt
from bot.errors import chat_text
from models import Account
from models.enums import Role
from services import staff_sessions
from services.errors import AppError, NoBackOffice

log = logging.getLogger(__name__)

PREFIX = "/bo"
SESSION_COOKIE = "bo_session"
STATIC = Path(__file__).parent / "static"
STATIC_PREFIX = f"{PREFIX}/static"
HTMX = f"{STATIC_PREFIX}/vendor/htmx.org-2.0.11/htmx.min.js"
ASSET_VERSION = hashlib.sha256(b"".join((STATIC / name).read_bytes() for name in ("bo.css", "bo.js"))).hexdigest()[:10]
SAFE_METHODS = ("GET", "HEAD")
HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
ROLE_NAMES = {"admin": "管理员", "manager": "经理", "sales": "销售", "partner": "合作伙伴"}

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(static=STATIC_PREFIX, htmx=HTMX, asset_version=ASSET_VERSION, role_names=ROLE_NAMES, fmt=fmt)


def _when(moment: datetime | None, tz: str, *, date_only: bool = False) -> str:
    """``2026-11-30 14:05`` in the business time zone; empty for none."""
    if moment is None:
        return ""
    local = moment.astimezone(ZoneInfo(tz))
    return local.strftime("%Y-%m-%d" if date_only else "%Y-%m-%d %H:%M")


env.filters["when"] = _when
env.filters["num"] = lambda value: "" if value is None else fmt.num(value)


@dataclass(frozen=True)
class NavItem:
    order: int
    path: str
    label: str
    roles: tuple[Role, ...] = (Role.ADMIN, Role.MANAGER, Role.SALES)


NAV: list[NavItem] = []
"""The menu; each page module adds its entry with ``nav(...)`` when imported."""


def nav(order: int, path: str, label: str, roles: tuple[Role, ...] = (Role.ADMIN, Role.MANAGER, Role.SALES)) -> None:
    """A menu entry at place ``order`` (概览 0, 客户 10, 房源 20, 审核 25, 跟进 30, 推荐 40, 员工 50, 操作记录 60,
    设置 70), shown to ``roles``."""
    NAV.append(NavItem(order, f"{PREFIX}{path}", label, roles))
    NAV.sort(key=lambda item: item.order)


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTTPResponse:
    account: Account | None = getattr(request.ctx, "account", None)
    session = getattr(request.ctx, "session", None)
    items = [item for item in NAV if account is not None and account.role in item.roles]
    matching = [item.path for item in items if request.path == item.path or request.path.startswith(item.path + "/")]
    page = env.get_template(template).render(
        request=request,
        account=account,
        csrf=session.csrf if session else "",
        nav=items,
        current_nav=max(matching, key=len, default=f"{PREFIX}/" if request.path.rstrip("/") == PREFIX else ""),
        path=request.path,
        tz=request.app.ctx.settings.timezone,
        **context,
    )
    return html(page, status=status, headers=HEADERS)


def message(request: Request, status: int, heading: str, text: str, *, back: str | None = None) -> HTTPResponse:
    return render(request, "message.html", status=status, heading=heading, text=text, back=back)


def set_session_cookie(request: Request, response: HTTPResponse, token: str) -> None:
    settings = request.app.ctx.settings
    response.add_cookie(
        SESSION_COOKIE,
        token,
        path=PREFIX,
        httponly=True,
        samesite="Lax",
        secure=settings.secure_cookies,
        max_age=settings.backoffice.max_age_s,
    )


def clear_session_cookie(response: HTTPResponse) -> None:
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)


def form(request: Request) -> dict[str, list[str]]:
    """A urlencoded or multipart form's fields (each a list of values); an unreadable body is an empty form."""
    content_type = request.headers.get("content-type") or ""
    if content_type.startswith("multipart/form-data"):
        return dict(request.form or {})
    if not content_type.startswith("application/x-www-form-urlencoded"):
        return {}
    try:
        return parse_qs((request.body or b"").decode(), keep_blank_values=True)
    except UnicodeDecodeError:
        return {}


def field(request: Request, name: str, default: str = "") -> str:
    """One form field, stripped."""
    values = form(request).get(name)
    return values[0].strip() if values else default


def to_sign_in(request: Request) -> HTTPResponse:
    """Back to the sign-in page, and then to where the user was going (htmx follows ``HX-Redirect``)."""
    target = request.path if request.method in SAFE_METHODS else f"{PREFIX}/"
    location = f"{PREFIX}/login?next={quote(target)}"
    if request.headers.get("hx-request"):
        response = HTTPResponse(status=204, headers={"HX-Redirect": location})
    else:
        response = redirect(location)
    clear_session_cookie(response)
    return response


Page = Callable[..., Awaitable[HTTPResponse]]


def staff_page(handler: Page) -> Page:
    """Only for a signed-in, active staff member; checks CSRF on changes; shows refusals as pages."""

    @wraps(handler)
    async def page(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        resources = request.app.ctx.resources
        session = await staff_sessions.get(resources, request.cookies.get(SESSION_COOKIE))
        if session is None:
            return to_sign_in(request)
        account = await Account.get_or_none(id=session.account_id)
        try:
            staff_sessions.ensure_staff(account)
        except NoBackOffice:
            await staff_sessions.end_all(resources, session.account_id)
            return to_sign_in(request)
        request.ctx.account, request.ctx.session = account, session
        if request.method not in SAFE_METHODS:
            sent = request.headers.get("x-csrf-token") or field(request, "csrf")
            if not secrets.compare_digest(sent.encode(), session.csrf.encode()):
                return message(request, 403, "页面已过期", "请刷新页面后再提交一次。")
        try:
            return await handler(request, *args, **kwargs)
        except AppError as exc:
            return message(request, exc.status, "操作没有完成", chat_text(exc))

    return page
