"""The pages: a listing (/h5/listings/A12), a staff member's portfolio (/h5/s/s12), the consultation form."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from functools import partial
from urllib.parse import parse_qsl

from markupsafe import Markup
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html
from sanic.response import json as json_response

from h5 import content, identity
from miniapp_api import errors as api_errors
from models.enums import EventKind
from services import consultations, ratelimit, tracking
from services.errors import AppError, InvalidRequest, ListingNotFound, NotFound, WeChatUnavailable
from wechat import WeChatError

log = logging.getLogger(__name__)

bp = Blueprint("h5_pages")
bp.static("/static", content.Path(__file__).parent / "static", name="static")

CODE = re.compile(r"[A-Za-z]{1,3}[0-9]{1,9}")
STAFF_CODE = re.compile(r"s[1-9][0-9]{0,9}")
SHARE_APIS = ["updateAppMessageShareData", "updateTimelineShareData"]
JSSDK_WAIT_S = 0.5
NO_STORE = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


@bp.get("/listings/<code:str>")
async def listing(request: Request, code: str) -> HTTPResponse:
    if not CODE.fullmatch(code):
        return _message(request, 404, "没有找到这个房源", "链接可能有误，请向顾问索取新的链接。")
    return await _serve(request, "listing", code.upper(), content.listing_page)


@bp.get("/s/<scene:str>")
async def portfolio(request: Request, scene: str) -> HTTPResponse:
    if not STAFF_CODE.fullmatch(scene):
        return _message(request, 404, "没有找到这位顾问", "链接可能有误，请向顾问索取新的链接。")
    return await _serve(request, "portfolio", scene, content.portfolio_page)


async def _serve(request: Request, kind: str, key: str, build) -> HTTPResponse:
    settings = request.app.ctx.settings
    visitor = identity.current(request)
    visitor, redirect = await identity.sign_in(request, visitor)
    if redirect is not None:
        return redirect
    try:
        page = await content.cached(kind, key, partial(build, settings=settings), settings.h5.page_cache_s)
    except NotFound:
        return _message(request, 404, "没有找到这个页面", "链接可能有误，请向顾问索取新的链接。")
    token = tracking.mint_token()
    parent = request.args.get("t")
    parent = parent if tracking.TOKEN.fullmatch(parent or "") else None
    scene_account = tracking.scene_account(request.args.get("s")) if kind == "listing" else page.owner_id
    channel = tracking.channel_of(request.args.get("c"), shared=parent is not None)
    if not identity.is_robot(request):
        events = [
            tracking.view_event(
                token=token,
                parent_token=parent,
                listing_id=page.listing_id,
                visitor=visitor.id,
                wechat_user_id=visitor.wechat_user_id,
                scene_account_id=scene_account,
                channel=channel,
            )
        ]
        if channel == "poster":
            events.append(tracking.follow_event(EventKind.POSTER_SCAN, token=token, visitor=visitor.id))
        tracking.enqueue(request.app.ctx.resources.redis, events)
    base = settings.public_base_url.rstrip("/")
    share_link = f"{base}{request.path}?t={token}"
    wechat = identity.in_wechat(request)
    config = {
        "token": token,
        "events": "/h5/events",
        "jssdk": "/h5/jssdk",
        "dwellCapS": settings.h5.dwell_cap_s,
        "share": {
            "title": page.title,
            "desc": page.description,
            "imgUrl": page.cover or "",
            "link": f"{share_link}&c=share",
            "timelineLink": f"{share_link}&c=moments",
        },
        "wx": await _jssdk(request, identity.page_url(request)) if wechat else None,
    }
    head, tail = page.document(wechat=wechat)
    response = HTTPResponse(
        head + content.script_json(config).encode() + tail,
        status=page.status,
        headers=NO_STORE,
        content_type="text/html; charset=utf-8",
    )
    if visitor.new:
        identity.set_cookie(request, response, visitor)
    return response


async def _jssdk(request: Request, url: str) -> dict | None:
    """``wx.config`` for ``url``, or None if WeChat does not answer at once (the page then asks /h5/jssdk)."""
    try:
        config = await asyncio.wait_for(
            request.app.ctx.resources.wechat.jsapi.config(url, api_list=SHARE_APIS), JSSDK_WAIT_S
        )
    except (TimeoutError, WeChatError) as exc:
        log.info("h5: no jsapi_ticket for the page (%s)", type(exc).__name__)
        return None
    return {**config, "url": url}


@bp.get("/jssdk")
async def jssdk(request: Request) -> HTTPResponse:
    """``wx.config`` for the URL the browser shows, when it differs from the one the page was signed for."""
    url = request.args.get("url", "")
    base = request.app.ctx.settings.public_base_url.rstrip("/") + "/h5/"
    if not url.startswith(base) or len(url) > 2048 or any(c in url for c in "#\r\n "):
        raise InvalidRequest("url must be an H5 page of this site, without fragment", {"url": "invalid"})
    try:
        config = await request.app.ctx.resources.wechat.jsapi.config(url, api_list=SHARE_APIS)
    except WeChatError:
        raise WeChatUnavailable("jssdk") from None
    return json_response({**config, "url": url}, headers=NO_STORE)


CONSULT_FIELDS = {"phone": 20, "name": 32, "need": 500, "company": 128, "t": 16, "website": 200}


@bp.post("/listings/<code:str>/consult")
async def consult(request: Request, code: str) -> HTTPResponse:
    """The consultation form: a lead exactly as the mini-program leaves one, credited to whoever shared the link."""
    wants_json = "application/json" in request.headers.get("accept", "") or request.headers.get(
        "content-type", ""
    ).startswith("application/json")
    try:
        await _consult(request, code)
    except AppError as exc:
        if wants_json:
            return json_response(api_errors.to_json(exc), status=exc.status, headers=exc.headers)
        return _message(request, exc.status, "提交没有成功", api_errors.message(exc), back=f"/h5/listings/{code[:12]}")
    message = "已收到，顾问会尽快与您联系。"
    if wants_json:
        return json_response({"ok": True, "message": message}, status=201)
    return _message(request, 201, "提交成功", message, back=f"/h5/listings/{code[:12]}")


async def _consult(request: Request, code: str) -> None:
    resources = request.app.ctx.resources
    form = _form(request)
    ip = request.remote_addr or request.ip or "unknown"
    await ratelimit.hit(resources.redis, f"h5:consult:{ip}", resources.settings.h5.consults_per_ip_per_min)
    if not CODE.fullmatch(code):
        raise ListingNotFound(code)
    if form.get("website"):  # the hidden field only robots fill in: answered alike, nothing recorded
        return
    visitor = identity.current(request)
    done = await consultations.create(
        resources,
        code=code,
        phone=form.get("phone", ""),
        name=form.get("name"),
        need=form.get("need"),
        company=form.get("company"),
        token=form.get("t"),
        visitor=visitor.id,
        wechat_user_id=visitor.wechat_user_id,
    )
    if done.wechat_user_id != visitor.wechat_user_id:
        request.ctx.visitor = identity.Visitor(visitor.id, done.wechat_user_id, visitor.oauth_tried)


def _form(request: Request) -> dict[str, str]:
    return _form_fields(request, CONSULT_FIELDS)


def _form_fields(request: Request, fields: dict[str, int]) -> dict[str, str]:
    """``fields`` (name: longest length) as short strings, from JSON or a urlencoded body; AppError otherwise."""
    raw = request.body or b""
    if len(raw) > 4096:
        raise InvalidRequest("form too large", {"form": "too large"})
    try:
        if request.headers.get("content-type", "").startswith("application/json"):
            data = json.loads(raw or b"{}")
        else:
            data = dict(parse_qsl(raw.decode(), keep_blank_values=True))
    except (ValueError, UnicodeDecodeError):
        raise InvalidRequest("form must be JSON or urlencoded", {"form": "invalid"}) from None
    if not isinstance(data, dict):
        raise InvalidRequest("form must be an object", {"form": "invalid"})
    out = {}
    for name, limit in fields.items():
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InvalidRequest(f"{name} must be text", {name: "invalid"})
        value = value.strip()
        if len(value) > limit:
            raise InvalidRequest(f"{name} is too long", {name: "too long"})
        out[name] = value
    return out


def _message(request: Request, status: int, heading: str, text: str, *, back: str | None = None) -> HTTPResponse:
    body = content.env.get_template("message.html").render(heading=heading, text=text, back=back)
    page = content.env.get_template("base.html").render(
        title=heading,
        description=text,
        cover=None,
        body=Markup(body),
        config_json=Markup("{}"),
        static=content.STATIC_PREFIX,
        asset_version=content.ASSET_VERSION,
        wechat=False,
        panorama=False,
    )
    return html(page, status=status, headers=NO_STORE)


@bp.on_response
async def _remember_visitor(request: Request, response: HTTPResponse) -> None:
    """A consultation from outside WeChat created the visitor's user: the cookie keeps it."""
    visitor = getattr(request.ctx, "visitor", None)
    if visitor is not None:
        identity.set_cookie(request, response, visitor)
