"""Share posters of a listing for a sharer: what goes on them, rendering once, where they are kept.

The QR code opens the listing's H5 page with the sharer's attribution and the
poster channel (``/h5/listings/A12?s=s4&c=poster``), so a scan is counted as a
poster scan of that sharer by the H5 page's tracking, like a link click. A
poster is rendered once per content (listing facts, cover, sharer, template):
asking again returns the stored file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from decimal import Decimal
from urllib.parse import urlencode

from media import poster, processing
from media.storage import MissingFile
from models import Account, Listing
from models.enums import DealType, Role
from services import media
from services.errors import InvalidField, PosterUnavailable
from services.referrals import attribution

log = logging.getLogger(__name__)

# The poster's own words (it is a surface, like the H5 page): what clients read on it.
TYPE_NAMES = {"factory": "厂房", "warehouse": "仓库", "office": "研发办公", "land": "土地"}
FEATURE_NAMES = {
    "crane": "行车",
    "eia": "环评",
    "sewage": "可排污",
    "property_cert": "独立产证",
    "standalone": "独门独院",
    "dock": "卸货平台",
    "dangerous_goods": "可做危化",
    "office_included": "带办公",
    "dormitory": "有宿舍",
    "canteen": "有食堂",
}
TEMPLATE_WORDS = {
    "经典": "classic",
    "大图": "immersive",
    "简约": "brochure",
    "1": "classic",
    "2": "immersive",
    "3": "brochure",
    **{name: name for name in poster.TEMPLATES},
}


@dataclass(frozen=True)
class Poster:
    url: str
    key: str
    template: str
    page_url: str
    """The H5 page the QR code opens."""


def page_url(settings, listing: Listing, sharer: Account | None, *, channel: str = "poster") -> str:
    """The H5 page of ``listing`` credited to ``sharer``; ``channel`` is how it reaches people (tracking's)."""
    query = {"s": attribution.scene_string(sharer)} if sharer else {}
    query["c"] = channel
    return f"{settings.public_base_url.rstrip('/')}/h5/listings/{listing.code}?{urlencode(query)}"


def template_of(word: str | None) -> str:
    return TEMPLATE_WORDS.get((word or "").strip().lower(), "classic")


async def make(*, resources, listing: Listing, sharer: Account | None, template: str = "classic") -> Poster:
    """The poster of ``listing`` carrying ``sharer``'s attribution, rendered now or found stored."""
    if template not in poster.TEMPLATES:
        raise InvalidField("template")
    settings = resources.settings
    try:
        fonts = poster.find_fonts(settings.poster_font)
    except poster.FontMissing as exc:
        log.error("poster not rendered: %s", exc)
        raise PosterUnavailable("no_font") from None
    cover = (await media.covers([listing.id])).get(listing.id)
    url = page_url(settings, listing, sharer)
    content = await _content(listing, sharer, settings, url)
    digest = hashlib.sha256(
        json.dumps(
            [asdict(content), template, cover and cover.web_key, fonts.regular],
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        ).encode()
    ).hexdigest()[:20]
    key = f"poster/{listing.id}/{digest}.jpg"
    storage = resources.storage
    if not await storage.exists(key):
        cover_bytes = await _cover_bytes(storage, cover)
        data = await processing.run_cpu(
            _render, poster.PosterContent(**{**asdict(content), "cover": cover_bytes}), template, fonts
        )
        await storage.put(key, data, "image/jpeg")
    return Poster(url=storage.url(key), key=key, template=template, page_url=url)


def _render(content: poster.PosterContent, template: str, fonts: poster.Fonts) -> bytes:
    return poster.render(content, template, fonts=fonts)


async def _cover_bytes(storage, cover) -> bytes | None:
    key = cover and (cover.web_key or cover.original_key)
    if not key:
        return None
    try:
        return await storage.get(key)
    except (MissingFile, OSError):
        log.warning("poster cover %s missing", key)
        return None


async def _content(listing: Listing, sharer: Account | None, settings, url: str) -> poster.PosterContent:
    person, role = await person_of(listing, sharer)
    price, unit, note = price_of(listing)
    place = " · ".join(dict.fromkeys(p for p in (listing.city, listing.district, listing.town) if p)) or listing.region
    return poster.PosterContent(
        title=listing.title,
        place=place,
        deal="出售" if listing.deal_type == DealType.SALE else "出租",
        price=price,
        price_unit=unit,
        price_note=note,
        facts=tuple(facts_of(listing)),
        features=tuple(FEATURE_NAMES.get(f, f) for f in listing.features or ()),
        person=person,
        person_role=role,
        brand=settings.media.poster_brand,
        code=listing.code,
        qr_text=url,
    )


async def person_of(listing: Listing, sharer: Account | None) -> tuple[str, str]:
    """Staff put their own name on a poster; a partner's poster names the listing's salesperson."""
    if sharer is not None and sharer.role != Role.PARTNER:
        return sharer.name, "置业顾问"
    owner = await Account.get_or_none(id=listing.owner_id) if listing.owner_id else None
    return (owner.name, "置业顾问") if owner else ("", "")


def _num(value) -> str:
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _wan(yuan: Decimal) -> str:
    return f"{_num(round(yuan / 10_000, 2))}万元" if yuan >= 10_000 else f"{_num(round(yuan))}元"


def price_of(listing: Listing) -> tuple[str, str, str]:
    """(big number, its unit, a second line): rent per ㎡ and month with the monthly total; a sale's total."""
    area = listing.area
    if listing.deal_type == DealType.SALE:
        if listing.sale_price is None:
            return "面议", "", ""
        total = listing.sale_price * area if area else None
        if total:
            return _num(round(total / 10_000)), "万元", f"单价{_num(listing.sale_price)}元/㎡"
        return _num(listing.sale_price), "元/㎡", ""
    if listing.rent is None:
        return "面议", "", ""
    note = f"约{_wan(listing.rent * area)}/月" if area else ""
    return _num(listing.rent), "元/㎡·月", note


def facts_of(listing: Listing) -> list[tuple[str, str]]:
    storey = (
        ""
        if listing.single_storey is None
        else "单层"
        if listing.single_storey
        else (f"{listing.floors}层" if listing.floors else "多层")
    )
    facts = [("面积", f"{_num(listing.area)}㎡")]
    for label, measure, unit in (
        ("层高", listing.ceiling_height, "米"),
        ("承重", listing.floor_load, "吨/㎡"),
        ("配电", listing.power_kva, "kVA"),
    ):
        if measure is not None:
            facts.append((label, f"{_num(measure)}{unit}"))
    for label, text in (
        ("类型", f"{storey}{TYPE_NAMES.get(listing.property_type.value, '')}"),
        ("消防", listing.fire_rating),
        ("土地", listing.land_use),
        ("产证", "独立产证" if listing.property_cert else None),
    ):
        if text:
            facts.append((label, text))
    return facts
