"""Clients: search and filters, detail (timeline, stage history, matches, referrer, changes), edit, reassign,
bulk reassign, CSV export. Everything through ``services.clients``/``services.client_lists`` as chat does."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from urllib.parse import parse_qs

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from backoffice.forms import Form
from bot import format as fmt
from models import Account, AuditLog, FollowUp, StageChange
from models.enums import DealType, PropertyType, Source, Stage
from services import client_lists, matching, permissions
from services import clients as client_service
from services.errors import AccountNotFound, ChangedMeanwhile, DuplicateClient

bp = Blueprint("bo_clients")
web.nav(10, "/clients", "客户")

MATCHES_SHOWN = 8
TIMELINE_SHOWN = 200
REQUIREMENT_NUMBERS = (
    ("area_min", "面积不小于（㎡）"),
    ("area_max", "面积不大于（㎡）"),
    ("ceiling_height_min", "层高不低于（m）"),
    ("floor_load_min", "承重不低于（t/㎡）"),
    ("power_kva_min", "配电不低于（kVA）"),
    ("rent_max", "租金上限（元/㎡·月）"),
    ("budget_month_max", "月预算上限（元）"),
    ("sale_price_max", "单价上限（元/㎡）"),
    ("sale_total_max", "总价上限（元）"),
)


def _choices() -> dict:
    return {
        "stages": fmt.STAGE_NAMES,
        "sources": fmt.SOURCE_NAMES,
        "types": fmt.TYPE_NAMES,
        "deals": {"rent": "租", "sale": "买"},
        "features": fmt.FEATURE_NAMES,
        "requirement_numbers": REQUIREMENT_NUMBERS,
    }


@bp.get("/clients")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    args = parse_qs(request.query_string)
    filters = client_lists.ClientFilter.from_args(args)
    number = int(args["page"][0]) if args.get("page", [""])[0].isdigit() else 1
    page = await client_lists.page(account, filters, tz=request.app.ctx.settings.timezone, number=number)
    return web.render(
        request,
        "clients.html",
        title="客户",
        page=page,
        filters=filters,
        owners=await client_lists.owners(account),
        can_reassign=account.is_manager,
        export_limit=client_lists.EXPORT_LIMIT,
        **_choices(),
    )


@bp.get("/clients.csv")
@web.staff_page
async def export(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    filters = client_lists.ClientFilter.from_args(parse_qs(request.query_string))
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 only with a BOM
    writer = csv.writer(out)
    writer.writerow(
        [
            "编号",
            "公司",
            "联系人",
            "电话",
            "微信",
            "邮箱",
            "阶段",
            "负责人",
            "来源",
            "区域",
            "需求",
            "下次跟进",
            "录入时间",
        ]
    )
    tz = request.app.ctx.settings.timezone
    for row in await client_lists.export(account, filters, tz=tz):
        client = row.client
        writer.writerow(
            [
                client.id,
                client.company or "",
                client.contact_name or "",
                row.phone,
                row.wechat_id,
                row.email,
                fmt.stage(client.stage),
                client.owner.name if client.owner else "",
                fmt.source(client.source),
                client.region or "",
                fmt.requirement(getattr(client, "requirement", None)),
                web.env.filters["when"](client.next_followup_at, tz),
                web.env.filters["when"](client.created_at, tz),
            ]
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return HTTPResponse(
        out.getvalue().encode(),
        content_type="text/csv; charset=utf-8",
        headers={**web.HEADERS, "Content-Disposition": f'attachment; filename="clients-{stamp}.csv"'},
    )


@bp.get("/clients/<client_id:int>")
@web.staff_page
async def detail(request: Request, client_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    settings = request.app.ctx.settings
    client = await client_service.get_visible(account, client_id)
    requirement = await client_service.requirement_of(client)
    criteria = matching.Criteria.from_requirement(requirement, client.region)
    matches = [] if criteria.empty else await matching.search(criteria, settings, limit=MATCHES_SHOWN)
    await client.fetch_related("referrer", "duplicate_of")
    return web.render(
        request,
        "client.html",
        title=client.display_name,
        client=client,
        contact=await permissions.contact(account, client),
        other_contacts=[
            (person.name, await permissions.contact(account, client, person))
            for person in await client_service.contacts_of(client)
        ],
        requirement=requirement,
        requirement_text=fmt.requirement(requirement, client.region),
        timeline=await FollowUp.filter(client_id=client.id)
        .order_by("-happened_at", "-id")
        .limit(TIMELINE_SHOWN)
        .select_related("author"),
        stages=await StageChange.filter(client_id=client.id)
        .order_by("-changed_at", "-id")
        .select_related("changed_by"),
        matches=matches,
        changes=await AuditLog.filter(entity="client", entity_id=client.id)
        .order_by("-at", "-id")
        .limit(50)
        .select_related("actor"),
        owners=await client_lists.owners(account) if account.is_manager else [],
        flash=request.args.get("saved") and "已保存",
    )


@bp.get("/clients/<client_id:int>/edit")
@web.staff_page
async def edit(request: Request, client_id: int) -> HTTPResponse:
    client = await client_service.get_visible(request.ctx.account, client_id)
    return await _edit_form(request, client)


async def _edit_form(request: Request, client, *, errors: dict | None = None, status: int = 200) -> HTTPResponse:
    return web.render(
        request,
        "client_edit.html",
        status=status,
        title=f"修改 {client.display_name}",
        client=client,
        requirement=await client_service.requirement_of(client),
        errors=errors or {},
        **_choices(),
    )


@bp.post("/clients/<client_id:int>/edit")
@web.staff_page
async def save(request: Request, client_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    client = await client_service.get_visible(account, client_id)
    form = Form(web.form(request))
    changes = {
        "company": form.text("company"),
        "contact_name": form.text("contact_name", limit=64),
        "phone": form.text("phone", limit=20),
        "wechat_id": form.text("wechat_id", limit=64),
        "email": form.text("email", limit=128),
        "industry": form.text("industry", limit=64),
        "region": form.text("region", limit=64),
        "source": form.choice("source", Source) or Source.OTHER,
        "source_detail": form.text("source_detail"),
        "notes": form.text("notes", limit=2000),
        "important": form.flag("important"),
        "stage": form.choice("stage", Stage),
    }
    requirement = {name: form.number(name) for name, _ in REQUIREMENT_NUMBERS}
    requirement.update(
        deal_type=form.choice("deal_type", DealType),
        property_type=form.choice("property_type", PropertyType),
        region=form.text("requirement_region", limit=64),
        single_storey=form.maybe("single_storey"),
        features=form.many("features", fmt.FEATURE_NAMES),
    )
    version = form.integer("version", high=2**31)
    if form.errors or version is None:
        return await _edit_form(request, client, errors=form.errors or {"version": "请刷新页面"}, status=400)
    try:
        await client_service.edit(
            actor=account,
            client=client,
            version=version,
            changes=changes,
            requirement=requirement,
            settings=request.app.ctx.settings,
        )
    except DuplicateClient as exc:
        names = "、".join(
            f"{other.display_name}（{other.owner.name if other.owner else '无负责人'}）" for other in exc.clients[:3]
        )
        return await _edit_form(
            request, client, errors={"form": f"已有相同电话、微信或公司名的客户：{names}"}, status=409
        )
    except ChangedMeanwhile:
        fresh = await client_service.get_visible(account, client_id)
        return await _edit_form(
            request, fresh, errors={"form": "这个客户刚被别人修改过，下面是最新内容，请重新修改后保存"}, status=409
        )
    return redirect(f"/bo/clients/{client.id}?saved=1")


@bp.post("/clients/<client_id:int>/reassign")
@web.staff_page
async def reassign(request: Request, client_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    client = await client_service.get_visible(account, client_id)
    to = await _account(web.field(request, "to"))
    await client_service.reassign(actor=account, client=client, to=to)
    return redirect(f"/bo/clients/{client.id}?saved=1")


@bp.post("/clients/reassign")
@web.staff_page
async def reassign_many(request: Request) -> HTTPResponse:
    """Several clients at once (someone leaves): all or none."""
    account: Account = request.ctx.account
    form = Form(web.form(request))
    to = await _account(web.field(request, "to"))
    moved = await client_service.reassign_many(actor=account, client_ids=form.ids("ids"), to=to)
    back = web.field(request, "back")
    back = back if back.startswith("/bo/clients") else "/bo/clients"
    return web.message(request, 200, "已转交", f"{moved}个客户已转给{to.name}。", back=back)


async def _account(value: str) -> Account:
    account = await Account.get_or_none(id=int(value), active=True) if value.isdigit() and len(value) < 10 else None
    if account is None:
        raise AccountNotFound(value)
    return account
