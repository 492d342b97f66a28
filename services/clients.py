"""Clients: create or merge (the one intake path), resolve by name, follow-ups, stages, reassignment.

Every change runs in one transaction with its audit entry. A follow-up is
keyed by the WeChat MsgId that created it, so a retried message never records
it twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, cast

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from core.config import Settings
from models import (
    Account,
    AuditLog,
    Client,
    ClientContact,
    FollowUp,
    Listing,
    ListingStatusChange,
    Notification,
    ReferralEvent,
    Requirement,
    StageChange,
    Viewing,
    pii,
)
from models.enums import EarningKind, NotificationStatus, ReferralEventKind, Source, Stage
from models.pii import blind_index
from services import audit, commissions, matching, notify, permissions, regions, reminders
from services.errors import (
    CannotUndoWon,
    ChangedMeanwhile,
    ClientNotFound,
    ClientUnnamed,
    ContactTaken,
    DuplicateClient,
    NotADuplicate,
    NotYourClient,
)
from services.notify import Notice
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
    "regions",
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
CLOSED_STAGES = (Stage.WON, Stage.LOST)
"""A client in these stages has no planned follow-up and gets no reminder."""


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
    """Clients with the same phone or WeChat id (blind index, also of their other contacts) or the same
    normalized company name."""
    found: dict[int, Client] = {}
    for kind, value in (("phone", phone), ("wechat_id", wechat_id)):
        if value:
            digest = blind_index(kind, value)
            same = Q(**{f"{kind}_hash": digest}) | Q(**{f"contacts__{kind}_hash": digest})
            for client in await Client.live().filter(same).distinct().select_related("owner"):
                found.setdefault(client.id, client)
    norm = normalize_company(company, settings)
    if norm:
        for client in await Client.live().filter(company_norm=norm).select_related("owner"):
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
    if "region" in values and not values.get("regions"):
        values["regions"] = [values["region"]]  # a new place replaces the alternatives given before
    if "regions" in values:
        values["several_places"] = len(values["regions"]) > 1
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
    if not slots.get("company") and not slots.get("contact_name") and not slots.get("phone") and not wechat_user_id:
        raise ClientUnnamed()  # a follower of the official account is reachable without a name
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
        added = await _add_contact(client, slots)
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
            after={**_client_snapshot(client), "via": via, "requirement": values, "contact_added": added},
        )
    return client


async def _add_contact(client: Client, slots: dict) -> int | None:
    """A phone or WeChat id the client does not have yet (with the person named beside it) becomes another
    contact of the client instead of being dropped; returns its id."""
    known = ClientContact.filter(client_id=client.id)
    new: dict[str, str] = {}
    for kind in ("phone", "wechat_id"):
        value, own = slots.get(kind), getattr(client, kind)
        if not value or not own:
            continue  # nothing given, or the client had none and took this one
        digest = blind_index(kind, value)
        if digest != getattr(client, f"{kind}_hash") and not await known.filter(**{f"{kind}_hash": digest}).exists():
            new[kind] = value
    if not new:
        return None
    person = slots.get("contact_name")
    contact = await ClientContact.create(
        client_id=client.id,
        name=person if person and person != client.contact_name else None,
        phone=new.get("phone"),
        wechat_id=new.get("wechat_id"),
    )
    return contact.id


async def contacts_of(client: Client) -> list[ClientContact]:
    """The client's other contacts, oldest first."""
    return list(await ClientContact.filter(client_id=client.id).order_by("id"))


async def add_contact(
    *, actor: Account, client: Client, name: str | None, phone: str | None, settings: Settings
) -> ClientContact | None:
    """``华兴精密 加个联系人 孙总 139…``: another person of the client, stored as a merged duplicate's second
    phone is (encrypted, with its blind index); None when the client already has that phone. Whoever may change
    the client may add one, under its version (``ChangedMeanwhile``), with an audit entry 撤销 takes back; a phone
    another client has is refused (``ContactTaken``)."""
    await permissions.ensure_can_change(actor, client)
    if phone:
        taken = await duplicates(phone=phone, company=None, settings=settings)
        if others := [c for c in taken if c.id != client.id]:
            raise ContactTaken(others[0])
        if taken:
            return None
    async with in_transaction():
        if not await Client.filter(id=client.id, version=client.version).update(version=client.version + 1):
            raise ChangedMeanwhile("client")
        client.version += 1
        contact = await ClientContact.create(client_id=client.id, name=name, phone=phone)
        await audit.record(actor, "client.contact_add", "client", client.id, after={"contact": contact.id})
    return contact


async def remove_contact(*, actor: Account, client: Client, contact_id: int) -> str | None:
    """Take back a contact added by chat (撤销); returns its name."""
    await permissions.ensure_can_change(actor, client)
    contact = await ClientContact.get_or_none(id=contact_id, client_id=client.id)
    if contact is None:
        return None
    await contact.delete()
    return contact.name


async def fill_from_lead(client: Client, slots: dict, *, settings: Settings, via: str) -> list[str]:
    """What a visitor's later message adds to their own lead: fields and requirement bounds it still lacks,
    never a change to what is known (untrusted input). Returns the names filled. Call inside the lead's
    transaction."""
    filled = [name for name in ("company", "contact_name", "phone", "wechat_id") if slots.get(name)]
    filled = [name for name in filled if not getattr(client, name)]
    for name in filled:
        setattr(client, name, slots[name])
    if "company" in filled:
        client.company_norm = normalize_company(client.company, settings)
    if slots.get("region") and not client.region:
        client.region = slots["region"]
        filled.append("region")
    requirement = await Requirement.filter(client_id=client.id).first()
    wanted = _requirement_values(slots)
    missing = {k: v for k, v in wanted.items() if requirement is None or getattr(requirement, k) in (None, [])}
    if not filled and not missing:
        return []
    before = _client_snapshot(client)
    if filled:
        client.version += 1
        fields = [*filled, "version", "updated_at"] + (["company_norm"] if "company" in filled else [])
        await client.save(update_fields=fields)
    if requirement is None:
        await Requirement.create(client=client, **missing)
    elif missing:
        await Requirement.filter(id=requirement.id).update(**missing)
    await audit.record(
        None,
        "client.lead_update",
        "client",
        client.id,
        before=before,
        after={**_client_snapshot(client), "via": via, "requirement": missing},
    )
    return filled + list(missing)


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


async def last_worked_on(actor: Account, since: datetime) -> Client | None:
    """The client ``actor`` last recorded something about since ``since`` (a follow-up, a correction...), for a
    message that goes on about it without naming it (``需求加上 一楼``)."""
    entry = (
        await AuditLog.filter(Q(entity="client") | Q(action="followup.create"), actor_id=actor.id, at__gte=since)
        .order_by("-at", "-id")
        .first()
    )
    client_id = entry and (entry.entity_id if entry.entity == "client" else (entry.after or {}).get("client"))
    return await Client.live().filter(id=client_id).select_related("owner").first() if client_id else None


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


async def by_phone(actor: Account, phone: str) -> list[Client]:
    """The clients ``actor`` may see whose phone is ``phone`` (blind index: nothing is decrypted to search)."""
    digest = blind_index("phone", phone)
    return list(
        await permissions.visible_clients(actor)
        .filter(Q(phone_hash=digest) | Q(contacts__phone_hash=digest))
        .distinct()
        .select_related("owner")
        .order_by("-updated_at")
        .limit(9)
    )


async def by_phone_elsewhere(actor: Account, phone: str) -> Client | None:
    """Someone else's client with this phone (shown masked, with its owner, so nobody registers it twice)."""
    digest = blind_index("phone", phone)
    same = Q(phone_hash=digest) | Q(contacts__phone_hash=digest)
    for client in await Client.live().filter(same).distinct().select_related("owner").limit(10):
        if not await permissions.can_change(actor, client):
            return client
    return None


async def find_elsewhere(actor: Account, name: str) -> Client | None:
    """A client of someone else with this exact company name (shown masked to sales)."""
    for client in await Client.live().filter(company=name).select_related("owner").limit(10):
        if not await permissions.can_change(actor, client):
            return client
    return None


EDITABLE_FIELDS = ("company", "contact_name", "phone", "wechat_id", "industry", "region", "source")
"""What a salesperson corrects by chat (``修改 华兴精密 电话 …``); and the requirement (``REQUIREMENT_EDITS``)."""
REQUIREMENT_EDITS = tuple(name for name in _REQUIREMENT_FIELDS if name != "region")
"""The requirement chat changes (``鑫达模具 需求改成4000平``); its place is the client's ``region``, with the
alternatives (``regions``) when several are named."""
_REQUIREMENT_GROUPS = (("area_min", "area_max"), ("rent_max", "budget_month_max", "sale_price_max", "sale_total_max"))
"""A new bound replaces its group: a new size leaves no old minimum behind, a new budget no old rent ceiling."""
_SEALED = ("phone", "wechat_id", "email")
"""Fields whose previous value the audit entry keeps encrypted (for 撤销), never in clear."""


async def update(*, actor: Account, client: Client, changes: dict, settings: Settings) -> dict[str, tuple]:
    """Correct ``client``'s fields (``EDITABLE_FIELDS``) and requirement (``REQUIREMENT_EDITS``); returns
    ``{field: (before, after)}`` of what changed.

    Whoever may change the client may correct it; a phone or WeChat id another client has is refused
    (``ContactTaken``: a duplicate is merged, not made); the write is conditional on the version read (another
    change in between raises ``ChangedMeanwhile``) and the audit entry keeps what was there before (contact data
    encrypted), so the correction can be undone, all of it at once.
    """
    await permissions.ensure_can_change(actor, client)
    wanted = {name: changes[name] for name in EDITABLE_FIELDS if changes.get(name)}
    changed = {name: (getattr(client, name), value) for name, value in wanted.items() if getattr(client, name) != value}
    current = await Requirement.filter(client_id=client.id).first()
    needs = _requirement_changes(current, changes)
    if not changed and not needs:
        return {}
    values = {name: after for name, (_, after) in changed.items()}
    if "phone" in values or "wechat_id" in values:
        taken = await duplicates(
            phone=values.get("phone"), wechat_id=values.get("wechat_id"), company=None, settings=settings
        )
        if others := [c for c in taken if c.id != client.id]:
            raise ContactTaken(others[0])
    requirement = {name: after for name, (_, after) in needs.items()}
    await _write(actor, client, values, settings, action="client.update", requirement=(current, requirement))
    return {**changed, **needs}


def wechat_from_phone(client: Client, contact_name: str | None) -> dict | None:
    """``微信同号``: the changes that make the WeChat id the contact's phone, naming the contact when the client
    had none; None when that phone is not on record (no phone, or a person other than the client's contact)."""
    known = client.contact_name
    if not client.phone or (contact_name and known and not known.startswith(contact_name)):
        return None
    return {"wechat_id": client.phone} | ({"contact_name": contact_name} if contact_name and not known else {})


def _requirement_changes(current: Requirement | None, changes: dict) -> dict[str, tuple]:
    """``{field: (before, after)}`` of the requirement ``changes`` names, each bound with the rest of its group;
    features are added to or taken from the current ones when ``features_change`` says ``add`` or ``remove``."""
    wanted = _requirement_values({name: changes[name] for name in REQUIREMENT_EDITS if name in changes})
    if "features" in wanted and changes.get("features_change"):
        held, named = {str(f) for f in getattr(current, "features", None) or []}, {str(f) for f in wanted["features"]}
        wanted["features"] = sorted(held | named if changes["features_change"] == "add" else held - named)
    for group in _REQUIREMENT_GROUPS:
        if wanted.keys() & set(group):
            wanted.update({name: wanted.get(name) for name in group})
    before = {name: getattr(current, name, None) for name in wanted}
    return {name: (before[name], value) for name, value in wanted.items() if before[name] != value}


async def _write(
    actor: Account | None,
    client: Client,
    values: dict,
    settings: Settings,
    *,
    action: str,
    requirement: tuple[Requirement | None, dict] = (None, {}),
) -> None:
    """Write ``values`` to ``client`` and ``requirement`` (its current row, the values) to its requirement, under
    the client's version, with one audit entry that can restore both."""
    current, needs = requirement
    previous = {name: getattr(client, name) for name in values}
    sealed = {name: pii.encrypt(value) if name in _SEALED and value else value for name, value in previous.items()}
    columns = dict(values)
    for name in _SEALED:
        if name in columns:
            columns[f"{name}_hash"] = blind_index(name, columns[name]) if columns[name] else None
    if "company" in columns:
        columns["company_norm"] = normalize_company(columns["company"], settings)
    async with in_transaction():
        before = _client_snapshot(client)
        updated = await Client.filter(id=client.id, version=client.version).update(
            **columns, version=client.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("client")
        for name, value in columns.items():
            setattr(client, name, value)
        client.version += 1
        if "region" in values:
            region = values["region"]
            await Requirement.filter(client_id=client.id).update(
                region=region, regions=[region] if region else None, several_places=False
            )
        if needs and current is not None:
            await Requirement.filter(id=current.id).update(**needs)
        elif needs:
            await Requirement.create(client=client, **needs)
        await audit.record(
            actor,
            action,
            "client",
            client.id,
            before={
                **before,
                "previous": sealed,
                "requirement": {name: getattr(current, name, None) for name in needs},
            },
            after={**_client_snapshot(client), "fields": sorted(values), "requirement": needs},
        )


async def restore(*, actor: Account, client: Client, before: dict, settings: Settings) -> None:
    """Put back the values and the requirement an audit entry's ``before`` kept (the undo of ``update``)."""
    await permissions.ensure_can_change(actor, client)
    values = {
        name: pii.decrypt(value) if name in _SEALED and value else value
        for name, value in (before.get("previous") or {}).items()
        if name in EDITABLE_FIELDS
    }
    columns = Requirement._meta.fields_map
    needs = {
        name: columns[name].to_python_value(value)
        for name, value in (before.get("requirement") or {}).items()
        if name in _REQUIREMENT_FIELDS
    }
    current = await Requirement.filter(client_id=client.id).first()
    await _write(actor, client, values, settings, action="client.restore", requirement=(current, needs))


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
    happened_at: datetime | None = None,
    remind_before_min: int | None = None,
) -> FollowUpResult:
    """Record a contact, ``content`` stored exactly as written, as of ``happened_at`` (a time said in the past,
    ``上午带看了``; default ``now``). ``remind_before_min`` sends the reminder that long before ``next_at``
    (``提前一天提醒我``), at once if that moment has passed.

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
    if happened_at is None or happened_at > now:
        happened_at = now
    try:
        async with in_transaction():
            superseded = FollowUp.filter(client_id=client.id, done=False)
            if next_at is None:  # a lead's first contact (by_client) is answered by any follow-up
                superseded = superseded.filter(Q(next_at__isnull=True) | Q(next_at__lte=now) | Q(by_client=True))
            superseded_ids = list(await superseded.values_list("id", flat=True))
            await FollowUp.filter(id__in=superseded_ids).update(done=True)
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
                happened_at=happened_at,
                next_at=next_at,
                remind_at=max(next_at - timedelta(minutes=remind_before_min), now)
                if next_at is not None and remind_before_min
                else next_at,
                source_msg_id=source_msg_id,
            )
            before = {**_client_snapshot(client), "next_followup_at": client.next_followup_at}
            client.next_followup_at = next_at or (kept.next_at if kept else None)
            update = ["next_followup_at", "version", "updated_at"]
            changed = advances(client.stage, stage)
            if changed and stage is not None:
                await _apply_stage(actor, client, stage, settings, note=f"跟进#{followup.id}")
                update += ["stage", "deal_probability"]
            elif client.stage in CLOSED_STAGES:
                await _close_plans(client)  # a note about a won or lost client plans nothing
            client.version += 1
            await client.save(update_fields=update)
            await audit.record(
                actor,
                "followup.create",
                "followup",
                followup.id,
                before=before,
                after={
                    "client": client.id,
                    "next_at": next_at,
                    "stage": stage,
                    "source_msg_id": source_msg_id,
                    "superseded": superseded_ids,
                },
            )
    except IntegrityError:
        existing = await FollowUp.filter(source_msg_id=source_msg_id).first() if source_msg_id else None
        if existing is None:
            raise
        return FollowUpResult(existing, client, False, duplicate=True)
    return FollowUpResult(followup, client, changed, kept_next_at=kept.next_at if kept else None)


async def remove_followup(
    *, actor: Account, followup: FollowUp, before: dict, superseded: list[int], settings: Settings
) -> Client:
    """Take back a follow-up just recorded (撤销): it is deleted with its reminders, the plans it replaced are
    open again, and a stage it moved the client to goes back. ``before`` and ``superseded`` are what its audit
    entry kept. A deal it won is not taken back here (its commission is settled as a deal)."""
    client = await Client.get(id=followup.client_id).select_related("owner")
    await permissions.ensure_can_change(actor, client)
    moved = await StageChange.filter(client_id=client.id, note=f"跟进#{followup.id}").first()
    if moved is not None and moved.to_stage == Stage.WON:
        raise CannotUndoWon(client)
    async with in_transaction():
        await FollowUp.filter(id__in=superseded, client_id=client.id).update(done=False)
        await followup.delete()
        client.next_followup_at = _datetime(before.get("next_followup_at"))
        await client.save(update_fields=["next_followup_at", "updated_at"])
        if moved is not None and moved.from_stage is not None and client.stage == moved.to_stage:
            await revert_stage(actor=actor, client=client, to=moved.from_stage, settings=settings, note="撤销跟进")
    return client


async def revert_stage(*, actor: Account, client: Client, to: Stage, settings: Settings, note: str) -> None:
    """Put a client back to the stage it had (撤销 of a stage change); a won deal is settled as a deal instead."""
    await permissions.ensure_can_change(actor, client)
    if client.stage == Stage.WON:
        raise CannotUndoWon(client)
    async with in_transaction():
        before = _client_snapshot(client)
        updated = await Client.filter(id=client.id, version=client.version).update(
            stage=to, deal_probability=stage_probability(settings, to), version=client.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("client")
        await StageChange.create(client=client, from_stage=client.stage, to_stage=to, changed_by=actor, note=note)
        client.stage, client.deal_probability = to, stage_probability(settings, to)
        client.version += 1
        await audit.record(
            actor, "client.stage_undo", "client", client.id, before=before, after=_client_snapshot(client)
        )


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


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


async def _close_plans(client: Client) -> None:
    """A won or lost client is not followed up any more: its planned follow-ups are done and their queued
    reminders cancelled; call inside the transaction and save ``next_followup_at``."""
    open_ids = list(await FollowUp.filter(client_id=client.id, done=False).values_list("id", flat=True))
    if open_ids:
        await FollowUp.filter(id__in=open_ids).update(done=True)
        await Notification.filter(
            followup_id__in=open_ids, kind=reminders.FOLLOWUP_DUE, status=NotificationStatus.PENDING
        ).update(status=NotificationStatus.CANCELLED)
    client.next_followup_at = None


async def _apply_stage(
    actor: Account, client: Client, stage: Stage, settings: Settings, *, note: str | None = None
) -> None:
    """Stage history, probability, planned follow-ups closed when won or lost and, for a won deal, the
    referrer's commission; call inside the transaction."""
    await StageChange.create(
        client=client, from_stage=client.stage, to_stage=stage, changed_by=actor, note=(note or "")[:255] or None
    )
    client.stage = stage
    client.deal_probability = stage_probability(settings, stage)
    if stage in CLOSED_STAGES:
        await _close_plans(client)
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
        if stage in CLOSED_STAGES:
            await Client.filter(id=client.id).update(next_followup_at=None)
        client.version += 1
        await audit.record(
            actor, "client.stage", "client", client.id, before=before, after={**_client_snapshot(client), "note": note}
        )
    return True


async def reopen(*, actor: Account, client: Client, settings: Settings, reason: str) -> Stage | None:
    """A won client whose deal fell through goes back to the stage it had before it was won (negotiating when
    none is on record), the reason kept in its stage history and the audit log; None when it was not won."""
    if client.stage != Stage.WON:
        return None
    won = await StageChange.filter(client_id=client.id, to_stage=Stage.WON).order_by("-id").first()
    back = won.from_stage if won and won.from_stage not in (None, *CLOSED_STAGES) else Stage.NEGOTIATING
    await set_stage(actor=actor, client=client, stage=back, settings=settings, note=f"取消成交：{reason}"[:255])
    return back


async def delete(
    *, actor: Account, client: Client, now: datetime, reason: str = "", action: str = "client.delete"
) -> None:
    """Delete a client (its owner, their manager or an admin): hidden from every interface, matching and
    reminders, its planned follow-ups closed; the row and its history stay, and the audit entry (``action``)
    says who and why."""
    await permissions.ensure_can_change(actor, client)
    async with in_transaction():
        updated = await Client.filter(id=client.id, version=client.version, deleted_at__isnull=True).update(
            deleted_at=now, next_followup_at=None, version=client.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("client")
        await _close_plans(client)
        client.deleted_at, client.version = now, client.version + 1
        await audit.record(
            actor, action, "client", client.id, before=_client_snapshot(client), after={"reason": reason}
        )


async def undelete(*, actor: Account, client_id: int) -> Client:
    """Bring back a client deleted by mistake (撤销 of ``delete``); its closed plans stay closed."""
    client = await Client.get(id=client_id).select_related("owner")
    await permissions.ensure_can_change(actor, client)
    async with in_transaction():
        await Client.filter(id=client.id).update(deleted_at=None, version=client.version + 1)
        client.deleted_at, client.version = None, client.version + 1
        await audit.record(actor, "client.undelete", "client", client.id, after=_client_snapshot(client))
    return client


async def reassign(*, actor: Account, client: Client, to: Account) -> Client:
    """Hand ``client`` to ``to``; the new owner and the previous one (unless either made the change) are told."""
    await permissions.ensure_can_reassign(actor, client, to)
    previous = await Account.get_or_none(id=client.owner_id) if client.owner_id else None
    async with in_transaction():
        before = _client_snapshot(client)
        client.owner = to
        client.version += 1
        await client.save(update_fields=["owner_id", "version", "updated_at"])
        await audit.record(actor, "client.reassign", "client", client.id, before=before, after=_client_snapshot(client))
        if to.id != actor.id:
            await notify.queue(
                Notice.CLIENT_HANDED_OVER,
                to,
                dedupe_key=f"client:{client.id}:owner:{client.version}",
                client=client,
                facts={"client": client.display_name, "by": actor.name},
            )
        if previous is not None and previous.id not in (actor.id, to.id):
            await notify.queue(
                Notice.CLIENT_TAKEN_AWAY,
                previous,
                dedupe_key=f"client:{client.id}:owner:{client.version}:previous",
                client=client,
                facts={"client": client.display_name, "by": actor.name, "to": to.name},
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


FORM_FIELDS = (*_CLIENT_FIELDS, "email", "important")
"""What the back office's client form changes (``edit``); chat corrects ``EDITABLE_FIELDS`` (``update``)."""


async def edit(
    *,
    actor: Account,
    client: Client,
    version: int,
    changes: dict[str, Any],
    settings: Settings,
    requirement: dict[str, Any] | None = None,
) -> Client:
    """The whole record as a form submits it, against the ``version`` the form showed.

    ``changes``: any of ``FORM_FIELDS`` (None or empty clears one) and ``stage``; ``requirement``: requirement
    fields. The same rules as chat: only whoever may change the client; a version changed since the form was
    shown is ``ChangedMeanwhile``; a phone, WeChat id or company that another client already has is
    ``DuplicateClient``; fields are written by ``_write`` (audit entry that 撤销 can restore, contact data
    sealed), a stage by ``set_stage`` (stage history), the requirement with its own audit entry.
    """
    await permissions.ensure_can_change(actor, client)
    if client.version != version:
        raise ChangedMeanwhile("client")
    values = {name: changes[name] for name in FORM_FIELDS if name in changes and getattr(client, name) != changes[name]}
    if "source" in values:
        values["source"] = Source(values["source"] or Source.OTHER)
    if not any(values.get(name, getattr(client, name)) for name in ("company", "contact_name", "phone")):
        raise ClientUnnamed()
    probe = {name: values.get(name) for name in ("phone", "wechat_id", "company")}
    if any(probe.values()):
        found = await duplicates(
            phone=probe["phone"], company=probe["company"], wechat_id=probe["wechat_id"], settings=settings
        )
        if others := [other for other in found if other.id != client.id]:
            raise DuplicateClient(others)
    stage = Stage(changes["stage"]) if changes.get("stage") else None
    current = await Requirement.filter(client_id=client.id).first()
    wanted = {name: value for name, value in (requirement or {}).items() if name in _REQUIREMENT_FIELDS}
    if "features" in wanted:
        wanted["features"] = sorted(wanted["features"] or [])
    needs = {name: value for name, value in wanted.items() if getattr(current, name, None) != value}
    async with in_transaction():
        if values or needs:
            await _write(actor, client, values, settings, action="client.update", requirement=(current, needs))
        if stage is not None and stage != client.stage:
            await set_stage(actor=actor, client=client, stage=stage, settings=settings, note="后台修改")
    return client


async def reassign_many(*, actor: Account, client_ids: list[int], to: Account) -> int:
    """Hand several clients to ``to`` at once (someone leaves): all or none; the number moved.

    A client ``actor`` may not see is ``ClientNotFound`` for the whole batch.
    """
    wanted = set(client_ids)
    async with in_transaction():
        found = await permissions.visible_clients(actor).filter(id__in=wanted).select_related("owner")
        if len(found) != len(wanted):
            raise ClientNotFound()
        for client in found:
            await reassign(actor=actor, client=client, to=to)
    return len(found)
