"""What an H5 page shows, built from the public services and rendered once per cache period.

The listing's part of the page (gallery, facts, price, map, salesperson, form)
is the same for every visitor, so it is rendered at most every
``h5.page_cache_s`` seconds per process; only the small shell around it
(share token, JS-SDK signature) is rendered per request.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from core.config import Settings
from models import Account, Listing
from models.enums import ListingStatus, ReviewStatus, Role
from services import listings_public, matching, tracking
from services.errors import ListingNotFound, StaffNotFound
from services.referrals import attribution

TEMPLATES = Path(__file__).parent / "templates"
STATIC_PREFIX = "/h5/static"
ASSET_VERSION = hashlib.sha256(
    b"".join((Path(__file__).parent / "static" / name).read_bytes() for name in ("h5.js", "h5.css"))
).hexdigest()[:10]
"""Changes with the page's script and style, so browsers and WeChat's cache fetch the new ones."""
TYPE_NAMES = {"factory": "厂房", "warehouse": "仓库", "office": "研发办公", "land": "土地"}
DEAL_NAMES = {"rent": "出租", "sale": "出售"}
STATUS_NOTES = {"viewing": "看房预约中", "negotiating": "洽谈中"}
FEATURE_NAMES = {
    "crane": "行车",
    "eia": "可环评",
    "standalone": "独门独院",
    "dock": "卸货平台",
    "dangerous_goods": "可做危化",
    "office_included": "带办公",
    "dormitory": "宿舍",
    "canteen": "食堂",
}
"""Features shown in 配套 (sewage and the certificate have their own rows)."""
SIMILAR = 4
PORTFOLIO_MAX = 100

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
    enable_async=False,
)


def num(value: Any) -> str:
    """``2.5``, ``2000``: never an exponent, no trailing zeros."""
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(amount: Decimal) -> str:
    """A total in yuan as people say it: ``8.4万元``, ``2250万元``, ``8500元``."""
    if amount >= 100_000_000:
        return f"{num(round(amount / 100_000_000, 2))}亿元"
    if amount >= 10_000:
        return f"{num(round(amount / 10_000, 1))}万元"
    return f"{num(round(amount))}元"


def price(row: dict[str, Any]) -> dict[str, str]:
    """The headline price and the total it makes: rent per ㎡ per month and the month's rent, or the sale price."""
    area = Decimal(str(row["area"])) if row.get("area") is not None else None
    if row.get("deal_type") == "sale" or (row.get("rent") is None and row.get("sale_price") is not None):
        if row.get("sale_price") is None:
            return {"main": "价格面议", "total": ""}
        unit = Decimal(str(row["sale_price"]))
        return {"main": f"{num(unit)} 元/㎡", "total": f"总价约 {money(unit * area)}" if area else ""}
    if row.get("rent") is None:
        return {"main": "租金面议", "total": ""}
    unit = Decimal(str(row["rent"]))
    return {"main": f"{num(unit)} 元/㎡·月", "total": f"月租约 {money(unit * area)}" if area else ""}


def facts(row: dict[str, Any]) -> list[tuple[str, str]]:
    """The industrial facts a client compares, in the order they ask about them; unknown ones left out."""
    out: list[tuple[str, str]] = [("建筑面积", f"{num(row['area'])} ㎡")]
    if row.get("land_area") is not None:
        out.append(("占地面积", f"{num(row['land_area'])} ㎡"))
    if row.get("ceiling_height") is not None:
        out.append(("层高", f"{num(row['ceiling_height'])} 米"))
    if row.get("single_storey") is True:
        out.append(("楼层", "单层"))
    elif row.get("floors"):
        out.append(("楼层", f"共{row['floors']}层" + (f"，第{row['floor']}层" if row.get("floor") else "")))
    if row.get("floor_load") is not None:
        out.append(("承重", f"{num(row['floor_load'])} 吨/㎡"))
    if row.get("power_kva") is not None:
        out.append(("配电", f"{num(row['power_kva'])} kVA"))
    if row.get("fire_rating"):
        out.append(("消防等级", row["fire_rating"]))
    if row.get("land_use"):
        out.append(("土地性质", row["land_use"]))
    if row.get("property_cert") is not None:
        out.append(("产证", "有独立产证" if row["property_cert"] else "无独立产证"))
    if row.get("sewage") is not None:
        out.append(("排污", "可排污" if row["sewage"] else "不可排污"))
    names = [FEATURE_NAMES[f] for f in row.get("features") or () if f in FEATURE_NAMES]
    if names:
        out.append(("配套", "、".join(names)))
    return out


def place(row: dict[str, Any]) -> str:
    return (
        "".join(dict.fromkeys(p for p in (row.get("city"), row.get("district"), row.get("town")) if p))
        or row.get("region")
        or ""
    )


def map_links(row: dict[str, Any]) -> dict[str, str] | None:
    """Navigation in Tencent Maps and AMap by URL (no API key); by coordinates, else by address."""
    name = row["title"]
    address = row.get("address") or place(row)
    if row.get("latitude") is not None and row.get("longitude") is not None:
        lat, lng = num(row["latitude"]), num(row["longitude"])
        return {
            "tencent": "https://apis.map.qq.com/uri/v1/marker?"
            + urlencode({"marker": f"coord:{lat},{lng};title:{name};addr:{address}", "referer": "scrm"}, safe=":,;"),
            "amap": "https://uri.amap.com/marker?"
            + urlencode({"position": f"{lng},{lat}", "name": name, "coordinate": "gaode", "callnative": "1"}, safe=","),
            "coords": f"{lat}, {lng}",
        }
    if not address:
        return None
    return {
        "tencent": "https://apis.map.qq.com/uri/v1/search?"
        + urlencode({"keyword": address, "region": row.get("city") or "", "referer": "scrm"}),
        "amap": f"https://uri.amap.com/search?keyword={quote(address)}&callnative=1",
        "coords": "",
    }


def gallery(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The gallery in order as ``{kind, url, web_url, thumb_url, caption, is_cover}`` items, the cover first."""
    items = [dict(item) for item in row.get("media") or ()]
    return sorted(items, key=lambda item: not item["is_cover"])


def cover_url(items: list[dict[str, Any]]) -> str | None:
    for item in items:
        if item["kind"] in ("photo", "floor_plan", "panorama") and item.get("web_url"):
            return item["web_url"]
    return None


CONFIG_SLOT = "__H5_CONFIG__"


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>`` (as Jinja's ``tojson``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


@dataclass(frozen=True)
class Page:
    """A rendered page body and what the shell and the share card need."""

    status: int
    body: str
    title: str
    description: str
    cover: str | None
    listing_id: int | None = None
    owner_id: int | None = None
    _documents: dict[bool, tuple[bytes, bytes]] = field(default_factory=dict, compare=False, repr=False)

    def document(self, *, wechat: bool) -> tuple[bytes, bytes]:
        """The whole HTML document around the per-view config, rendered once: the bytes before and after it."""
        if wechat not in self._documents:
            html = env.get_template("base.html").render(
                title=self.title,
                description=self.description,
                cover=self.cover,
                body=Markup(self.body),
                config_json=Markup(CONFIG_SLOT),
                static=STATIC_PREFIX,
                asset_version=ASSET_VERSION,
                wechat=wechat,
                panorama='id="pano"' in self.body,
            )
            head, tail = html.split(CONFIG_SLOT, 1)
            self._documents[wechat] = (head.encode(), tail.encode())
        return self._documents[wechat]


_cache: dict[tuple[str, str], tuple[float, Page]] = {}


def clear_cache() -> None:
    _cache.clear()


async def cached(kind: str, key: str, build, ttl: float) -> Page:
    hit = _cache.get((kind, key))
    now = time.monotonic()
    if hit is not None and hit[0] > now:
        return hit[1]
    page = await build(key)
    if len(_cache) > 5000:
        _cache.clear()
    _cache[(kind, key)] = (now + ttl, page)
    return page


async def salesperson(owner_id: int | None) -> dict[str, str] | None:
    """Name and phone of the listing's salesperson (active staff only)."""
    if owner_id is None:
        return None
    owner = await Account.get_or_none(id=owner_id, active=True)
    if owner is None or owner.role == Role.PARTNER:
        return None
    return {"name": owner.name, "phone": owner.phone or "", "scene": attribution.scene_string(owner)}


def card(row: dict[str, Any]) -> dict[str, Any]:
    """A listing as a small card (similar listings, portfolio)."""
    return {
        "code": row["code"],
        "title": row["title"],
        "place": place(row),
        "area": num(row["area"]),
        "kind": TYPE_NAMES.get(row["property_type"], ""),
        "deal": DEAL_NAMES.get(row["deal_type"], ""),
        "price": price(row),
        "cover": row.get("cover"),
    }


async def listing_page(code: str, *, settings: Settings) -> Page:
    """The listing's page if clients may see it, else the polite "no longer available" page; NotFound if unknown."""
    listing = await Listing.filter(code=code.upper()).first()
    if listing is None or listing.review_status == ReviewStatus.REJECTED:
        raise ListingNotFound(code)
    if listing.review_status != ReviewStatus.APPROVED or listing.status not in listings_public.VISIBLE:
        return await _unavailable(listing, settings)
    row = await listings_public.detail(listing)
    items = gallery(row)
    price_text = price(row)
    page = {
        "listing": row,
        "gallery": items,
        "price": price_text,
        "facts": facts(row),
        "place": place(row),
        "kind": TYPE_NAMES.get(row["property_type"], ""),
        "deal": DEAL_NAMES.get(row["deal_type"], ""),
        "status_note": STATUS_NOTES.get(row["status"]),
        "map": map_links(row),
        "salesperson": await salesperson(listing.owner_id),
        "panoramas": [i for i in items if i["kind"] == "panorama"],
        "miniapp": _miniapp(settings, listing.id),
        "static": STATIC_PREFIX,
    }
    cover = cover_url(items)
    description = f"{page['place']} {page['kind']} {num(row['area'])}㎡ {price_text['main']}"
    return Page(
        200,
        env.get_template("listing.html").render(**page),
        row["title"],
        description,
        cover,
        listing_id=listing.id,
        owner_id=listing.owner_id,
    )


async def _unavailable(listing: Listing, settings: Settings) -> Page:
    criteria = matching.Criteria(
        deal_type=listing.deal_type.value,
        property_type=listing.property_type.value,
        region=listing.district or listing.city or listing.region,
        area_min=float(listing.area) * 0.6,
        area_max=float(listing.area) * 1.5,
    )
    matches = [m for m in await matching.search(criteria, settings, limit=SIMILAR + 1) if m.listing["id"] != listing.id]
    rows = {r.id: r for r in await Listing.filter(id__in=[m.listing["id"] for m in matches[:SIMILAR]])}
    shown = [rows[m.listing["id"]] for m in matches[:SIMILAR] if m.listing["id"] in rows]
    similar = [card(row) for row in await listings_public.summaries(shown)]
    closed = listing.status == ListingStatus.CLOSED
    body = env.get_template("unavailable.html").render(
        code=listing.code,
        closed=closed,
        similar=similar,
        static=STATIC_PREFIX,
        salesperson=await salesperson(listing.owner_id),
    )
    return Page(410, body, "房源已下架", "看看相似的房源", None, listing_id=listing.id, owner_id=listing.owner_id)


async def portfolio_page(scene: str, *, settings: Settings) -> Page:
    """A staff member's on-market listings (``scene`` is their code, s12); NotFound for anyone else."""
    account_id = tracking.scene_account(scene) if scene.startswith("s") else None
    owner = await Account.get_or_none(id=account_id, active=True) if account_id else None
    if owner is None or owner.role == Role.PARTNER:
        raise StaffNotFound()
    listings = (
        await Listing.filter(
            owner_id=owner.id, review_status=ReviewStatus.APPROVED, status__in=listings_public.SEARCHABLE
        )
        .order_by("-id")
        .limit(PORTFOLIO_MAX)
    )
    cards = [card(row) for row in await listings_public.summaries(list(listings))]
    body = env.get_template("portfolio.html").render(
        name=owner.name, phone=owner.phone or "", cards=cards, scene=scene, static=STATIC_PREFIX
    )
    cover = next((c["cover"] for c in cards if c["cover"]), None)
    return Page(
        200, body, f"{owner.name}的在租在售房源", f"共{len(cards)}套厂房仓库，欢迎咨询", cover, owner_id=owner.id
    )


def _miniapp(settings: Settings, listing_id: int) -> dict[str, str] | None:
    """The mini-program page of this listing, opened from WeChat's browser by ``wx-open-launch-weapp``."""
    username = settings.h5.miniapp_username
    if not username:
        return None
    page = settings.h5.miniapp_listing_page
    return {"username": username, "path": f"{page}?id={listing_id}"}
