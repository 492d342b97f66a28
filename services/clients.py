"""Clients: create or merge (the one intake path), resolve by name, follow-ups, stages, reassignment.

Every change runs in one transaction with its audit entry. A follow-up is
keyed by the WeChat MsgId that created it, so a retried message never records
it twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from core.config import Settings
from models import (
    Account,
    Client,
    FollowUp,
    Listing,
    ListingStatusChange,
    Notification,
    ReferralEvent,
    Requirement,
    StageChange,
    Viewing,
)
from models.enums import EarningKind, ReferralEventKind, Source, Stage
from models.pii import blind_index
from services import audit, commissions, matching, notify, permissions, regions
from services.errors import (
    ChangedMeanwhile,
    ClientNotFound,
    ClientUnnamed,
    DuplicateClient,
    NotADuplicate,
    NotYourClient,
)
from services.referrals import commission

_LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|工厂|厂)$")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
_NOISE = re.compile(r"[\s()（）·.,，、\-]+")
_PROVINCES = ("江苏", "浙江", "广东", "上海", "安徽", "中国")
_TITLES = re.compile(r"(?:总|经理|老板|工|主任|先生|女士|小姐|姐|哥)$")
_FAMILIAR = re.compile(r"^(?:小|老|阿)(?=\S{1,2}$)")
"""小李, 老王: the parser stores such a contact as 李, 王."""
_CLIENT_FIELDS = (
    "company",
    "contact_name",
    "phone",
    "wechat_id",
    "industry",
    "region",
    "source",
    "source_detail",
    "notes",
)
_REQUIREMENT_FIELDS = (
    "deal_type",
    "property_type",
    "region",
    "single_storey",
    "area_min",
    "area_max",
    "ceiling_height_min",
    "floor_load_min",
    "power_kva_min",
    "rent_max",
    "budget_month_max",
    "sale_price_max",
    "sale_total_max",
    "features",
)


STAGE_ORDER = [Stage.INTENT, Stage.VIEWING, Stage.NEGOTIATING, Stage.WON]


def advances(current: Stage, target: Stage | None) -> bool:
    """Whether ``target`` moves a client forward: losing is possible from any stage, and a lost client may come
    back at any stage. Stages implied by a note or a listing deal only ever move forward."""
    if target is None or target == current:
        return False
    if Stage.LOST in (current, target):
        return True
    return STAGE_ORDER.index(target) > STAGE_ORDER.index(current)


def stage_probability(settings: Settings, stage: Stage | str) -> int:
    """Deal probability (percent) of a stage, from ``matching.stage_probability``."""
    return settings.matching.stage_probability.of(Stage(stage).value)


def normalize_company(name: str | None, settings: Settings) -> str | None:
    """``苏州华兴精密机械有限公司`` and ``华兴精密机械`` normalize alike: no place prefix, legal suffix or spaces."""
    if not name:
        return None
    text = _NOISE.sub("", _BRACKETED.sub("", name)).lower()
    for _ in range(3):
        text = _LEGAL_SUFFIX.sub("", text)
    changed = True
    places = sorted(regions.tree(settings).names() + list(_PROVINCES), key=len, reverse=True)
    while changed:
        changed = False
        for place in places:
            for prefix in (place + "市", place + "区", place + "省", place):
                if text.startswith(prefix) and len(text) > len(prefix) + 1:
                    text, changed = text[len(prefix) :], True
                    break
            if changed:
                break
    return text[:128] or None


async def duplicates(
    *, phone: str | None, company: str | None, settings: Settings, wechat_id: str | None = None
) -> list[Client]:
    """Clients with the same phone or WeChat id (blind index) or the same normalized company name."""
    found: dict[int, Client] = {}
    for kind, value in (("phone", phone), ("wechat_id", wechat_id)):
        if value:
            for client in await Client.filter(**{f"{kind}_hash": blind_index(kind, value)}).select_related("owner"):
                found.setdefault(client.id, client)
    norm = normalize_company(company, settings)
    if norm:
        for client in await Client.filter(company_norm=norm).select_related("owner"):
            found.setdefault(client.id, client)
    return list(found.values())


def _requirement_values(slots: dict) -> dict:
    values: dict[str, Any] = {}
    for name in _REQUIREMENT_FIELDS:
        if name in slots and slots[name] is not None:
            value = slots[name]
            values[name] = (
                Decimal(str(value)) if isinstance(value, float | int) and not isinstance(value, bool) else value
            )
    if "features" in values:
        values["features"] = sorted(values["features"])
    return values


def missing_for_client(slots: dict) -> list[str]:
    """What a client record still lacks to be worked on: ``phone``, ``contact_name``, ``area``, ``region``."""
    missing = []
    if not slots.get("phone") and not slots.get("wechat_id"):
        missing.append("phone")
    if not slots.get("contact_name"):
        missing.append("contact_name")
    if not (slots.get("area_min") or slots.get("area_max")):
        missing.append("area")
    if not slots.get("region"):
        missing.append("region")
    return missing


class OnDuplicate(str, Enum):
    """What ``create_or_merge`` does when the duplicate rule finds existing clients."""

    REFUSE = "refuse"
    """Raise ``DuplicateClient`` with them, so the caller can offer a merge (staff in chat)."""
    MARK = "mark"
    """Create the client marked as a possible duplicate of the first, for its salesperson to confirm; never link
    or merge (untrusted intake: mini-program leads, H5 forms, ad platforms)."""
    CREATE = "create"
    """Create it anyway (a salesperson said it is another client)."""


async def create_or_merge(
    *,
    actor: Account | None,
    slots: dict,
    settings: Settings,
    via: str,
    into: Client | None = None,
    on_duplicate: OnDuplicate = OnDuplicate.REFUSE,
    owner_id: int | None = None,
    referrer_id: int | None = None,
    wechat_user_id: int | None = None,
) -> Client:
    """The one way a client enters the CRM, whatever the channel.

    ``slots`` are the client fields (company, contact_name, phone, wechat_id, industry, region, source,
    source_detail, notes) and requirement fields (as the parser names them). ``into`` merges them into that
    client (``actor`` must be allowed to change it); otherwise the duplicate rule (``duplicates``: same phone or
    WeChat id by blind index, or same normalised company) decides with ``on_duplicate``. ``owner_id`` defaults
    to the actor. ``via`` (``chat``, ``miniapp``, ``h5``...) is kept in the audit entry. Call inside the caller's
    transaction when more rows belong with the client (a follow-up, a notice).
    """
    if into is not None:
        return await _merge(actor=actor, client=into, slots=slots, settings=settings, via=via)
    if not slots.get("company") and not slots.get("contact_name") and not slots.get("phone"):
        raise ClientUnnamed()
    duplicate_of = None
    if on_duplicate != OnDuplicate.CREATE:
        found = await duplicates(
            phone=slots.get("phone"), company=slots.get("company"), wechat_id=slots.get("wechat_id"), settings=settings
        )
        if found and on_duplicate == OnDuplicate.REFUSE:
            raise DuplicateClient(found)
        duplicate_of = min(found, key=lambda c: c.id) if found else None
    source = slots.get("source")
    async with in_transaction():
        client = await Client.create(
            company=slots.get("company"),
            company_norm=normalize_company(slots.get("company"), settings),
            contact_name=slots.get("contact_name"),
            phone=slots.get("phone"),
            wechat_id=slots.get("wechat_id"),
            industry=slots.get("industry"),
            region=slots.get("region"),
            source=Source(source) if source else Source.OTHER,
            source_detail=slots.get("source_detail"),
            notes=slots.get("notes"),
            owner_id=owner_id if owner_id is not None else (actor.id if actor else None),
            referrer_id=referrer_id,
            wechat_user_id=wechat_user_id,
            duplicate_of=duplicate_of,
            stage=Stage.INTENT,
            deal_probability=stage_probability(settings, Stage.INTENT),
        )
        await Requirement.create(client=client, **_requirement_values(slots))
        await audit.record(
            actor,
            "client.create",
            "client",
            client.id,
            after={
                **_client_snapshot(client),
                "via": via,
                "duplicate_of": client.duplicate_of_id,
                "requirement": _requirement_values(slots),
            },
        )
    return client


def _client_snapshot(client: Client) -> dict:
    """What the audit log keeps of a client: no plaintext contact data."""
    return {
        "company": client.company,
        "contact_name": client.contact_name,
        "phone_hash": client.phone_hash,
        "region": client.region,
        "stage": client.stage,
        "owner": client.owner_id,
        "industry": client.industry,
    }


async def _merge(*, actor: Account | None, client: Client, slots: dict, settings: Settings, via: str) -> Client:
    """Fill what ``client`` lacks from a new registration and update its requirement."""
    if actor is None:
        raise NotYourClient(client)
    await permissions.ensure_can_change(actor, client)
    async with in_transaction():
        before = _client_snapshot(client)
        changed = []
        for name in _CLIENT_FIELDS:
            value = slots.get(name)
            if value and not getattr(client, name):
                setattr(client, name, Source(value) if name == "source" else value)
                changed.append(name)
        if "company" in changed:
            client.company_norm = normalize_company(client.company, settings)
            changed.append("company_norm")
        client.version += 1
        await client.save(update_fields=[*changed, "version", "updated_at"])
        values = _requirement_values(slots)
        requirement = await Requirement.filter(client_id=client.id).first()
        if requirement is None:
            await Requirement.create(client=client, **values)
        elif values:
            await Requirement.filter(id=requirement.id).update(**values)
        await audit.record(
            actor,
            "client.merge",
            "client",
            client.id,
            before=before,
            after={**_client_snapshot(client), "via": via, "requirement": values},
        )
    return client


async def pending_duplicates(actor: Account, name: str) -> list[Client]:
    """Leads marked as possible duplicates that ``name`` names, or that may duplicate a client it names."""
    found = await resolve(actor, name)
    leads = {c.id: c for c in found if c.duplicate_of_id}
    named = [c.id for c in found if not c.duplicate_of_id]
    if named:
        for lead in await permissions.visible_clients(actor).filter(duplicate_of_id__in=named).select_related("owner"):
            leads.setdefault(lead.id, lead)
    return list(leads.values())


async def settle_duplicate(*, actor: Account, lead: Client, same: bool, settings: Settings) -> Client:
    """A salesperson's answer about a lead marked as a possible duplicate; returns the client that remains.

    ``same``: the lead is merged into the existing client (fields it lacks, the visitor's messages, viewings,
    notices, deals, the mini-program user) and deleted. Otherwise the mark is cleared: a client of its own.
    """
    await permissions.ensure_can_change(actor, lead)
    if lead.duplicate_of_id is None:
        raise NotADuplicate(lead)
    existing = await Client.get(id=lead.duplicate_of_id).select_related("owner")
    if not same:
        async with in_transaction():
            lead.duplicate_of_id = None
            await lead.save(update_fields=["duplicate_of_id", "updated_at"])
            await audit.record(actor, "client.distinct", "client", lead.id, after={"not_duplicate_of": existing.id})
            if await ReferralEvent.filter(client_id=lead.id, kind=ReferralEventKind.LEAD).exists():
                # a new lead after all: its referrer earns the qualified-lead reward held back while it was marked
                await commissions.reward(EarningKind.QUALIFIED_LEAD, lead, settings=settings)
        return lead
    await permissions.ensure_can_change(actor, existing)
    requirement = await Requirement.filter(client_id=lead.id).first()
    slots = {name: getattr(lead, name) for name in _CLIENT_FIELDS if name != "source"}
    if requirement is not None:
        slots.update({name: getattr(requirement, name) for name in _REQUIREMENT_FIELDS})
    async with in_transaction():
        await _merge(actor=actor, client=existing, slots=slots, settings=settings, via="lead")
        links = {
            name: getattr(lead, name)
            for name in ("wechat_user_id", "referrer_id")
            if getattr(lead, name) and not getattr(existing, name)
        }
        if links:
            await Client.filter(id=existing.id).update(**links)
        for model in (FollowUp, Viewing, Notification, ReferralEvent, ListingStatusChange):
            await model.filter(client_id=lead.id).update(client_id=existing.id)
        await Listing.filter(held_by_id=lead.id).update(held_by_id=existing.id)
        await Client.filter(duplicate_of_id=lead.id).update(duplicate_of_id=existing.id)
        await audit.record(
            actor,
            "client.merge_lead",
            "client",
            existing.id,
            before={"lead": lead.id, **_client_snapshot(lead)},
            after=_client_snapshot(existing),
        )
        await lead.delete()
    await existing.refresh_from_db()
    return existing


async def get_visible(actor: Account, client_id: int) -> Client:
    client = await permissions.visible_clients(actor).filter(id=client_id).select_related("owner").first()
    if client is None:
        raise ClientNotFound()
    return client


async def resolve(actor: Account, name: str, *, limit: int = 9) -> list[Client]:
    """Clients among those ``actor`` may see that ``name`` (a company or a person like 李总) refers to."""
    name = (name or "").strip()
    if not name:
        return []
    visible = permissions.visible_clients(actor).select_related("owner")
    person = _FAMILIAR.sub("", _TITLES.sub("", name))
    exact = await visible.filter(company=name).limit(limit)
    if exact:
        return list(exact)
    bare = _LEGAL_SUFFIX.sub("", name)  # 华兴精密有限公司 finds the client saved as 华兴精密
    candidates: dict[int, Client] = {}
    for query in (
        visible.filter(company__icontains=name),
        visible.filter(company__icontains=bare) if len(bare) >= 2 and bare != name else None,
        visible.filter(contact_name=name),
        visible.filter(contact_name=person) if person and person != name else None,
    ):
        if query is None:
            continue
        for client in await query.order_by("-updated_at").limit(limit):
            candidates.setdefault(client.id, client)
    return list(candidates.values())[:limit]


async def find_elsewhere(actor: Account, name: str) -> Client | None:
    """A client of someone else with this exact company name (shown masked to sales)."""
    for client in await Client.filter(company=name).select_related("owner").limit(10):
        if not await permissions.can_change(actor, client):
            return client
    return None


@dataclass
class FollowUpResult:
    followup: FollowUp
    client: Client
    stage_changed: bool
    duplicate: bool = False
    kept_next_at: datetime | None = None
    """The planned next follow-up that still stands because this note gave no time of its own."""


async def log_followup(
    *,
    actor: Account,
    client: Client,
    content: str,
    now: datetime,
    settings: Settings,
    next_at: datetime | None = None,
    stage: Stage | str | None = None,
    source_msg_id: str | None = None,
) -> FollowUpResult:
    """Record a contact, ``content`` stored exactly as written.

    A new time replaces the planned one (earlier follow-ups are marked done, so only this one's reminder is
    pending). A note without a time keeps a plan that is still ahead; a plan whose time has come is taken
    as answered by this contact. ``cancel_plans`` is the explicit way to drop a plan.
    A stage the note names moves the client only forward (``advances``): 谈价格 in a note about a won
    client is not a step back; ``set_stage`` is the explicit way back.
    """
    await permissions.ensure_can_change(actor, client)
    if source_msg_id:
        existing = await FollowUp.filter(source_msg_id=source_msg_id).first()
        if existing is not None:
            return FollowUpResult(existing, client, False, duplicate=True)
    stage = Stage(stage) if stage else None
    try:
        async with in_transaction():
            superseded = FollowUp.filter(client_id=client.id, done=False)
            if next_at is None:
                superseded = superseded.filter(Q(next_at__isnull=True) | Q(next_at__lte=now))
            await superseded.update(done=True)
            kept = (
                None
                if next_at is not None
                else await FollowUp.filter(client_id=client.id, done=False, next_at__gt=now).order_by("next_at").first()
            )
            followup = await FollowUp.create(
                client=client,
                author=actor,
                content=(content or "").strip() or "（无备注）",
                stage=stage,
                happened_at=now,
                next_at=next_at,
                source_msg_id=source_msg_id,
            )
            before = _client_snapshot(client)
            client.next_followup_at = next_at or (kept.next_at if kept else None)
            update = ["next_followup_at", "version", "updated_at"]
            changed = advances(client.stage, stage)
            if changed and stage is not None:
                await _apply_stage(actor, client, stage, settings, note=f"跟进#{followup.id}")
                update += ["stage", "deal_probability"]
            client.version += 1
            await client.save(update_fields=update)
            await audit.record(
                actor,
                "followup.create",
                "followup",
                followup.id,
                before=before,
                after={"client": client.id, "next_at": next_at, "stage": stage, "source_msg_id": source_msg_id},
            )
    except IntegrityError:
        existing = await FollowUp.filter(source_msg_id=source_msg_id).first() if source_msg_id else None
        if existing is None:
            raise
        return FollowUpResult(existing, client, False, duplicate=True)
    return FollowUpResult(followup, client, changed, kept_next_at=kept.next_at if kept else None)


async def cancel_plans(*, actor: Account, client: Client) -> datetime | None:
    """Drop the client's planned follow-ups (no reminder goes out); returns the time that was planned, if any."""
    await permissions.ensure_can_change(actor, client)
    async with in_transaction():
        planned = cast(
            list[datetime],
            await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True)
            .order_by("next_at")
            .values_list("next_at", flat=True),
        )
        was = planned[0] if planned else client.next_followup_at
        if was is None:
            return None
        await FollowUp.filter(client_id=client.id, done=False).update(done=True)
        before = _client_snapshot(client)
        client.next_followup_at = None
        client.version += 1
        await client.save(update_fields=["next_followup_at", "version", "updated_at"])
        await audit.record(
            actor, "followup.cancel", "client", client.id, before=before, after={"cancelled": list(planned)}
        )
    return was


async def _apply_stage(
    actor: Account, client: Client, stage: Stage, settings: Settings, *, note: str | None = None
) -> None:
    """Stage history, probability and, for a won deal, the referrer's commission; call inside the transaction."""
    await StageChange.create(
        client=client, from_stage=client.stage, to_stage=stage, changed_by=actor, note=(note or "")[:255] or None
    )
    client.stage = stage
    client.deal_probability = stage_probability(settings, stage)
    if stage == Stage.WON:
        await commission.on_client_won(client, settings=settings)
    elif stage == Stage.VIEWING:
        await commissions.reward(EarningKind.VIEWING, client, settings=settings)


async def set_stage(
    *, actor: Account, client: Client, stage: Stage | str, settings: Settings, note: str | None = None
) -> bool:
    """Move a client to ``stage``; False when it already was there."""
    await permissions.ensure_can_change(actor, client)
    stage = Stage(stage)
    if client.stage == stage:
        return False
    async with in_transaction():
        before = _client_snapshot(client)
        updated = await Client.filter(id=client.id, version=client.version).update(
            stage=stage, deal_probability=stage_probability(settings, stage), version=client.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("client")
        await _apply_stage(actor, client, stage, settings, note=note)
        client.version += 1
        await audit.record(actor, "client.stage", "client", client.id, before=before, after=_client_snapshot(client))
    return True


async def reassign(*, actor: Account, client: Client, to: Account) -> Client:
    await permissions.ensure_can_reassign(actor, client, to)
    async with in_transaction():
        before = _client_snapshot(client)
        client.owner = to
        client.version += 1
        await client.save(update_fields=["owner_id", "version", "updated_at"])
        await audit.record(actor, "client.reassign", "client", client.id, before=before, after=_client_snapshot(client))
        if to.id != actor.id:
            await notify.queue(
                "notice",
                to,
                dedupe_key=f"client:{client.id}:owner:{client.version}",
                client=client,
                payload={"title": f"{actor.name}转给你一个客户", "detail": client.display_name},
            )
    return client


async def duplicate_name(client: Client) -> str:
    """The name of the existing client a lead may duplicate (shown to whoever sees the lead)."""
    existing = await Client.get_or_none(id=client.duplicate_of_id) if client.duplicate_of_id else None
    return existing.display_name if existing else ""


async def recent_followups(client: Client, *, limit: int = 5) -> list[FollowUp]:
    return (
        await FollowUp.filter(client_id=client.id).order_by("-happened_at", "-id").limit(limit).select_related("author")
    )


async def requirement_of(client: Client) -> Requirement | None:
    return await Requirement.filter(client_id=client.id).first()


async def criteria_of(client: Client) -> matching.Criteria:
    return matching.Criteria.from_requirement(await requirement_of(client), client.region)
