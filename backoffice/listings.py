"""Listings: the list and its filters, the review queue (one by one or in bulk), detail with tracking figures,
the poster and the H5 link, create and edit with every industrial field, status with chat's conflict rules,
and the gallery (upload, reorder, cover, delete). Everything through ``services.listings`` and
``services.media``, as chat does."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, redirect

from backoffice import web
from backoffice.forms import Form
from bot import format as fmt
from models import Account, AuditLog, Listing
from models.enums import DealType, ListingStatus, MediaKind, PropertyType, ReviewStatus, Role
from services import listing_stats, posters
from services import listings as listing_service
from services import media as media_service
from services.errors import AppError, ChangedMeanwhile, ListingIncomplete

bp = Blueprint("bo_listings")
web.nav(20, "/listings", "房源")
web.nav(25, "/listings/review", "审核", (Role.ADMIN, Role.MANAGER))

PAGE_SIZE = 50
NUMBERS = (
    ("area", "建筑面积（㎡）", Decimal("1e9")),
    ("land_area", "占地面积（㎡）", Decimal("1e9")),
    ("rent", "租金（元/㎡·月）", Decimal("1e6")),
    ("sale_price", "售价（元/㎡）", Decimal("1e9")),
    ("ceiling_height", "层高（m）", Decimal("100")),
    ("floor_load", "承重（t/㎡）", Decimal("100")),
    ("power_kva", "配电（kVA）", Decimal("1e6")),
)
TEXTS = (
    ("title", "标题", 128),
    ("region", "区域（镇/区）", 64),
    ("address", "地址", 255),
    ("land_use", "土地性质", 32),
    ("fire_rating", "消防等级", 16),
    ("landlord_name", "房东", 64),
    ("landlord_phone", "房东电话", 20),
)
LONG_TEXTS = (
    ("park_facilities", "园区配套"),
    ("transport", "交通"),
    ("description", "介绍（客户可见）"),
    ("internal_notes", "内部备注（客户不可见）"),
)
YES_NO = (("property_cert", "独立产证"), ("single_storey", "单层"), ("sewage", "可排污"))
LISTING_FEATURES = {k: v for k, v in fmt.FEATURE_NAMES.items() if k not in ("sewage", "property_cert")}


def _labels() -> dict:
    return {
        "statuses": fmt.STATUS_NAMES,
        "reviews": fmt.REVIEW_NAMES,
        "types": fmt.TYPE_NAMES,
        "deals": {"rent": "出租", "sale": "出售"},
        "features": LISTING_FEATURES,
        "media_kinds": fmt.MEDIA_KIND_NAMES,
        "numbers": NUMBERS,
        "texts": TEXTS,
        "long_texts": LONG_TEXTS,
        "yes_no": YES_NO,
    }


@bp.get("/listings")
@web.staff_page
async def index(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    form = Form({k: v for k, v in request.args.items()})
    filters = {
        "q": form.text("q", limit=64) or "",
        "status": form.choice("status", ListingStatus),
        "review_status": form.choice("review", ReviewStatus),
        "property_type": form.choice("type", PropertyType),
        "owner_id": account.id if form.flag("mine") else None,
    }
    number = form.integer("page", low=1, high=100_000) or 1
    found, total = await listing_service.list_visible(
        account, **filters, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    query = urlencode({k: v[0] for k, v in request.args.items() if k != "page" and v and v[0]})
    pages = max(1, -(-total // PAGE_SIZE))
    return web.render(
        request,
        "listings.html",
        title="房源",
        listings=found,
        total=total,
        page={"number": number, "pages": pages},
        query=query,
        args={k: v[0] for k, v in request.args.items()},
        pending=await listing_service.count_pending() if account.is_manager else 0,
        **_labels(),
    )


@bp.get("/listings/review")
@web.staff_page
async def review_queue(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    if not account.is_manager:
        raise AppError("only managers and admins review listings", status=403, code="managers_only")
    pending = await listing_service.list_pending(limit=200)
    await Listing.fetch_for_list(pending, "owner")
    return web.render(request, "listing_review.html", title="房源审核", listings=pending, **_labels())


@bp.post("/listings/review")
@web.staff_page
async def review(request: Request) -> HTTPResponse:
    """Approve or reject the ticked listings (one, or many at once); a rejection needs its reason."""
    values = web.form(request)
    codes = [code for code in values.get("codes", []) if code.isascii() and len(code) <= 32]
    approve = web.field(request, "action") == "approve"
    reason = web.field(request, "reason")[:255] or None
    done = await listing_service.review_many(
        actor=request.ctx.account, codes=codes, approve=approve, reason=reason, settings=request.app.ctx.settings
    )
    word = "通过" if approve else "驳回"
    text = (
        f"已{word}{len(done)}套房源：{'、'.join(listing.code for listing in done)}"
        if done
        else "没有待审核的房源被处理。"
    )
    return web.message(request, 200, f"已{word}", text, back="/bo/listings/review")


@bp.get("/listings/new")
@web.staff_page
async def new(request: Request) -> HTTPResponse:
    return web.render(request, "listing_edit.html", title="新房源", listing=None, errors={}, **_labels())


@bp.post("/listings/new")
@web.staff_page
async def create(request: Request) -> HTTPResponse:
    account: Account = request.ctx.account
    settings = request.app.ctx.settings
    changes, form = _read(request)
    if form.errors:
        return web.render(
            request, "listing_edit.html", status=400, title="新房源", listing=None, errors=form.errors, **_labels()
        )
    slots = {
        name: changes.get(name)
        for name in ("region", "area", "property_type", "deal_type", "rent", "sale_price", "single_storey")
    }
    slots["features"] = changes.get("features") or []
    try:
        listing = await listing_service.create(
            actor=account, slots=slots, title=changes.get("title") or "", settings=settings
        )
    except ListingIncomplete as exc:
        errors = {name: "必填" for name in exc.missing}
        return web.render(
            request, "listing_edit.html", status=400, title="新房源", listing=None, errors=errors, **_labels()
        )
    if not changes.get("title"):
        changes["title"] = fmt.listing_title({**slots, "region": slots["region"], "area": slots["area"]})
    await listing_service.edit(
        actor=account, listing=listing, version=listing.version, changes=changes, settings=settings
    )
    return redirect(f"/bo/listings/{listing.code}?saved=1")


@bp.get("/listings/<code:str>")
@web.staff_page
async def detail(request: Request, code: str) -> HTTPResponse:
    account: Account = request.ctx.account
    resources = request.app.ctx.resources
    listing = await listing_service.get_visible(account, code)
    editable = await listing_service.can_edit(account, listing)
    base = resources.settings.public_base_url.rstrip("/")
    return web.render(
        request,
        "listing.html",
        title=f"{listing.code} {listing.title}",
        listing=listing,
        editable=editable,
        media_editable=media_service.can_edit(account, listing),
        gallery=await media_service.list_for_listing(listing.id),
        holder=await listing_service.holder(listing),
        history=await listing_service.history(listing, limit=20),
        figures=await listing_stats.for_listing(resources, actor=account, code=listing.code),
        h5_link=f"{base}/h5/listings/{listing.code}",
        changes=await AuditLog.filter(entity="listing", entity_id=listing.id)
        .order_by("-at", "-id")
        .limit(50)
        .select_related("actor"),
        flash=request.args.get("saved") and "已保存",
        **_labels(),
    )


@bp.get("/listings/<code:str>/edit")
@web.staff_page
async def edit(request: Request, code: str) -> HTTPResponse:
    listing = await listing_service.get_visible(request.ctx.account, code)
    return web.render(
        request, "listing_edit.html", title=f"修改 {listing.code}", listing=listing, errors={}, **_labels()
    )


@bp.post("/listings/<code:str>/edit")
@web.staff_page
async def save(request: Request, code: str) -> HTTPResponse:
    account: Account = request.ctx.account
    listing = await listing_service.get_visible(account, code)
    changes, form = _read(request)
    version = form.integer("version", high=2**31)
    if form.errors or version is None:
        errors = form.errors or {"form": "请刷新页面"}
        return web.render(
            request,
            "listing_edit.html",
            status=400,
            title=f"修改 {listing.code}",
            listing=listing,
            errors=errors,
            **_labels(),
        )
    try:
        await listing_service.edit(
            actor=account, listing=listing, version=version, changes=changes, settings=request.app.ctx.settings
        )
    except ChangedMeanwhile:
        fresh = await listing_service.get_visible(account, code)
        errors = {"form": "这套房源刚被别人修改过，下面是最新内容，请重新修改后保存"}
        return web.render(
            request,
            "listing_edit.html",
            status=409,
            title=f"修改 {listing.code}",
            listing=fresh,
            errors=errors,
            **_labels(),
        )
    except ListingIncomplete as exc:
        errors = {name: "必填" for name in exc.missing}
        return web.render(
            request,
            "listing_edit.html",
            status=400,
            title=f"修改 {listing.code}",
            listing=listing,
            errors=errors,
            **_labels(),
        )
    return redirect(f"/bo/listings/{listing.code}?saved=1")


def _read(request: Request) -> tuple[dict, Form]:
    form = Form(web.form(request))
    changes: dict = {name: form.text(name, limit=limit) for name, _, limit in TEXTS}
    changes.update({name: form.number(name, high=high) for name, _, high in NUMBERS})
    changes.update({name: form.text(name, limit=2000) for name, _ in LONG_TEXTS})
    changes.update({name: form.maybe(name) for name, _ in YES_NO})
    changes.update(
        property_type=form.choice("property_type", PropertyType) or PropertyType.FACTORY,
        deal_type=form.choice("deal_type", DealType) or DealType.RENT,
        floors=form.integer("floors", high=200),
        floor=form.integer("floor", high=200),
        latitude=form.number("latitude", low=Decimal(-90), high=Decimal(90)),
        longitude=form.number("longitude", low=Decimal(-180), high=Decimal(180)),
        features=form.many("features", LISTING_FEATURES),
    )
    return changes, form


@bp.post("/listings/<code:str>/status")
@web.staff_page
async def status(request: Request, code: str) -> HTTPResponse:
    """A status change with the chat's rules: holds, owner-only pausing, approved listings only."""
    account: Account = request.ctx.account
    listing = await listing_service.get_visible(account, code)
    form = Form(web.form(request))
    new_status = form.choice("status", ListingStatus)
    if new_status is None:
        raise AppError("choose a status", fields={"status": "required"})
    await listing_service.change_status(
        actor=account,
        code=listing.code,
        status=new_status,
        settings=request.app.ctx.settings,
        note=form.text("note", limit=255),
    )
    return redirect(f"/bo/listings/{listing.code}?saved=1")


@bp.post("/listings/<code:str>/resubmit")
@web.staff_page
async def resubmit(request: Request, code: str) -> HTTPResponse:
    """A rejected listing, corrected, goes back to review (as 重新提交 in chat)."""
    listing = await listing_service.get_visible(request.ctx.account, code)
    await listing_service.resubmit(actor=request.ctx.account, listing=listing)
    return redirect(f"/bo/listings/{listing.code}?saved=1")


@bp.post("/listings/<code:str>/poster")
@web.staff_page
async def poster(request: Request, code: str) -> HTTPResponse:
    """The share poster carrying the viewer's attribution (as 生成海报 in chat)."""
    account: Account = request.ctx.account
    listing = await listing_service.get_visible(account, code)
    made = await posters.make(resources=request.app.ctx.resources, listing=listing, sharer=account)
    return redirect(made.url)


@bp.post("/listings/<code:str>/media")
@web.staff_page
async def upload(request: Request, code: str) -> HTTPResponse:
    account: Account = request.ctx.account
    listing = await listing_service.get_visible(account, code)
    files = request.files.getlist("file") if request.files else []
    if not files:
        raise AppError("choose a file", fields={"file": "required"})
    kind_value = (request.form.get("kind") or "") if request.form else ""
    kind = MediaKind(kind_value) if kind_value in MediaKind._value2member_map_ else None
    for upload in files[:20]:
        await media_service.add_upload(
            resources=request.app.ctx.resources, actor=account, listing=listing, data=upload.body, kind=kind
        )
    return redirect(f"/bo/listings/{listing.code}#gallery")


@bp.post("/listings/<code:str>/media/<number:int>/<action:str>")
@web.staff_page
async def media_action(request: Request, code: str, number: int, action: str) -> HTTPResponse:
    """``cover``, ``delete``, ``up``, ``down`` on the gallery item at ``number`` (1-based, as in chat)."""
    account: Account = request.ctx.account
    listing = await listing_service.get_visible(account, code)
    if action == "cover":
        await media_service.set_cover(actor=account, listing=listing, number=number)
    elif action == "delete":
        await media_service.delete(
            storage=request.app.ctx.resources.storage, actor=account, listing=listing, number=number
        )
    elif action in ("up", "down"):
        await media_service.move(
            actor=account, listing=listing, number=number, to=number - 1 if action == "up" else number + 1
        )
    else:
        raise AppError("unknown action", status=404, code="not_found")
    return redirect(f"/bo/listings/{listing.code}#gallery")
