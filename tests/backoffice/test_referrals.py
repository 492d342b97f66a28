"""Referrals in the back office: codes with their figures, campaigns with a printable QR, pausing, partners."""

from __future__ import annotations

import pytest

from models import AuditLog, ReferralEvent, ReferralScene, WechatUser
from models.enums import ReferralEventKind, Role
from services import follows
from services.referrals import attribution


@pytest.fixture
async def codes_in_use(company, make_staff):
    partner = await make_staff("合伙人老周", Role.PARTNER)
    return {
        "zhang": await attribution.scene_for_account(company["zhang"]),
        "qian": await attribution.scene_for_account(company["qian"]),
        "partner": await attribution.scene_for_account(partner),
    }


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("admin", {"zhang", "qian", "partner"}),
        ("manager", {"zhang", "qian", "partner"}),
        ("zhang", {"zhang"}),
        ("qian", {"qian"}),
    ],
)
async def test_each_role_sees_the_codes_it_may_follow(bo_client, company, codes_in_use, role, seen):
    page = (await (await bo_client(company[role])).get("/bo/referrals")).text
    shown = {key for key, scene in codes_in_use.items() if f"/bo/referrals/{scene.scene}/poster" in page}
    assert shown == seen
    if role in ("zhang", "qian"):
        assert "合伙人老周" not in page and "生成活动二维码" not in page


async def test_a_manager_creates_a_campaign_and_gets_its_printable_code(bo_client, company, fake_wechat):
    client = await bo_client(company["manager"])
    created = await client.post_form("/bo/referrals/campaigns", {"name": "春季招商", "owner": company["zhang"].id})
    assert created.status_code == 302
    scene = await ReferralScene.get(name="春季招商")
    assert scene.owner_id == company["zhang"].id
    poster = await client.get(created.headers["location"])
    assert poster.status_code == 200 and "春季招商" in poster.text and 'class="qr"' in poster.text
    assert fake_wechat.calls("cgi-bin/qrcode/create")[-1].json["action_name"] == "QR_STR_SCENE"


async def test_sales_cannot_create_campaigns_or_open_others_codes(bo_client, company, codes_in_use):
    client = await bo_client(company["zhang"])
    assert (await client.post_form("/bo/referrals/campaigns", {"name": "x"})).status_code == 403
    assert (await client.get(f"/bo/referrals/{codes_in_use['qian'].scene}/poster")).status_code == 404
    assert (await client.post_form(f"/bo/referrals/{codes_in_use['zhang'].scene}/pause")).status_code == 403


async def test_a_paused_code_counts_scans_but_attributes_no_one(bo_client, company, codes_in_use, settings, resources):
    client = await bo_client(company["manager"])
    scene = codes_in_use["partner"]
    assert (await client.post_form(f"/bo/referrals/{scene.scene}/pause")).status_code == 302
    assert await AuditLog.exists(action="referral.pause", entity_id=scene.id)
    await follows.queue(resources.redis, follows.Touch.FOLLOW, "o-visitor", scene.scene)
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-visitor")
    assert user.referrer_id is None
    assert "已暂停" in (await client.get("/bo/referrals")).text
    assert (await client.post_form(f"/bo/referrals/{scene.scene}/resume")).status_code == 302
    await follows.queue(resources.redis, follows.Touch.FOLLOW, "o-visitor2", scene.scene)
    await follows.flush(resources)
    assert (await WechatUser.get(openid="o-visitor2")).referrer_id == scene.owner_id


@pytest.fixture
async def campaigns(company):
    """春季招商 of 张三 with one user who scanned it, and 赵组活动 of the other team's 钱五."""
    own = await attribution.create_campaign("春季招商", owner=company["zhang"])
    user = await WechatUser.create(openid="o-campaign-user")
    await ReferralEvent.create(scene=own, kind=ReferralEventKind.SCAN, wechat_user=user)
    return {"own": own, "other": await attribution.create_campaign("赵组活动", owner=company["qian"])}


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [("admin", 200, 200), ("manager", 200, 404), ("zhang", 200, 404), ("li", 404, 404), ("qian", 404, 200)],
)
async def test_a_campaign_s_forwarding_tree_is_drawn_for_whom_may_follow_it(
    bo_client, company, campaigns, role, own, other
):
    client = await bo_client(company[role])
    page = await client.get(f"/bo/referrals/{campaigns['own'].scene}/tree")
    assert page.status_code == own
    if own == 200:
        assert "转发树" in page.text and 'data-chart="forwarding"' in page.text and "扫码用户 1" in page.text
        assert f"用户{(await WechatUser.get(openid='o-campaign-user')).id}" in page.text  # in the chart's data
    assert (await client.get(f"/bo/referrals/{campaigns['other'].scene}/tree")).status_code == other


async def test_the_campaign_list_links_each_campaign_to_its_tree(bo_client, company, campaigns):
    page = (await (await bo_client(company["manager"])).get("/bo/referrals")).text
    assert f"/bo/referrals/{campaigns['own'].scene}/tree" in page


async def test_a_campaign_nobody_scanned_says_what_to_do(bo_client, company):
    scene = await attribution.create_campaign("冬季招商")
    page = await (await bo_client(company["admin"])).get(f"/bo/referrals/{scene.scene}/tree")
    assert page.status_code == 200 and "还没有人扫这个活动码" in page.text


async def test_a_partner_session_forced_into_redis_gets_no_tree(bo_client, company, campaigns):
    client = await bo_client(company["zhang"])
    company["zhang"].role = Role.PARTNER
    await company["zhang"].save(update_fields=["role"])
    assert (await client.get(f"/bo/referrals/{campaigns['own'].scene}/tree")).status_code == 302
