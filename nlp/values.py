"""Slot value types, and the one JSON form of slots.

Slots reach callers typed: aware datetimes for times, `date` for days, str-based enums for closed vocabularies
(so `slots["stage"] == "won"` still holds), Decimal for money totals. `to_json` / `from_json` convert to and
from the JSON form of CONTRACT.md (ISO strings, plain strings, numbers) used by `python -m nlp`, the samples
and anything that stores slots (a pending chat choice).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any


class Stage(StrEnum):
    INTENT = "intent"
    VIEWING = "viewing"
    NEGOTIATING = "negotiating"
    WON = "won"
    LOST = "lost"


class ListingStatus(StrEnum):
    VACANT = "vacant"
    VIEWING = "viewing"
    NEGOTIATING = "negotiating"
    CLOSED = "closed"
    PAUSED = "paused"


class PropertyType(StrEnum):
    FACTORY = "factory"
    WAREHOUSE = "warehouse"
    OFFICE = "office"
    LAND = "land"


class DealType(StrEnum):
    RENT = "rent"
    SALE = "sale"


class Source(StrEnum):
    DOUYIN = "douyin"
    REFERRAL = "referral"
    VISIT = "visit"
    OFFICIAL_ACCOUNT = "official_account"
    CHANNELS = "channels"
    MOMENTS_AD = "moments_ad"
    OTHER = "other"


class Feature(StrEnum):
    CRANE = "crane"
    EIA = "eia"
    SEWAGE = "sewage"
    PROPERTY_CERT = "property_cert"
    STANDALONE = "standalone"
    DOCK = "dock"
    DANGEROUS_GOODS = "dangerous_goods"
    OFFICE_INCLUDED = "office_included"
    DORMITORY = "dormitory"
    CANTEEN = "canteen"


class Period(StrEnum):
    """The span of own or team figures (`我这周的业绩`, `本月团队数据`)."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    WEEK = "week"
    LAST_WEEK = "last_week"
    MONTH = "month"
    LAST_MONTH = "last_month"


ENUM_SLOTS: dict[str, type[StrEnum]] = {
    "stage": Stage,
    "listing_status": ListingStatus,
    "property_type": PropertyType,
    "deal_type": DealType,
    "source": Source,
    "period": Period,
}
DATETIME_SLOTS = {"next_at", "happened_at"}
DATE_SLOTS = {"day", "until", "lease_start"}
MONEY_SLOTS = {"annual_rent", "monthly_rent_total", "sale_total", "amount"}
"""Money the v2 contract adds: Decimal, never float. Per-m² prices stay float as the contract fixes them."""
INT_SLOTS = {"remind_before_min"}


def to_json(slots: dict[str, Any]) -> dict[str, Any]:
    """The contract's JSON form: ISO 8601 times and dates, enum values as strings, money as numbers."""
    out: dict[str, Any] = {}
    for key, value in slots.items():
        if isinstance(value, (datetime, date)):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = float(value)
        elif isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, list):
            value = [v.value if isinstance(v, StrEnum) else v for v in value]
        out[key] = value
    return out


def typed(data: dict[str, Any]) -> dict[str, Any]:
    """Typed slots, from their JSON form or from values already typed; a value that does not fit its type is
    dropped, keys the contract does not know are kept as they are."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        try:
            out[key] = _typed(key, value)
        except (TypeError, ValueError, InvalidOperation):
            continue
    return out


def _typed(key: str, value: Any) -> Any:
    if key in DATETIME_SLOTS:
        return value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if key in DATE_SLOTS:
        return value if isinstance(value, date) else date.fromisoformat(value)
    if key in ENUM_SLOTS:
        return ENUM_SLOTS[key](value)
    if key in MONEY_SLOTS:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if key in INT_SLOTS:
        return int(value)
    if key == "features":
        return sorted(_feature(v) for v in value)
    return value


def _feature(value: Any) -> Feature | str:
    try:
        return Feature(value)
    except ValueError:
        return value
