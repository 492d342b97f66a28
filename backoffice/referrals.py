"""Referrals: every code and campaign with what it brought (scans, follows, leads, deals), campaigns created
with their printable QR poster, a campaign's forwarding tree, codes paused and resumed, and the partners."""

from __future__ import annotations

import json

from markupsafe import Markup
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from backoffice.dashboard import ASSET_VERSION, ECHARTS
from models import Account, ReferralScene
from services.errors import AppError, ManagersOnly, NotFound
from services.referrals import attribution, codes, stats, tree
from wechat import WeChatError

bp = Blueprint("bo_referrals")
web.nav(40, "/referrals", "推荐")


@bp.get("/referrals")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    return web.render(
        request,
        "referrals.html",
        title="推荐",
        scenes=await stats.visible_scenes(account),
        partners=await stats.partners() if account.is_manager else [],
        staff=await Account.filter(active=True).exclude(role="partner").order_by("name") if account.is_manager else [],
    )


@bp.post("/referrals/campaigns")
@web.staff_page
async def create_campaign(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    if not account.is_manager:
        raise ManagersOnly("pause_referral_code")
    name = web.field(request, "name")[:64]
    if not name:
        raise AppError("a campaign needs a name", fields={"name": "required"})
    owner_id = web.field(request, "owner")
    owner = await Account.get_or_none(id=int(owner_id), active=True) if owner_id.isdigit() else None
    scene = await attribution.create_campaign(name, owner=owner)
    return redirect(f"/bo/referrals/{scene.scene}/poster")


async def _scene(account: Account, value: str) -> ReferralScene:
    scene = await ReferralScene.get_or_none(scene=value[:32]).select_related("owner")
    if scene is None or not (account.is_manager or scene.owner_id == account.id):
        raise NotFound("no such referral code")
    return scene


@bp.get("/referrals/<value:str>/poster")
@web.staff_page
async def poster(request: Request, value: str) -> HTTPResponse:
    """The code's QR image on a page that prints on one sheet."""
    resources = request.app.ctx.resources
    scene = await _scene(request.ctx.account, value)
    try:
        image = resources.storage.url(await codes.qr_image(resources, scene))
    except WeChatError:
        image = None
    return web.render(
        request,
        "referral_poster.html",
        title=scene.name or scene.scene,
        scene=scene,
        image=image,
        figures=await stats.for_scenes([scene.id]),
    )


@bp.get("/referrals/<value:str>/tree")
@web.staff_page
async def forwarding_tree(request: Request, value: str) -> HTTPResponse:
    """Who the campaign's code brought and whom their forwarded links brought (services.referrals.tree)."""
    scene = await tree.visible_campaign(request.ctx.account, value)
    drawn = await tree.campaign_tree(scene)
    return web.render(
        request,
        "referral_tree.html",
        title=f"转发树：{scene.name or scene.scene}",
        scene=scene,
        drawn=drawn,
        figures=await stats.for_scenes([scene.id]),
        figures_json=Markup(json.dumps({"forwarding": drawn}, ensure_ascii=False).replace("</", "<\\/")),
        echarts=ECHARTS,
        dashboard_version=ASSET_VERSION,
    )


@bp.post("/referrals/<value:str>/<action:str>")
@web.staff_page
async def pause(request: Request, value: str, action: str) -> HTTPResponse:
    if action not in ("pause", "resume"):
        raise NotFound("unknown action")
    scene = await _scene(request.ctx.account, value)
    await attribution.set_paused(
        request.app.ctx.resources.redis, actor=request.ctx.account, scene=scene, paused=action == "pause"
    )
    return redirect("/bo/referrals")
