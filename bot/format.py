"""Short Chinese renderings of domain objects for chat replies."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from models.pii import mask_phone
from services.clients import STAGE_NAMES
from services.listings import STATUS_NAMES, TYPE_NAMES
from services.matching import FEATURE_NAMES, Match

WEEKDAYS = "一二三四五六日"
SOURCE_NAMES = {"douyin": "抖音", "referral": "转介绍", "visit": "线下拜访", "official_account": "公众号",
                "channels": "视频号", "moments_ad": "朋友圈广告", "miniapp": "小程序", "other": "其他"}


def num(value) -> str:
    """``2.5``, ``2000``, ``20000000``: never an exponent (``:g`` writes 2e+07)."""
    if value is None:
        return "?"
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value) -> str:
    """A total in yuan as a salesperson says it: ``5万元``, ``2000万元``, ``8500元``."""
    amount = Decimal(str(value))
    if amount >= 10_000:
        return f"{num(amount / 10_000)}万元"
    return f"{num(amount)}元"


def when(moment: datetime | None, tz: str, *, with_weekday: bool = True) -> str:
    if moment is None:
        return "未设"
    local = moment.astimezone(ZoneInfo(tz))
    day = f"{local.month}月{local.day}日"
    if with_weekday:
        day += f"(周{WEEKDAYS[local.weekday()]})"
    return f"{day} {local:%H:%M}"


def price(row: dict) -> str:
    if row.get("deal_type") in ("sale",) or (row.get("rent") is None and row.get("sale_price") is not None):
        return f"售{num(row.get('sale_price'))}元/㎡" if row.get("sale_price") is not None else "价格面议"
    return f"{num(row.get('rent'))}元/㎡·月" if row.get("rent") is not None else "租金面议"


def listing_line(row: dict) -> str:
    """``A12 花桥单层厂房 3000㎡ 层高9m 28元/㎡·月``."""
    kind = TYPE_NAMES.get(_value(row.get("property_type")), "")
    storey = {True: "单层", False: "多层"}.get(row.get("single_storey"), "")
    place = row.get("town") or row.get("district") or row.get("region") or ""
    parts = [row["code"], f"{place}{storey}{kind}", f"{num(row.get('area'))}㎡"]
    if row.get("ceiling_height") is not None:
        parts.append(f"层高{num(row['ceiling_height'])}m")
    parts.append(price(row))
    status = _value(row.get("status"))
    if status and status != "vacant":
        parts.append(f"[{STATUS_NAMES.get(status, status)}]")
    return " ".join(parts)


def match_entry(match: Match) -> str:
    return f"{listing_line(match.listing)}\n   {match.explanation or '符合条件'}"


def _value(value):
    return getattr(value, "value", value)


def requirement(req, region: str | None = None) -> str:
    """``昆山 租 单层厂房 1800-2200㎡ 层高≥8m 租金≤25元``; empty when nothing is known."""
    if req is None:
        return region or ""
    parts = []
    if req.region or region:
        parts.append(req.region or region)
    if req.deal_type:
        parts.append({"rent": "租", "sale": "买"}[_value(req.deal_type)])
    storey = {True: "单层", False: "多层"}.get(req.single_storey, "")
    if req.property_type or storey:
        parts.append(storey + TYPE_NAMES.get(_value(req.property_type), "厂房/仓库"))
    if req.area_min and req.area_max:
        parts.append(f"{num(req.area_min)}-{num(req.area_max)}㎡")
    elif req.area_min:
        parts.append(f"≥{num(req.area_min)}㎡")
    elif req.area_max:
        parts.append(f"≤{num(req.area_max)}㎡")
    for value, label, unit in ((req.ceiling_height_min, "层高≥", "m"), (req.floor_load_min, "承重≥", "t"),
                               (req.power_kva_min, "配电≥", "kVA"), (req.rent_max, "租金≤", "元/㎡·月"),
                               (req.sale_price_max, "单价≤", "元/㎡")):
        if value:
            parts.append(f"{label}{num(value)}{unit}")
    for value, label in ((req.budget_month_max, "月预算≤"), (req.sale_total_max, "总价≤")):
        if value:
            parts.append(f"{label}{money(value)}")
    if req.features:
        parts.append("+".join(FEATURE_NAMES.get(f, f) for f in req.features))
    return " ".join(parts)


def source(value) -> str:
    return SOURCE_NAMES.get(_value(value), str(value))


def stage(value) -> str:
    return STAGE_NAMES.get(_value(value), str(value))


def masked_phone(phone: str | None) -> str:
    return mask_phone(phone) if phone else "无电话"
