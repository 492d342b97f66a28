"""Referrals in the back office: codes with their figures, campaigns with a printable QR, pausing, partners."""

from __future__ import annotations

import pytest

from models import AuditLog, ReferralScene, WechatUser
from models.enums import Role
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


async def test_a_paused_code_counts_scans_but_attributes_no_one(bo_client, company, codes_in_use, settings):
    client = await bo_client(company["manager"])
    scene = codes_in_use["partner"]
    assert (await client.post_form(f"/bo/referrals/{scene.scene}/pause")).status_code == 302
    assert await AuditLog.exists(action="referral.pause", entity_id=scene.id)
    await attribution.record_qr_event("o-visitor", scene.scene, follow=True, settings=settings)
    user = await WechatUser.get(openid="o-visitor")
    assert user.referrer_id is None
    assert "已暂停" in (await client.get("/bo/referrals")).text
    assert (await client.post_form(f"/bo/referrals/{scene.scene}/resume")).status_code == 302
    await attribution.record_qr_event("o-visitor2", scene.scene, follow=True, settings=settings)
    assert (await WechatUser.get(openid="o-visitor2")).referrer_id == scene.owner_id
