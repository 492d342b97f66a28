"""Clients as lists: searched, filtered, paged and exported, always among those the viewer may see.

What a viewer may see is ``permissions.visible_clients``, the same rule as chat. An export is the easiest
way to walk off with the client base, so it shows phones, WeChat ids and emails in full only for the
viewer's own clients and masked for everyone else's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models import Account, Client
from models.enums import DealType, PropertyType, Role, Source, Stage
from models.pii import blind_index, mask_phone, mask_text
from services import permissions

PAGE_SIZE = 50
EXPORT_LIMIT = 50_000
PHONE_LIKE = re.compile(r"^\+?[\d\s-]{7,20}$")


@dataclass(frozen=True)
class ClientFilter:
    """Every field optional; text as typed in the page's form."""

    q: str = ""
    """Company, contact name, or a phone number (found through its blind index)."""
    stage: str = ""
    owner: str = ""
    source: str = ""
    region: str = ""
    property_type: str = ""
    deal_type: str = ""
    area: str = ""
    """An area in ㎡ the client's need covers."""
    since: str = ""
    until: str = ""
    """Entered on or after / on or before these business days (2026-11-01); a malformed day is ignored."""

    @classmethod
    def from_args(cls, args: dict[str, list[str]]) -> ClientFilter:
        return cls(**{f.name: (args.get(f.name) or [""])[0].strip()[:64] for f in fields(cls)})

    def query_string(self) -> str:
        from urllib.parse import urlencode

        return urlencode({f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)})


def _choice(enum, value: str):
    try:
        return enum(value) if value else None
    except ValueError:
        return None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def visible(actor: Account, f: ClientFilter, *, tz: str) -> QuerySet[Client]:
    """The clients ``actor`` may see that match ``f`` (days in the business time zone ``tz``); unknown filter
    values are ignored, not errors."""
    query = permissions.visible_clients(actor)
    zone = ZoneInfo(tz)
    if since := _day(f.since):
        query = query.filter(created_at__gte=datetime.combine(since, time(0), zone))
    if until := _day(f.until):
        query = query.filter(created_at__lt=datetime.combine(until + timedelta(days=1), time(0), zone))
    if f.q:
        text = f.q
        digits = re.sub(r"\D", "", text)
        if PHONE_LIKE.fullmatch(text) and len(digits) >= 7:
            query = query.filter(phone_hash=blind_index("phone", digits))
        else:
            query = query.filter(Q(company__icontains=text) | Q(contact_name__icontains=text))
    if stage := _choice(Stage, f.stage):
        query = query.filter(stage=stage)
    if f.owner.isdigit():
        query = query.filter(owner_id=int(f.owner))
    elif f.owner == "none":
        query = query.filter(owner_id__isnull=True)
    if source := _choice(Source, f.source):
        query = query.filter(source=source)
    if f.region:
        query = query.filter(Q(region__icontains=f.region) | Q(requirement__region__icontains=f.region))
    if kind := _choice(PropertyType, f.property_type):
        query = query.filter(requirement__property_type=kind)
    if deal := _choice(DealType, f.deal_type):
        query = query.filter(requirement__deal_type=deal)
    try:
        area = Decimal(f.area) if f.area else None
    except InvalidOperation:
        area = None
    if area is not None and area.is_finite():
        query = query.filter(
            Q(requirement__area_min__isnull=True) | Q(requirement__area_min__lte=area),
            Q(requirement__area_max__isnull=True) | Q(requirement__area_max__gte=area),
            Q(requirement__area_min__not_isnull=True) | Q(requirement__area_max__not_isnull=True),
        )
    return query


@dataclass(frozen=True)
class Page:
    clients: list[Client]
    total: int
    number: int
    pages: int


async def page(actor: Account, f: ClientFilter, *, tz: str, number: int = 1, size: int = PAGE_SIZE) -> Page:
    query = visible(actor, f, tz=tz)
    total = await query.count()
    pages = max(1, -(-total // size))
    number = min(max(1, number), pages)
    clients = (
        await query.order_by("-updated_at", "-id")
        .offset((number - 1) * size)
        .limit(size)
        .select_related("owner", "requirement")
    )
    return Page(list(clients), total, number, pages)


async def owners(actor: Account) -> list[Account]:
    """Whom ``actor`` may filter by and reassign to: everyone for admins, the team for managers, oneself."""
    if permissions.sees_all(actor):
        return list(await Account.filter(active=True).exclude(role=Role.PARTNER).order_by("name"))
    if actor.role == Role.MANAGER:
        return list(await Account.filter(Q(id=actor.id) | Q(manager_id=actor.id), active=True).order_by("name"))
    return [actor]


@dataclass(frozen=True)
class ExportRow:
    client: Client
    phone: str
    wechat_id: str
    email: str


async def export(actor: Account, f: ClientFilter, *, tz: str) -> list[ExportRow]:
    """The filtered clients for a file: contact data in full only for ``actor``'s own clients."""
    query = (
        visible(actor, f, tz=tz)
        .order_by("-updated_at", "-id")
        .limit(EXPORT_LIMIT)
        .select_related("owner", "requirement")
    )
    rows = []
    for client in await query:
        own = client.owner_id == actor.id
        phone, wechat_id, email = client.phone or "", client.wechat_id or "", client.email or ""
        rows.append(
            ExportRow(
                client,
                phone if own or not phone else mask_phone(phone),
                wechat_id if own or not wechat_id else mask_text(wechat_id),
                email if own or not email else mask_text(email),
            )
        )
    return rows
