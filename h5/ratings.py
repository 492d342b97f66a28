"""The satisfaction page a client opens after a viewing: ``/h5/rate/<token>`` (services.ratings)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from markupsafe import Markup
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html

from h5 import content
from h5.pages import NO_STORE, _form_fields, _message
from services import ratelimit, ratings
from services.errors import AppError, Conflict, NotFound

bp = Blueprint("h5_ratings")
RATE_FIELDS = {"score": 2, "comment": ratings.MAX_COMMENT}


@bp.get("/rate/<token:str>")
async def rate_page(request: Request, token: str) -> HTTPResponse:
    settings = request.app.ctx.settings
    try:
        viewing = await ratings.viewing_of(settings, token)
    except NotFound:
        return _message(request, 404, "链接已失效", "评分链接有误或已过期，谢谢您的关注。")
    when = viewing.start_at.astimezone(ZoneInfo(settings.timezone)).strftime("%m月%d日")
    body = content.env.get_template("rate.html").render(
        listing=viewing.listing.title, when=when, action=f"/h5/rate/{token}"
    )
    page = content.env.get_template("base.html").render(
        title="看房满意度",
        description="请为这次看房打分",
        cover=None,
        body=Markup(body),
        config_json=Markup("{}"),
        static=content.STATIC_PREFIX,
        asset_version=content.ASSET_VERSION,
        wechat=False,
        panorama=False,
    )
    return html(page, headers=NO_STORE)


@bp.post("/rate/<token:str>")
async def rate(request: Request, token: str) -> HTTPResponse:
    resources = request.app.ctx.resources
    ip = request.remote_addr or request.ip or "unknown"
    try:
        await ratelimit.hit(resources.redis, f"h5:rate:{ip}", resources.settings.h5.consults_per_ip_per_min)
        form = _form_fields(request, RATE_FIELDS)
        score = form.get("score", "")
        await ratings.rate(
            resources.settings, token, score=int(score) if score.isdigit() else None, comment=form.get("comment")
        )
    except Conflict:
        return _message(request, 200, "已收到您的评分", "这次看房已经评过分了，谢谢！")
    except NotFound:
        return _message(request, 404, "链接已失效", "评分链接有误或已过期，谢谢您的关注。")
    except AppError as exc:
        return _message(request, exc.status, "提交没有成功", "请选择1到5分后再提交。", back=f"/h5/rate/{token}")
    return _message(request, 201, "谢谢您的评分", "您的意见会帮助顾问把服务做得更好。")
