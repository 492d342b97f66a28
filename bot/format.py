"""Short Chinese renderings of domain objects for chat replies, and the labels of their vocabularies."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from models.pii import mask_phone
from services.matching import Match, Reason

WEEKDAYS = "一二三四五六日"
STAGE_NAMES = {"intent": "初步意向", "viewing": "带看中", "negotiating": "谈判中", "won": "已成交", "lost": "已流失"}
STATUS_NAMES = {
    "vacant": "空置",
    "viewing": "带看预约中",
    "negotiating": "谈判中",
    "closed": "已租/售",
    "paused": "暂停推广",
}
TYPE_NAMES = {"factory": "厂房", "warehouse": "仓库", "office": "研发办公", "land": "土地"}
REVIEW_NAMES = {"pending": "待审核", "approved": "已上架", "rejected": "已驳回"}
FEATURE_NAMES = {
    "crane": "行车",
    "eia": "环评",
    "sewage": "排污",
    "property_cert": "产证",
    "standalone": "独门独院",
    "dock": "卸货平台",
    "dangerous_goods": "危化",
    "office_included": "带办公",
    "dormitory": "宿舍",
    "canteen": "食堂",
}
MEDIA_KIND_NAMES = {
    "photo": "照片",
    "video": "视频",
    "panorama": "全景图",
    "vr_link": "VR看房",
    "drone_video": "航拍视频",
    "floor_plan": "平面图",
}
FIELD_NAMES = {
    "company": "公司名",
    "contact_name": "联系人",
    "phone": "电话",
    "industry": "行业",
    "region": "区域",
    "area": "面积",
    "title": "标题",
    "address": "地址",
    "note": "备注",
    "name": "名称",
    "source": "来源",
    "source_detail": "来源说明",
    "landlord_name": "房东",
    "wechat_id": "微信",
    "property_type": "类型",
    "deal_type": "租售",
    "rent": "租金",
    "sale_price": "售价",
    "ceiling_height": "层高",
    "floor_load": "承重",
    "power_kva": "配电",
    "single_storey": "单层/多层",
    "floor": "楼层",
    "features": "配套",
    "requirement": "需求",
}
REASON_NAMES = {
    "area": "面积",
    "region": "区域",
    "rent": "租金",
    "budget_month": "月租",
    "sale_price": "单价",
    "sale_total": "总价",
    "ceiling_height": "层高",
    "floor_load": "承重",
    "power": "配电",
}
SOURCE_NAMES = {
    "douyin": "抖音",
    "referral": "转介绍",
    "visit": "线下拜访",
    "official_account": "公众号",
    "channels": "视频号",
    "moments_ad": "朋友圈广告",
    "miniapp": "小程序",
    "other": "其他",
}


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
    storey = storey_name(row.get("single_storey"))
    place = row.get("town") or row.get("district") or row.get("region") or ""
    parts = [row["code"], f"{place}{storey}{kind}", f"{num(row.get('area'))}㎡"]
    if row.get("ceiling_height") is not None:
        parts.append(f"层高{num(row['ceiling_height'])}m")
    parts.append(price(row))
    status = _value(row.get("status"))
    if status and status != "vacant":
        parts.append(f"[{STATUS_NAMES.get(status, status)}]")
    return " ".join(parts)


def reason(r: Reason) -> str:
    """``面积✓``, ``面积+12%``, ``租金超8%``, ``行车+环评✓``."""
    if r.dimension == "features":
        return "+".join(features(r.features)) + "✓"
    label = REASON_NAMES.get(r.dimension, r.dimension)
    if not r.miss:
        return f"{label}✓"
    percent = f"{round(abs(r.miss) * 100)}%"
    if r.dimension == "area":
        return f"{label}{'+' if r.miss > 0 else '-'}{percent}"
    return f"{label}超{percent}"


def explanation(match: Match) -> str:
    return " ".join(reason(r) for r in match.reasons)


def match_entry(match: Match) -> str:
    return f"{listing_line(match.listing)}\n   {explanation(match) or '符合条件'}"


def storey_name(single_storey: bool | None) -> str:
    """单层 or 多层, or nothing when unknown."""
    return "" if single_storey is None else "单层" if single_storey else "多层"


def features(values) -> list[str]:
    return [FEATURE_NAMES.get(f, f) for f in values]


def fields(names) -> str:
    """``区域、面积``: field names as a salesperson calls them."""
    return "、".join(FIELD_NAMES.get(name, name) for name in names)


def listing_title(slots: dict) -> str:
    """``花桥单层厂房 3000㎡``: the title a listing registered in chat gets."""
    storey = storey_name(slots.get("single_storey"))
    kind = TYPE_NAMES[_value(slots.get("property_type")) or "factory"]
    return f"{slots['region']}{storey}{kind} {num(slots['area'])}㎡"


def _value(value):
    return getattr(value, "value", value)


def requirement(req, region: str | None = None) -> str:
    """``昆山 租 单层厂房 1800-2200㎡ 层高≥8m 租金≤25元``; empty when nothing is known."""
    if req is None:
        return region or ""
    parts = []
    if req.regions and len(req.regions) > 1:
        parts.append("或".join(req.regions))
    elif req.region or region:
        parts.append(req.region or region or "")
    if req.deal_type:
        parts.append({"rent": "租", "sale": "买"}[_value(req.deal_type)])
    storey = storey_name(req.single_storey)
    if req.property_type or storey:
        parts.append(storey + TYPE_NAMES.get(_value(req.property_type), "厂房/仓库"))
    if req.area_min and req.area_max:
        parts.append(f"{num(req.area_min)}-{num(req.area_max)}㎡")
    elif req.area_min:
        parts.append(f"≥{num(req.area_min)}㎡")
    elif req.area_max:
        parts.append(f"≤{num(req.area_max)}㎡")
    for value, label, unit in (
        (req.ceiling_height_min, "层高≥", "m"),
        (req.floor_load_min, "承重≥", "t"),
        (req.power_kva_min, "配电≥", "kVA"),
        (req.rent_max, "租金≤", "元/㎡·月"),
        (req.sale_price_max, "单价≤", "元/㎡"),
    ):
        if value:
            parts.append(f"{label}{num(value)}{unit}")
    for value, label in ((req.budget_month_max, "月预算≤"), (req.sale_total_max, "总价≤")):
        if value:
            parts.append(f"{label}{money(value)}")
    if req.features:
        parts.append("+".join(features(req.features)))
    return " ".join(parts)


def source(value) -> str:
    return SOURCE_NAMES.get(_value(value), str(value))


def stage(value) -> str:
    return STAGE_NAMES.get(_value(value), str(value))


def masked_phone(phone: str | None) -> str:
    return mask_phone(phone) if phone else "无电话"


def media_kind(value) -> str:
    return MEDIA_KIND_NAMES.get(_value(value), str(value))


def size(n_bytes: int) -> str:
    return f"{n_bytes / 1024 / 1024:.0f}MB" if n_bytes >= 1024 * 1024 else f"{n_bytes / 1024:.0f}KB"
