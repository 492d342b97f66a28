"""Signing in and out: the official account's QR code (polled by the page), one-time links, sign-out."""

from __future__ import annotations

import asyncio
import logging
import secrets

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from bot.errors import chat_text
from services import staff_sessions
from services.errors import AppError
from wechat import WeChatError

log = logging.getLogger(__name__)

bp = Blueprint("bo_auth")

ATTEMPT_COOKIE = "bo_login"
"""``<nonce>.<secret>`` of the QR code this browser shows: only this browser picks up the session."""
FORM_COOKIE = "bo_form"
"""Double-submit token of the one-time-link form, so another site cannot sign a browser in as someone else."""
QR_WAIT_S = 4
POLL_S = 2


def _next(request: Request) -> str:
    """Where to go after signing in: a back-office path of this site, else the start page."""
    target = request.args.get("next") or web.field(request, "next")
    if target.startswith(f"{web.PREFIX}/") and not target.startswith("//") and "\\" not in target:
        return target
    return f"{web.PREFIX}/"


def _small_cookie(request: Request, response: HTTPResponse, name: str, value: str) -> None:
    settings = request.app.ctx.settings
    response.add_cookie(
        name,
        value,
        path=f"{web.PREFIX}/login",
        httponly=True,
        samesite="Lax",
        secure=settings.secure_cookies,
        max_age=settings.backoffice.login_ttl_s,
    )


@bp.get("/login")
async def sign_in(request: Request) -> HTTPResponse:
    resources = request.app.ctx.resources
    if await staff_sessions.get(resources, request.cookies.get(web.SESSION_COOKIE)) is not None:
        return redirect(_next(request))
    try:
        attempt = await asyncio.wait_for(staff_sessions.begin(resources), QR_WAIT_S)
    except (TimeoutError, WeChatError) as exc:
        log.warning("back office: no sign-in QR code (%s)", type(exc).__name__)
        return web.render(request, "login.html", attempt=None, next=_next(request))
    response = web.render(request, "login.html", attempt=attempt, next=_next(request), poll_s=POLL_S)
    _small_cookie(request, response, ATTEMPT_COOKIE, f"{attempt.nonce}.{attempt.secret}")
    return response


@bp.get("/login/state")
async def sign_in_state(request: Request) -> HTTPResponse:
    """The QR code's state as a fragment the page polls; once confirmed, the session and ``HX-Redirect``."""
    resources = request.app.ctx.resources
    nonce, _, secret = request.cookies.get(ATTEMPT_COOKIE, "").partition(".")
    token = await staff_sessions.claim(resources, nonce, secret)
    if token is not None:
        target = _next(request)
        response = HTTPResponse(status=204, headers={"HX-Redirect": target, **web.HEADERS})
        web.set_session_cookie(request, response, token)
        response.delete_cookie(ATTEMPT_COOKIE, path=f"{web.PREFIX}/login")
        return response
    state = await staff_sessions.state(resources, nonce, secret)
    return web.render(request, "_login_state.html", state=state, next=_next(request), poll_s=POLL_S)


@bp.get("/login/link")
async def link(request: Request) -> HTTPResponse:
    """The one-time link opens a page with one button: a link preview or scanner fetching it spends nothing."""
    form_token = secrets.token_urlsafe(24)
    response = web.render(
        request,
        "login_link.html",
        token=request.args.get("token", "")[:100],
        form_token=form_token,
        ttl_min=request.app.ctx.settings.backoffice.login_ttl_s // 60,
    )
    _small_cookie(request, response, FORM_COOKIE, form_token)
    return response


@bp.post("/login/link")
async def redeem(request: Request) -> HTTPResponse:
    resources = request.app.ctx.resources
    sent = web.field(request, "form_token")
    if not sent or not secrets.compare_digest(sent.encode(), request.cookies.get(FORM_COOKIE, "").encode()):
        return web.message(request, 403, "页面已过期", "请重新打开登录链接。", back=f"{web.PREFIX}/login")
    try:
        account = await staff_sessions.redeem_link(resources, web.field(request, "token"))
        token = await staff_sessions.start(resources, account, method="link")
    except AppError as exc:
        return web.message(request, exc.status, "无法登录", chat_text(exc), back=f"{web.PREFIX}/login")
    response = redirect(f"{web.PREFIX}/")
    response.headers.update(web.HEADERS)
    web.set_session_cookie(request, response, token)
    response.delete_cookie(FORM_COOKIE, path=f"{web.PREFIX}/login")
    return response


@bp.post("/logout")
@web.staff_page
async def sign_out(request: Request) -> HTTPResponse:
    await staff_sessions.end(request.app.ctx.resources, request.ctx.session)
    response = redirect(f"{web.PREFIX}/login")
    web.clear_session_cookie(response)
    return response
