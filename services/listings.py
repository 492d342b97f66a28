"""Listings: creation with a short code, review by a manager, status changes with holds.

A listing is held by one deal at a time: moving it to negotiating or closed
for a client sets ``held_by``; another client's deal is refused while it
holds. Every status change bumps ``version`` under a conditional UPDATE, so of
two simultaneous changes exactly one wins (the other re-reads and re-checks).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from core.config import Settings
from models import Account, Client, Listing, ListingStatusChange, Requirement, Viewing
from models.enums import DealType, ListingStatus, PropertyType, ReviewStatus, Role, Stage
from services import audit, clients, listing_cache, matching, notify, permissions, regions
from services.errors import (
    AlreadyReviewed,
    ChangedMeanwhile,
    CloseOwnerOnly,
    EditOwnerOnly,
    HolderOnly,
    InvalidField,
    ListingHeld,
    ListingIncomplete,
    ListingNotFound,
    LocationOwnerOnly,
    NotApproved,
    NotRejected,
    OwnerOnly,
    ReasonRequired,
)
from services.notify import Notice

HOLDING = (ListingStatus.NEGOTIATING, ListingStatus.CLOSED)
# Taking a listing off the market or putting it back is its owner's (or a manager's) decision.
OWNER_ONLY = (ListingStatus.PAUSED, ListingStatus.VACANT)
# A deal on a listing moves its client forward to this stage (never back).
DEAL_STAGES = {
    ListingStatus.VIEWING: Stage.VIEWING,
    ListingStatus.NEGOTIATING: Stage.NEGOTIATING,
    ListingStatus.CLOSED: Stage.WON,
}
"""The stage a client named with a listing status moves up to (never back)."""
REVERSE_MATCH_LIMIT = 20
REQUIREMENT_CRITERIA = tuple(f.name for f in fields(matching.Criteria))
STATUS_RETRIES = 3

_LISTING_FIELDS = ("area", "rent", "sale_price", "ceiling_height", "floor_load", "power_kva")


async def code_for(listing_id: int) -> str:
    """``A<id>``; ``B<id>``, ``C<id>``... when a listing that came with its own code (an import) already has it."""
    for prefix in "ABCDEFGHJK":
        code = f"{prefix}{listing_id}"
        if not await Listing.filter(code=code).exists():
            return code
    return f"L{listing_id}"


async def get_by_code(code: str) -> Listing:
    listing = await Listing.filter(code=code.strip().upper()).first()
    if listing is None:
        raise ListingNotFound(code)
    return listing


async def find(ref: str) -> Listing:
    """A listing by code (A12), or by a part of its title that names only one listing."""
    ref = ref.strip()
    if not re.fullmatch(r"[A-Za-z]\d+", ref):
        found = await Listing.filter(title__icontains=ref).limit(2)
        if len(found) == 1:
            return found[0]
    return await get_by_code(ref)


async def list_pending(*, limit: int = 10) -> list[Listing]:
    """Listings waiting for review, oldest first."""
    return await Listing.filter(review_status=ReviewStatus.PENDING).order_by("id").limit(limit)


async def count_pending() -> int:
    return await Listing.filter(review_status=ReviewStatus.PENDING).count()


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def missing_fields(slots: dict) -> list[str]:
    """The fields a listing cannot be registered without."""
    return [name for name in ("region", "area") if not slots.get(name)]


async def create(*, actor: Account, slots: dict, title: str, settings: Settings) -> Listing:
    """A listing from chat slots, titled by the interface; pending review unless a manager or admin registers it.

    The slots' ``contact_name`` and ``phone`` are the landlord's (kept encrypted, shown to the owner and managers).
    """
    missing = missing_fields(slots)
    if missing:
        raise ListingIncomplete(missing)
    place = regions.tree(settings).resolve(slots["region"])
    property_type = PropertyType(slots.get("property_type") or "factory")
    deal_type = DealType(slots.get("deal_type") or ("sale" if slots.get("sale_price") else "rent"))
    self_approved = actor.is_manager
    measures: dict[str, Any] = {name: _decimal(slots.get(name)) for name in _LISTING_FIELDS}
    async with in_transaction():
        listing = await Listing.create(
            code=f"tmp-{uuid.uuid4().hex[:24]}",
            title=title[:128],
            property_type=property_type,
            deal_type=deal_type,
            region=slots["region"],
            city=place.city if place else None,
            district=place.district if place else None,
            town=place.town if place else None,
            single_storey=slots.get("single_storey"),
            floor=slots.get("floor"),
            features=sorted(slots.get("features") or []),
            landlord_name=(slots.get("contact_name") or "")[:64] or None,
            landlord_phone=slots.get("phone"),
            owner=actor,
            property_cert=True if "property_cert" in (slots.get("features") or []) else None,
            review_status=ReviewStatus.APPROVED if self_approved else ReviewStatus.PENDING,
            reviewed_by=actor if self_approved else None,
            **measures,
        )
        listing.code = await code_for(listing.id)
        await listing.save(update_fields=["code"])
        await audit.record(actor, "listing.create", "listing", listing.id, after=_snapshot(listing))
        if self_approved:
            await _announce_matches(listing, settings)
        else:
            for reviewer_id in await _reviewers(actor):
                await notify.queue(
                    Notice.LISTING_TO_REVIEW,
                    reviewer_id,
                    dedupe_key=f"listing:{listing.id}:review:{reviewer_id}",
                    facts={"listing": listing.code, "title": listing.title, "by": actor.name},
                )
    return listing


EDITABLE_FIELDS = (
    "property_type",
    "deal_type",
    "area",
    "rent",
    "sale_price",
    "ceiling_height",
    "floor_load",
    "power_kva",
    "single_storey",
    "floor",
    "features",
    "landlord_name",
    "title",
)
"""What the owner corrects by chat (``A69改成仓库``, ``A67 租金降到26``); the interface that titled the listing
sends a new title when the words of the old one changed."""


def _stored(name: str, value: Any) -> Any:
    if name in _LISTING_FIELDS:
        return _decimal(value)
    if name == "property_type":
        return PropertyType(value)
    if name == "deal_type":
        return DealType(value)
    if name == "features":
        return sorted(value)
    return value


async def update(*, actor: Account, listing: Listing, changes: dict) -> dict[str, tuple]:
    """Correct ``listing``'s fields; returns ``{field: (before, after)}`` of what changed.

    Like pausing it, only its owner, the owner's manager or an admin may; the write is conditional on the
    version read, and the audit entry keeps what was there before (for 撤销).
    """
    if not await permissions.manages(actor, listing.owner_id):
        raise EditOwnerOnly(listing)
    values = {name: _stored(name, changes[name]) for name in EDITABLE_FIELDS if changes.get(name) is not None}
    if "features" in values:
        values["features"] = sorted(set(listing.features or []) | set(values["features"]))
    changed = {
        name: (getattr(listing, name), value) for name, value in values.items() if getattr(listing, name) != value
    }
    if not changed:
        return {}
    await _write(actor, listing, {name: after for name, (_, after) in changed.items()}, action="listing.update")
    return changed


async def restore(*, actor: Account, listing: Listing, previous: dict) -> None:
    """Put back the values an audit entry's ``previous`` kept (the undo of ``update``)."""
    if not await permissions.manages(actor, listing.owner_id):
        raise EditOwnerOnly(listing)
    values = {name: _stored(name, value) if value is not None else None for name, value in previous.items()}
    await _write(actor, listing, {k: v for k, v in values.items() if k in EDITABLE_FIELDS}, action="listing.restore")


async def _write(actor: Account, listing: Listing, values: dict, *, action: str) -> None:
    previous = {name: getattr(listing, name) for name in values}
    columns = dict(values)
    async with in_transaction():
        updated = await Listing.filter(id=listing.id, version=listing.version).update(
            **columns, version=listing.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("listing")
        for name, value in columns.items():
            setattr(listing, name, value)
        listing.version += 1
        await audit.record(
            actor,
            action,
            "listing",
            listing.id,
            before={"code": listing.code, "previous": previous},
            after={**_snapshot(listing), **values},
        )
    await listing_cache.changed(listing.id)


async def resubmit(*, actor: Account, listing: Listing) -> Listing:
    """A rejected listing, corrected by its owner, goes back to review; the reviewers are told again."""
    if not await permissions.manages(actor, listing.owner_id):
        raise EditOwnerOnly(listing)
    if listing.review_status != ReviewStatus.REJECTED:
        raise NotRejected(listing)
    async with in_transaction():
        updated = await Listing.filter(id=listing.id, version=listing.version).update(
            review_status=ReviewStatus.PENDING, version=listing.version + 1
        )
        if not updated:
            raise ChangedMeanwhile("listing")
        before = _snapshot(listing)
        listing.review_status, listing.version = ReviewStatus.PENDING, listing.version + 1
        await audit.record(
            actor,
            "listing.resubmit",
            "listing",
            listing.id,
            before={**before, "review_note": listing.review_note},
            after=_snapshot(listing),
        )
        for reviewer_id in await _reviewers(actor):
            await notify.queue(
                Notice.LISTING_RESUBMITTED,
                reviewer_id,
                dedupe_key=f"listing:{listing.id}:review:{reviewer_id}:v{listing.version}",
                facts={"listing": listing.code, "title": listing.title, "by": actor.name},
            )
    return listing


async def _reviewers(actor: Account) -> list[int]:
    """The sender's manager, or every manager and admin when none is set."""
    if actor.manager_id:
        return [actor.manager_id]
    return [row["id"] for row in await Account.filter(role__in=[Role.MANAGER, Role.ADMIN], active=True).values("id")]


def _snapshot(listing: Listing) -> dict:
    return {
        "code": listing.code,
        "status": listing.status,
        "review_status": listing.review_status,
        "held_by": listing.held_by_id,
        "version": listing.version,
    }


async def review(
    *, actor: Account, code: str, approve: bool, reason: str | None, settings: Settings
) -> tuple[Listing, list[tuple[Client, matching.Match]]]:
    """Approve or reject a pending listing; returns it and, when approved, the clients it fits (owners told)."""
    permissions.ensure_manager(actor, "review_listing")
    listing = await get_by_code(code)
    if listing.review_status != ReviewStatus.PENDING:
        raise AlreadyReviewed(listing)
    if not approve and not reason:
        raise ReasonRequired(listing)
    before = _snapshot(listing)
    fitting: list[tuple[Client, matching.Match]] = []
    async with in_transaction():
        updated = await Listing.filter(id=listing.id, review_status=ReviewStatus.PENDING).update(
            review_status=ReviewStatus.APPROVED if approve else ReviewStatus.REJECTED,
            review_note=(reason or "")[:255] or None,
            reviewed_by_id=actor.id,
        )
        if not updated:
            await listing.refresh_from_db()
            raise AlreadyReviewed(listing)
        await listing.refresh_from_db()
        await audit.record(
            actor,
            "listing.approve" if approve else "listing.reject",
            "listing",
            listing.id,
            before=before,
            after={**_snapshot(listing), "review_note": listing.review_note},
        )
        if listing.owner_id and listing.owner_id != actor.id:
            await notify.queue(
                Notice.LISTING_APPROVED if approve else Notice.LISTING_REJECTED,
                listing.owner_id,
                dedupe_key=f"listing:{listing.id}:reviewed",
                facts={"listing": listing.code} if approve else {"listing": listing.code, "reason": reason},
            )
        if approve:
            fitting = await _announce_matches(listing, settings)
    await listing_cache.changed(listing.id)
    return listing, fitting


async def set_location(
    *, actor: Account, listing: Listing, latitude: Decimal, longitude: Decimal, address: str | None = None
) -> Listing:
    """Where a listing is (a salesperson's location sent on site): for maps on its page and for 附近房源.
    The address is kept only when the listing has none. Owner or manager only, like its gallery."""
    if listing.owner_id != actor.id and not actor.is_manager:
        raise LocationOwnerOnly(listing)
    if not (Decimal(-90) <= latitude <= Decimal(90) and Decimal(-180) <= longitude <= Decimal(180)):
        raise InvalidField("location")
    before = {"latitude": listing.latitude, "longitude": listing.longitude, "address": listing.address}
    async with in_transaction():
        listing.latitude, listing.longitude = (
            latitude.quantize(Decimal("0.000001")),
            longitude.quantize(Decimal("0.000001")),
        )
        fields = ["latitude", "longitude", "updated_at"]
        if address and not listing.address:
            listing.address = address[:255]
            fields.append("address")
        await listing.save(update_fields=fields)
        await audit.record(
            actor,
            "listing.location",
            "listing",
            listing.id,
            before=before,
            after={"latitude": listing.latitude, "longitude": listing.longitude, "address": listing.address},
        )
    return listing


async def clients_fitting(
    listing: Listing, settings: Settings, *, limit: int = REVERSE_MATCH_LIMIT
) -> list[tuple[Client, matching.Match]]:
    """Reverse match: open clients whose requirement this listing fits, best first.

    The database keeps the requirements that can fit: type, deal, area, and a place the listing is in
    (written any way the region tree reads as it; one naming no place, or several, is checked in Python
    with its client's). Only their criteria are read and scored; clients are read whole for the ``limit``
    best alone.
    """
    tolerance = settings.matching.area_tolerance
    area = float(listing.area)
    places = [
        spelling
        for place in (listing.city, listing.district, listing.town)
        if place
        for spelling in regions.RegionTree.spellings(place)
    ] + [listing.region]
    rows = await Requirement.filter(
        Q(property_type=listing.property_type) | Q(property_type__isnull=True),
        Q(deal_type=listing.deal_type) | Q(deal_type__isnull=True),
        Q(area_min__lte=Decimal(str(round(area / (1 - tolerance), 2)))) | Q(area_min__isnull=True),
        Q(area_max__gte=Decimal(str(round(area / (1 + tolerance), 2)))) | Q(area_max__isnull=True),
        Q(region__in=[*places, ""]) | Q(region__isnull=True) | Q(several_places=True),
        _needs_at_most("ceiling_height_min", listing.ceiling_height),
        _needs_at_most("floor_load_min", listing.floor_load),
        _needs_at_most("power_kva_min", listing.power_kva),
        _rent_within(listing.rent, settings.matching.price_tolerance),
        client__stage__in=[Stage.INTENT, Stage.VIEWING, Stage.NEGOTIATING],
        client__deleted_at__isnull=True,
    ).values(*REQUIREMENT_CRITERIA, "client_id", client_region="client__region")
    fitting = []
    for row in rows:
        criteria = matching.Criteria.from_stored(row, row["client_region"])
        if not criteria.empty and (match := matching.fit(criteria, listing, settings)) is not None:
            fitting.append((row["client_id"], match))
    fitting.sort(key=lambda pair: (-pair[1].score, pair[0]))
    best = fitting[:limit]
    found = {c.id: c for c in await Client.filter(id__in=[client_id for client_id, _ in best]).select_related("owner")}
    return [(found[client_id], match) for client_id, match in best if client_id in found]


def _needs_at_most(minimum: str, have: Decimal | None) -> Q:
    """Requirements whose ``minimum`` (ceiling height, floor load, power) the listing's ``have`` meets, or that
    ask none (``matching.fit`` reads 0 as none)."""
    unasked: dict[str, Any] = {f"{minimum}__isnull": True}
    zero: dict[str, Any] = {minimum: 0}
    met: dict[str, Any] = {f"{minimum}__lte": have}
    return Q(**unasked) | Q(**zero) if have is None else Q(**unasked) | Q(**zero) | Q(**met)


def _rent_within(rent: Decimal | None, tolerance: float) -> Q:
    """Requirements whose rent ceiling (with ``matching.fit``'s tolerance) this rent can meet, or that ask none
    or also a sale price (then fit weighs the price itself). A cent of slack for fit's rounding."""
    no_rent_ceiling = (
        Q(rent_max__isnull=True)
        | Q(rent_max=0)
        | Q(sale_price_max__isnull=False, sale_price_max__not=0)
        | Q(sale_total_max__isnull=False, sale_total_max__not=0)
    )
    if rent is None:
        return no_rent_ceiling
    lowest = (rent / Decimal(str(1 + tolerance))).quantize(Decimal("0.01")) - Decimal("0.01")
    return no_rent_ceiling | Q(rent_max__gte=lowest)


async def _announce_matches(listing: Listing, settings: Settings) -> list[tuple[Client, matching.Match]]:
    """The clients a newly approved listing fits; each owner gets a notice (sent by the reminders worker)."""
    fitting = await clients_fitting(listing, settings)
    for client, match in fitting:
        if client.owner_id is not None:
            await notify.queue(
                Notice.LISTING_FITS_CLIENT,
                client.owner_id,
                dedupe_key=f"listing:{listing.id}:fits:{client.id}",
                client=client,
                facts={"listing": listing.code, "client": client.display_name, "score": round(match.score * 100)},
            )
    return fitting


@dataclass
class Holder:
    client: Client
    owner_name: str | None


async def holder(listing: Listing) -> Holder | None:
    if listing.held_by_id is None:
        return None
    client = await Client.filter(id=listing.held_by_id).select_related("owner").first()
    if client is None:
        return None
    return Holder(client, client.owner.name if client.owner else None)


async def closed_for(client: Client) -> list[str]:
    """The codes of the listings closed for ``client`` (let or sold to it)."""
    closed = await Listing.filter(held_by_id=client.id, status=ListingStatus.CLOSED).order_by("code")
    return [listing.code for listing in closed]


async def change_status(
    *,
    actor: Account,
    code: str,
    status: ListingStatus,
    client: Client | None = None,
    settings: Settings,
    note: str | None = None,
) -> Listing:
    """Move a listing to ``status``, for ``client`` when it is a deal; refused while another deal holds it.

    The deal's client moves forward with it in the same transaction (negotiating, or won when closed).
    """
    if client is not None:
        await permissions.ensure_can_change(actor, client)
    for _ in range(STATUS_RETRIES):
        listing = await get_by_code(code)
        if listing.review_status != ReviewStatus.APPROVED and status != ListingStatus.PAUSED:
            raise NotApproved(listing)
        held = await holder(listing)
        if status in OWNER_ONLY and not await _may_list(actor, listing, held):
            raise OwnerOnly(listing)
        if (
            status == ListingStatus.CLOSED
            and client is None
            and held is None
            and not await _may_list(actor, listing, held)
        ):
            raise CloseOwnerOnly(listing)
        new_holder = await _new_holder(actor, listing, status, client, held)
        before = _snapshot(listing)
        async with in_transaction():
            won = await Listing.filter(id=listing.id, version=listing.version).update(
                status=status, held_by_id=new_holder, version=listing.version + 1
            )
            if not won:
                continue  # changed under us: re-read and check again
            await ListingStatusChange.create(
                listing=listing,
                from_status=listing.status,
                to_status=status,
                client_id=new_holder if new_holder else (client.id if client else None),
                changed_by=actor,
                note=(note or "")[:255] or None,
            )
            listing.status, listing.held_by_id, listing.version = status, new_holder, listing.version + 1
            await audit.record(actor, "listing.status", "listing", listing.id, before=before, after=_snapshot(listing))
            if client is not None and clients.advances(client.stage, DEAL_STAGES.get(status)):
                await clients.set_stage(
                    actor=actor,
                    client=client,
                    stage=DEAL_STAGES[status],
                    settings=settings,
                    note=f"{listing.code} {status.value}",
                )
        await listing_cache.changed(listing.id)
        return listing
    raise ChangedMeanwhile("listing")


async def _may_list(actor: Account, listing: Listing, held: Holder | None) -> bool:
    """Owner, the owner's manager, an admin, or whoever may change the client whose deal holds it."""
    return await permissions.manages(actor, listing.owner_id) or (
        held is not None and await permissions.can_change(actor, held.client)
    )


async def _new_holder(
    actor: Account, listing: Listing, status: ListingStatus, client: Client | None, held: Holder | None
) -> int | None:
    """Who holds the listing after the change; raises when another deal holds it."""
    if held is not None:
        same_deal = client is None or client.id == held.client.id
        may_act = await permissions.can_change(actor, held.client)
        if status in HOLDING and not same_deal:
            raise ListingHeld(listing, held)
        if not may_act:
            raise HolderOnly(listing, held)
        if status in HOLDING:
            return held.client.id
        return None
    if status in HOLDING and client is not None:
        return client.id
    return None


async def in_play(client: Client) -> list[Listing]:
    """The listings still on the market that ``client``'s deal went through: held for it, moved to viewing or
    negotiating for it, or booked for a viewing by it. A won client with one of them has probably taken it."""
    ids = set(await Listing.filter(held_by_id=client.id).values_list("id", flat=True))
    ids |= set(
        await ListingStatusChange.filter(
            client_id=client.id, to_status__in=[ListingStatus.VIEWING, ListingStatus.NEGOTIATING]
        ).values_list("listing_id", flat=True)
    )
    ids |= set(await Viewing.filter(client_id=client.id).values_list("listing_id", flat=True))
    if not ids:
        return []
    open_statuses = [ListingStatus.VACANT, ListingStatus.VIEWING, ListingStatus.NEGOTIATING]
    return list(await Listing.filter(id__in=ids, status__in=open_statuses).order_by("id"))


async def history(listing: Listing, *, limit: int = 5) -> list[ListingStatusChange]:
    return (
        await ListingStatusChange.filter(listing_id=listing.id)
        .order_by("-changed_at", "-id")
        .limit(limit)
        .select_related("changed_by", "client")
    )


FORM_FIELDS = (
    "title",
    "property_type",
    "deal_type",
    "region",
    "address",
    "latitude",
    "longitude",
    "area",
    "land_area",
    "rent",
    "sale_price",
    "land_use",
    "property_cert",
    "single_storey",
    "floors",
    "floor",
    "ceiling_height",
    "floor_load",
    "fire_rating",
    "power_kva",
    "sewage",
    "features",
    "park_facilities",
    "transport",
    "description",
    "internal_notes",
    "landlord_name",
    "landlord_phone",
)
"""Every field the back office's listing form changes (``edit``; status has its own rules); chat corrects
``EDITABLE_FIELDS`` (``update``)."""


async def get_visible(actor: Account, code: str) -> Listing:
    """A listing ``actor`` may open (``permissions.visible_listings``); ListingNotFound otherwise."""
    listing = (
        await permissions.visible_listings(actor)
        .filter(code=code.strip().upper()[:32])
        .select_related("owner", "reviewed_by")
        .first()
    )
    if listing is None:
        raise ListingNotFound(code)
    return listing


async def can_edit(actor: Account, listing: Listing) -> bool:
    return await permissions.manages(actor, listing.owner_id)


async def edit(
    *, actor: Account, listing: Listing, version: int, changes: dict[str, Any], settings: Settings
) -> Listing:
    """The whole listing as a form submits it, against the ``version`` the form showed (``ChangedMeanwhile``
    if it changed since; None or empty clears a field, features are replaced, not added to).

    Only its owner, their manager or an admin (``EditOwnerOnly``); a rejected listing goes back to review only
    by ``resubmit``, as in chat. One audit entry with the values before and after (the landlord's phone only
    as its blind index: ``_write`` would keep it in clear).
    """
    if not await can_edit(actor, listing):
        raise EditOwnerOnly(listing)
    if listing.version != version:
        raise ChangedMeanwhile("listing")
    changes = {
        name: value for name, value in changes.items() if name in FORM_FIELDS and getattr(listing, name) != value
    }
    if "features" in changes:
        changes["features"] = sorted(changes["features"] or [])
    if not changes.get("region", listing.region) or not changes.get("area", listing.area):
        raise ListingIncomplete([name for name in ("region", "area") if not changes.get(name, getattr(listing, name))])
    if not changes:
        return listing
    before = {name: _audited(listing, name) for name in changes}
    values = dict(changes)
    if "region" in changes:
        place = regions.tree(settings).resolve(changes["region"])
        values.update(
            city=place.city if place else None,
            district=place.district if place else None,
            town=place.town if place else None,
        )
    async with in_transaction():
        updated = await Listing.filter(id=listing.id, version=version).update(version=version + 1)
        if not updated:
            raise ChangedMeanwhile("listing")
        for name, value in values.items():
            setattr(listing, name, value)
        listing.version = version + 1
        await listing.save(update_fields=[*values, "updated_at"])
        after = {name: _audited(listing, name) for name in changes}
        await audit.record(actor, "listing.update", "listing", listing.id, before=before, after=after)
    return listing


def _audited(listing: Listing, name: str) -> Any:
    if name == "landlord_phone":
        return listing.landlord_phone_hash
    return getattr(listing, name)


async def review_many(
    *, actor: Account, codes: list[str], approve: bool, reason: str | None, settings: Settings
) -> list[Listing]:
    """Approve or reject several pending listings, each as ``review`` does (one by one: an already reviewed one
    is skipped, the others still go through); the listings reviewed."""
    permissions.ensure_manager(actor, "review_listing")
    if not codes:
        return []
    if not approve and not reason:
        raise ReasonRequired(await get_by_code(codes[0]))
    done = []
    for code in codes:
        try:
            listing, _ = await review(actor=actor, code=code, approve=approve, reason=reason, settings=settings)
        except AlreadyReviewed:
            continue
        done.append(listing)
    return done


async def list_visible(
    actor: Account,
    *,
    q: str = "",
    status: ListingStatus | None = None,
    review_status: ReviewStatus | None = None,
    property_type: PropertyType | None = None,
    owner_id: int | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[Listing], int]:
    """A page of the listings ``actor`` may open, newest first, and how many match in all."""
    query = permissions.visible_listings(actor)
    if q:
        query = query.filter(
            Q(code=q.upper()) | Q(title__icontains=q) | Q(region__icontains=q) | Q(address__icontains=q)
        )
    if status is not None:
        query = query.filter(status=status)
    if review_status is not None:
        query = query.filter(review_status=review_status)
    if property_type is not None:
        query = query.filter(property_type=property_type)
    if owner_id is not None:
        query = query.filter(owner_id=owner_id)
    total = await query.count()
    found = await query.order_by("-id").offset(offset).limit(limit).select_related("owner")
    return list(found), total
