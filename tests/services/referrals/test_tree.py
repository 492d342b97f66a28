"""A campaign's forwarding tree: the users its code brought, their page views, and the visits forwarded from them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from models import ReferralEvent, TrackEvent, WechatUser
from models.enums import EventKind, ReferralEventKind
from services.errors import NotFound
from services.referrals import attribution, tree

T0 = datetime(2026, 11, 20, 4, tzinfo=timezone.utc)


def view(token: str, visitor: str, minutes: int, *, parent: str | None = None, user: int | None = None) -> TrackEvent:
    return TrackEvent(
        kind=EventKind.VIEW, token=token, parent_token=parent, visitor=visitor, wechat_user_id=user,
        channel="share" if parent else "chat", happened_at=T0 + timedelta(minutes=minutes),
    )  # fmt: skip


@pytest.fixture
async def campaign(company):
    """春季招商 of 张三: 用户1 scanned, followed and became a lead; 用户2 only scanned. 用户1's page view was
    forwarded to visitor B, whose forward brought C; an unrelated view stays out."""
    scene = await attribution.create_campaign("春季招商", owner=company["zhang"])
    first, second = await WechatUser.create(openid="o-one"), await WechatUser.create(openid="o-two")
    for user, kinds in ((first, ("scan", "follow", "lead")), (second, ("scan",))):
        for kind in kinds:
            await ReferralEvent.create(scene=scene, kind=ReferralEventKind(kind), wechat_user=user)
    await TrackEvent.bulk_create(
        [
            view("tokenA000000", "visA", 1, user=first.id),
            view("tokenB000000", "visB", 2, parent="tokenA000000"),
            view("tokenC000000", "visC", 3, parent="tokenB000000"),
            view("tokenX000000", "visX", 4),
        ]
    )
    return {"scene": scene, "first": first, "second": second}


async def test_the_tree_runs_from_the_code_s_users_down_the_forwarding_chain(campaign):
    drawn = await tree.campaign_tree(campaign["scene"])
    assert (drawn["users"], drawn["visits"], drawn["forwarded"], drawn["cut"]) == (2, 3, 2, False)
    first, second = drawn["tree"]["children"]
    assert (first["name"], first["became"]) == (f"用户{campaign['first'].id}", "关注·线索")
    assert (second["became"], second["children"]) == ("扫码", [])
    [a] = first["children"]
    [b] = a["children"]
    [c] = b["children"]
    assert (a["name"], b["name"], b["channel"], c["name"], c["children"]) == (
        "访客visA",
        "访客visB",
        "share",
        "访客visC",
        [],
    )


async def test_a_large_campaign_is_cut_at_the_limit_oldest_first(campaign):
    drawn = await tree.campaign_tree(campaign["scene"], limit=3)
    assert drawn["cut"] and drawn["visits"] == 1


@pytest.mark.parametrize(
    ("viewer", "own", "company_wide", "other_team"),
    [("admin", True, True, True), ("manager", True, True, False), ("zhang", True, False, False),
     ("li", False, False, False), ("qian", False, False, True), ("other_manager", False, True, True)],
)  # fmt: skip
async def test_who_may_follow_which_campaign(company, campaign, viewer, own, company_wide, other_team):
    scenes = {
        "own": campaign["scene"],
        "company_wide": await attribution.create_campaign("全公司开放日"),
        "other_team": await attribution.create_campaign("赵组活动", owner=company["qian"]),
    }
    for name, expected in (("own", own), ("company_wide", company_wide), ("other_team", other_team)):
        if expected:
            assert (await tree.visible_campaign(company[viewer], scenes[name].scene)).id == scenes[name].id
        else:
            with pytest.raises(NotFound):
                await tree.visible_campaign(company[viewer], scenes[name].scene)


async def test_a_staff_code_has_no_campaign_tree(company):
    scene = await attribution.scene_for_account(company["zhang"])
    with pytest.raises(NotFound):
        await tree.visible_campaign(company["admin"], scene.scene)
