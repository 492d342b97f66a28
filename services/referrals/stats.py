"""Referral figures: scans, follows, leads, deals and conversion, per scene or per account."""

from __future__ import annotations

from tortoise.functions import Count

from models import Account, Client, ReferralEvent, ReferralScene
from models.enums import ReferralEventKind, Role


async def for_scenes(scene_ids: list[int]) -> dict[str, int | float]:
    """scans (every scan or follow through a code), follows (new followers), leads, deals and conversion.

    conversion is leads per scan, deal_rate deals per lead.
    """
    counts = dict.fromkeys(ReferralEventKind, 0)
    if scene_ids:
        rows = (
            await ReferralEvent.filter(scene_id__in=scene_ids)
            .annotate(n=Count("id"))
            .group_by("kind")
            .values("kind", "n")
        )
        for row in rows:
            counts[ReferralEventKind(row["kind"])] = row["n"]
    scans = counts[ReferralEventKind.SCAN] + counts[ReferralEventKind.FOLLOW]
    leads, deals = counts[ReferralEventKind.LEAD], counts[ReferralEventKind.DEAL]
    return {
        "scans": scans,
        "follows": counts[ReferralEventKind.FOLLOW],
        "leads": leads,
        "deals": deals,
        "conversion": round(leads / scans, 4) if scans else 0.0,
        "deal_rate": round(deals / leads, 4) if leads else 0.0,
    }


async def per_scene() -> list[tuple[ReferralScene, dict[str, int | float]]]:
    """Every scene with its stats, busiest first."""
    scenes = await ReferralScene.all().select_related("owner")
    rows = [(scene, await for_scenes([scene.id])) for scene in scenes]
    return sorted(rows, key=lambda row: (-row[1]["scans"], row[0].scene))


async def referred_clients(account: Account, *, limit: int = 10) -> list[Client]:
    """The clients this account referred, newest first: all a partner may see of the CRM."""
    return await Client.live().filter(referrer_id=account.id).order_by("-id").limit(limit)


async def for_account(account: Account) -> dict[str, int | float]:
    """The figures of every scene the account owns."""
    scenes = await ReferralScene.filter(owner_id=account.id).values("id")
    return await for_scenes([scene["id"] for scene in scenes])


async def visible_scenes(viewer: Account) -> list[tuple[ReferralScene, dict[str, int | float]]]:
    """The codes ``viewer`` may follow with their figures, busiest first: every code for managers and admins
    (campaigns and partners are the business's), their own for salespeople."""
    if viewer.is_manager:
        return await per_scene()
    scenes = await ReferralScene.filter(owner_id=viewer.id).select_related("owner")
    return [(scene, await for_scenes([scene.id])) for scene in scenes]


async def partners() -> list[tuple[Account, dict[str, int | float], int]]:
    """Every partner with the figures of their codes and how many clients they referred."""
    rows = []
    for partner in await Account.filter(role=Role.PARTNER).order_by("-active", "name"):
        referred = await Client.live().filter(referrer_id=partner.id).count()
        rows.append((partner, await for_account(partner), referred))
    return rows
