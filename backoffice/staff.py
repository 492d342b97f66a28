"""Staff: create (with the bind code), a new bind code, role and manager, deactivate with the clients handed
over in the same step; and the audit log (who changed what, when, before and after)."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect
from tortoise.functions import Count

from backoffice import web
from backoffice.forms import Form
from models import Account, Client, WechatUser
from models.enums import Role
from services import accounts, audit, client_lists, staff_sessions
from services.errors import AccountNotFound, AppError

bp = Blueprint("bo_staff")
web.nav(50, "/staff", "员工", (Role.ADMIN, Role.MANAGER))
web.nav(60, "/audit", "操作记录")

AUDIT_PAGE = 100
ENTITIES = {"client": "客户", "listing": "房源", "followup": "跟进", "account": "员工", "setting": "设置"}


@bp.get("/staff")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    return await _index(request)


async def _index(request: Request, *, created: tuple[Account, str] | None = None, status: int = 200) -> HTTPResponse:
    account: Account = request.ctx.account
    members = await accounts.list_staff(account)
    counts = {
        row["owner_id"]: row["n"]
        for row in await Client.live()
        .filter(owner_id__in=[m.id for m in members])
        .group_by("owner_id")
        .annotate(n=Count("id"))
        .values("owner_id", "n")
    }
    bound = set(await _bound([m.id for m in members]))
    return web.render(
        request,
        "staff.html",
        status=status,
        title="员工",
        members=members,
        counts=counts,
        bound=bound,
        managers=[m for m in members if m.is_manager and m.active],
        created=created,
        roles=_roles(account),
    )


async def _bound(ids: list[int]) -> list[int]:
    return list(await WechatUser.filter(account_id__in=ids).values_list("account_id", flat=True))


def _roles(account: Account) -> dict[str, str]:
    if account.role == Role.ADMIN:
        return {role.value: web.ROLE_NAMES[role.value] for role in Role}
    return {Role.SALES.value: web.ROLE_NAMES[Role.SALES.value]}


@bp.post("/staff/new")
@web.staff_page
async def create(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    form = Form(web.form(request))
    role = form.choice("role", Role) or Role.SALES
    manager = await _optional_account(form.text("manager", limit=10))
    if account.role != Role.ADMIN:
        manager = account
    created, code = await accounts.create_staff(
        form.text("name", limit=64) or "", role, phone=form.text("phone", limit=20), manager=manager, actor=account
    )
    return await _index(request, created=(created, code), status=201)


@bp.get("/staff/<account_id:int>")
@web.staff_page
async def detail(request: Request, account_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    member = await accounts.get_managed(account, account_id)
    entries, _ = await audit.search(account, actor_id=member.id, limit=20)
    return web.render(
        request,
        "staff_member.html",
        title=member.name,
        member=member,
        clients=await Client.live().filter(owner_id=member.id).count(),
        heirs=[o for o in await client_lists.owners(account) if o.id != member.id],
        managers=[m for m in await accounts.list_staff(account) if m.is_manager and m.active and m.id != member.id],
        roles=_roles(account),
        entries=entries,
        code=None,
        flash=request.args.get("saved") and "已保存",
    )


@bp.post("/staff/<account_id:int>/bind-code")
@web.staff_page
async def bind_code(request: Request, account_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    member = await accounts.get_managed(account, account_id)
    code = await accounts.new_bind_code(actor=account, account=member)
    return web.message(
        request,
        200,
        f"{member.name}的绑定码",
        f"{code}（24小时内有效，只能用一次）：请{member.name}在公众号发「绑定 {code}」。",
        back=f"/bo/staff/{member.id}",
    )


@bp.post("/staff/<account_id:int>/role")
@web.staff_page
async def role(request: Request, account_id: int) -> HTTPResponse:
    account: Account = request.ctx.account
    member = await accounts.get_managed(account, account_id)
    form = Form(web.form(request))
    new_role = form.choice("role", Role)
    if new_role is None:
        raise AppError("choose a role", fields={"role": "required"})
    manager = await _optional_account(form.text("manager", limit=10))
    await accounts.change_role(
        actor=account, account=member, role=new_role, manager=manager, redis=request.app.ctx.resources.redis
    )
    return redirect(f"/bo/staff/{member.id}?saved=1")


@bp.post("/staff/<account_id:int>/deactivate")
@web.staff_page
async def deactivate(request: Request, account_id: int) -> HTTPResponse:
    """Deactivate, the clients handed over in the same step, every session ended at once."""
    account: Account = request.ctx.account
    resources = request.app.ctx.resources
    member = await accounts.get_managed(account, account_id)
    heir = await _optional_account(web.field(request, "reassign_to"))
    moved = await accounts.deactivate(actor=account, account=member, reassign_to=heir, redis=resources.redis)
    await staff_sessions.end_all(resources, member.id)
    text = f"{member.name}已停用，不能再使用公众号和后台。"
    if moved and heir is not None:
        text += f"{moved}个客户已转给{heir.name}。"
    return web.message(request, 200, "已停用", text, back="/bo/staff")


async def _optional_account(value: str | None) -> Account | None:
    if not value:
        return None
    found = await Account.get_or_none(id=int(value), active=True) if value.isdigit() else None
    if found is None:
        raise AccountNotFound(value)
    return found


@bp.get("/audit")
@web.staff_page
async def audit_log(request: Request) -> HTTPResponse:
    """Who changed what and when, with the values before and after; what the viewer may read."""
    account: Account = request.ctx.account
    form = Form({k: v for k, v in request.args.items()})
    tz = ZoneInfo(request.app.ctx.settings.timezone)
    since, until = _day(form.text("since", limit=10), tz), _day(form.text("until", limit=10), tz)
    number = form.integer("page", low=1, high=100_000) or 1
    who = form.text("who", limit=10)
    entity_id = form.text("entity_id", limit=10)
    entries, total = await audit.search(
        account,
        actor_id=int(who) if who and who.isdigit() else None,
        action=form.text("action", limit=48) or "",
        entity=form.text("entity", limit=32) or "",
        entity_id=int(entity_id) if entity_id and entity_id.isdigit() else None,
        since=since,
        until=until + timedelta(days=1) if until else None,
        offset=(number - 1) * AUDIT_PAGE,
        limit=AUDIT_PAGE,
    )
    people = await accounts.list_staff(account) if account.is_manager else [account]
    args = {k: v[0] for k, v in request.args.items() if k != "page" and v and v[0]}
    return web.render(
        request,
        "audit.html",
        title="操作记录",
        entries=entries,
        total=total,
        people=people,
        entities=ENTITIES,
        args=args,
        query=urlencode(args),
        page={"number": number, "pages": max(1, -(-total // AUDIT_PAGE))},
    )


def _day(value: str | None, tz: ZoneInfo) -> datetime | None:
    """``2026-11-30`` as the start of that day in the business time zone; None if empty or malformed."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=tz)
    except ValueError:
        return None
