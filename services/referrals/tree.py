"""The forwarding tree of a campaign: who arrived through its code, and whom their forwarded links brought.

Level one is each user the campaign's code brought (a scan or a follow through its scene, first time each);
below a user, their H5 page views (known when WeChat's silent sign-in named them), and below a view the
visits its shared link brought, down the chain. Each user carries what they became (follower, lead, deal).
At most ``limit`` nodes, oldest first, so a large campaign shows its start and says it was cut.
"""

from __future__ import annotations

from collections.abc import Iterable

from models import Account, ReferralEvent, ReferralScene, TrackEvent
from models.enums import EventKind, ReferralEventKind, SceneKind
from services import permissions
from services.errors import CampaignNotFound

CHUNK = 500
STEPS = {ReferralEventKind.FOLLOW: "关注", ReferralEventKind.LEAD: "线索", ReferralEventKind.DEAL: "成交"}


async def visible_campaign(viewer: Account, scene_value: str) -> ReferralScene:
    """The campaign ``viewer`` may follow: an admin any; a manager the company's (no owner) and their team's;
    a salesperson their own. Any other, or not a campaign, is NotFound (not Forbidden: nothing to probe)."""
    scene = await ReferralScene.get_or_none(scene=scene_value[:32], kind=SceneKind.CAMPAIGN).select_related("owner")
    if scene is None:
        raise CampaignNotFound()
    if scene.owner_id is None:
        if viewer.is_manager:
            return scene
    elif await permissions.manages(viewer, scene.owner_id):
        return scene
    raise CampaignNotFound()


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


async def campaign_tree(scene: ReferralScene, *, limit: int = 300) -> dict:
    """``{"tree": {name, children}, "users", "visits", "forwarded", "cut"}`` for ``scene`` (checked by
    ``visible_campaign``); ``forwarded`` counts the visits that came through someone's shared link."""
    events = (
        await ReferralEvent.filter(scene_id=scene.id, wechat_user_id__not_isnull=True)
        .order_by("happened_at", "id")
        .values("wechat_user_id", "kind")
    )
    steps: dict[int, set[str]] = {}
    for event in events:
        kind = ReferralEventKind(event["kind"])
        steps.setdefault(event["wechat_user_id"], set()).update({STEPS[kind]} if kind in STEPS else set())
    root: dict = {"name": scene.name or scene.scene, "children": []}
    count = 0
    cut = False
    by_user: dict[int, dict] = {}
    for user_id, reached in steps.items():
        if count >= limit:
            cut = True
            break
        became = "·".join(step for step in STEPS.values() if step in reached)
        node = {"name": f"用户{user_id}", "kind": "user", "became": became or "扫码", "children": []}
        by_user[user_id] = node
        root["children"].append(node)
        count += 1
    visits = 0
    forwarded = 0
    frontier: dict[str, dict] = {}
    for chunk in _chunks(list(by_user)):
        for view in (
            await TrackEvent.filter(kind=EventKind.VIEW, wechat_user_id__in=chunk, parent_token__isnull=True)
            .order_by("happened_at", "id")
            .values("token", "wechat_user_id", "visitor", "channel")
        ):
            if count >= limit:
                cut = True
                break
            node = {"name": f"访客{view['visitor'][:4]}", "kind": "view", "channel": view["channel"], "children": []}
            by_user[view["wechat_user_id"]]["children"].append(node)
            frontier[view["token"]] = node
            count += 1
            visits += 1
    while frontier and not cut:
        below: dict[str, dict] = {}
        for chunk in _chunks(list(frontier)):
            for view in (
                await TrackEvent.filter(kind=EventKind.VIEW, parent_token__in=chunk)
                .order_by("happened_at", "id")
                .values("token", "parent_token", "visitor", "channel")
            ):
                if count >= limit:
                    cut = True
                    break
                node = {
                    "name": f"访客{view['visitor'][:4]}",
                    "kind": "view",
                    "channel": view["channel"],
                    "children": [],
                }
                frontier[view["parent_token"]]["children"].append(node)
                below[view["token"]] = node
                count += 1
                visits += 1
                forwarded += 1
        frontier = below
    return {"tree": root, "users": len(steps), "visits": visits, "forwarded": forwarded, "cut": cut}
