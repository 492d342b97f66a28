"""Referral attribution through official-account QR events and mini-program scenes, and the share flows."""

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

import app.worker
from models import Client, Earning, Notification, ReferralEvent, ReferralScene, WechatUser
from models.enums import ReferralEventKind, Role, Source, Stage
from services import follows
from services.referrals import attribution, codes, commission
from services.referrals import stats as referral_stats

API = "/api/mp/v1"
LEAD = {"company": "华兴精密", "contact_name": "张总", "phone": "13812345678", "need": "2000平厂房"}


async def lead_client_id() -> int:
    """The client the last lead created (the API does not say)."""
    return (await Client.all().order_by("-id").first()).id


@pytest.fixture
def scene_of(make_staff):
    """``scene, account = await scene_of("张三")``: an account and its referral scene."""

    async def make(name: str, role: Role = Role.SALES, **kw):
        account = await make_staff(name, role, **kw)
        return await attribution.scene_for_account(account), account

    return make


async def run_jobs(resources) -> None:
    await app.worker.build(resources, burst=True).async_run()


async def test_following_through_a_staff_code_attributes_the_follower(http, wx, scene_of):
    scene, staff = await scene_of("张三")
    sent = await wx.event(http, "o-visitor", "subscribe", event_key=f"qrscene_{scene.scene}", ticket="t")
    assert "欢迎" in sent.text
    user = await WechatUser.get(openid="o-visitor")
    assert (user.referrer_id, user.referral_scene_id) == (staff.id, scene.id)
    assert await ReferralEvent.filter(scene_id=scene.id, kind=ReferralEventKind.FOLLOW).count() == 1


async def test_first_touch_wins_and_later_scans_are_counted_without_stealing(http, wx, scene_of):
    first, zhang = await scene_of("张三")
    second, _ = await scene_of("李四")
    await wx.event(http, "o-visitor", "subscribe", event_key=f"qrscene_{first.scene}")
    await wx.event(http, "o-visitor", "SCAN", event_key=second.scene)
    user = await WechatUser.get(openid="o-visitor")
    assert user.referrer_id == zhang.id
    later = await ReferralEvent.get(scene_id=second.id)
    assert (later.kind, later.attributed) == (ReferralEventKind.SCAN, False)


async def test_after_the_window_a_new_scan_attributes_afresh(resources, scene_of):
    first, _ = await scene_of("张三")
    second, li = await scene_of("李四")
    start = datetime.now(timezone.utc) - timedelta(days=31)
    await follows.queue(resources.redis, follows.Touch.FOLLOW, "o-visitor", first.scene, now=start)
    await follows.queue(resources.redis, follows.Touch.SCAN, "o-visitor", second.scene, now=start + timedelta(days=29))
    await follows.flush(resources)
    assert (await WechatUser.get(openid="o-visitor")).referral_scene_id == first.id
    await follows.queue(resources.redis, follows.Touch.SCAN, "o-visitor", second.scene)
    await follows.flush(resources)
    assert (await WechatUser.get(openid="o-visitor")).referrer_id == li.id


async def test_unknown_scenes_and_plain_follows_attribute_nobody(http, wx):
    await wx.event(http, "o-a", "subscribe", event_key="qrscene_nosuch")
    await wx.event(http, "o-b", "subscribe")
    assert await WechatUser.filter(referral_scene_id__not_isnull=True).count() == 0
    assert await ReferralEvent.all().count() == 0


async def test_scanning_your_own_code_does_not_attribute_you(http, wx, scene_of, resources, make_staff):
    scene, staff = await scene_of("张三", bind_openid="o-zhang")
    await wx.event(http, "o-zhang", "SCAN", event_key=scene.scene)
    assert (await WechatUser.get(openid="o-zhang")).referrer_id is None


async def test_a_miniapp_scene_at_login_attributes_the_user(http, login, scene_of):
    scene, staff = await scene_of("张三")
    await login("alice", scene=scene.scene)
    user = await WechatUser.get(miniapp_openid="o_alice")
    assert user.referrer_id == staff.id
    assert (await ReferralEvent.get(wechat_user_id=user.id)).kind == ReferralEventKind.SCAN


async def test_a_miniapp_scene_does_not_steal_a_user_from_an_earlier_one(http, login, scene_of):
    first, zhang = await scene_of("张三")
    second, _ = await scene_of("李四")
    await login("alice", scene=first.scene)
    await login("alice", scene=second.scene)
    assert (await WechatUser.get(miniapp_openid="o_alice")).referrer_id == zhang.id


async def test_follower_and_miniapp_user_with_one_unionid_are_one_person_first_touch_kept(
    http, wx, login, scene_of, fake_wechat, resources
):
    fake_wechat.with_unionid = True
    first, zhang = await scene_of("张三")
    second, _ = await scene_of("李四")
    await wx.event(http, "o_alice", "subscribe", event_key=f"qrscene_{first.scene}")
    await run_jobs(resources)  # learns the follower's unionid
    await login("alice", scene=second.scene)
    users = await WechatUser.filter(unionid="u_alice")
    assert len(users) == 1
    assert (users[0].openid, users[0].miniapp_openid, users[0].referrer_id) == ("o_alice", "o_alice", zhang.id)


async def test_miniapp_user_first_then_follow_merges_into_one_keeping_the_earlier_touch(
    http, wx, login, scene_of, fake_wechat, resources
):
    fake_wechat.with_unionid = True
    first, zhang = await scene_of("张三")
    second, _ = await scene_of("李四")
    await login("alice", scene=first.scene)
    await wx.event(http, "o_alice", "subscribe", event_key=f"qrscene_{second.scene}")
    await run_jobs(resources)
    users = await WechatUser.filter(unionid="u_alice")
    assert len(users) == 1 and users[0].referrer_id == zhang.id and users[0].openid == "o_alice"
    assert await ReferralEvent.filter(wechat_user_id=users[0].id).count() == 2


async def test_after_a_merge_the_followers_chat_identity_is_the_surviving_user(
    http, wx, login, scene_of, fake_wechat, resources
):
    from services import accounts

    fake_wechat.with_unionid = True
    scene, _ = await scene_of("张三")
    await login("alice", scene=scene.scene)
    await wx.text(http, "o_alice", "你好")  # caches the follower's identity before the merge
    await wx.event(http, "o_alice", "subscribe", event_key=f"qrscene_{scene.scene}")
    await run_jobs(resources)
    [survivor] = await WechatUser.filter(unionid="u_alice")
    assert (await accounts.identify(resources.redis, "o_alice")).user_id == survivor.id


async def test_stats_per_scene_count_scans_follows_leads_deals(http, wx, login, scene_of, resources):
    scene, staff = await scene_of("张三")
    await wx.event(http, "o-1", "subscribe", event_key=f"qrscene_{scene.scene}")
    await wx.event(http, "o-1", "SCAN", event_key=scene.scene)
    headers = await login("alice", scene=scene.scene)
    await http.post(f"{API}/leads", json=LEAD, headers=headers)
    client_id = await lead_client_id()
    await commission.on_client_won(await Client.get(id=client_id), settings=resources.settings)
    await commission.on_client_won(await Client.get(id=client_id), settings=resources.settings)  # idempotent
    stats = await referral_stats.for_scenes([scene.id])
    assert stats == {"scans": 3, "follows": 1, "leads": 1, "deals": 1, "conversion": round(1 / 3, 4), "deal_rate": 1.0}


async def test_a_partner_is_told_when_their_referral_leaves_a_lead_and_closes(
    http, login, scene_of, make_staff, settings, words
):
    contact = await make_staff("张三")
    scene, partner = await scene_of("老王", Role.PARTNER, manager=contact)
    await http.post(f"{API}/leads", json=LEAD, headers=await login(scene=scene.scene))
    client_id = await lead_client_id()
    client = await Client.get(id=client_id)
    client.stage = Stage.WON
    await commission.on_client_won(client, settings=settings)
    await commission.on_client_won(client, settings=settings)
    told = await Notification.filter(recipient_id=partner.id).order_by("id")
    assert [words(n)["title"] for n in told] == ["您推荐的客户已留资", "您推荐的客户已成交"]
    assert client.source == Source.REFERRAL
    reward = await Earning.get(client_id=client.id)  # 推荐有礼 for the qualified lead; the deal's comes with its amount
    assert (reward.account_id, reward.kind.value, reward.amount_fen) == (partner.id, "qualified_lead", 2000)


async def test_a_staff_referrer_earns_no_reward_by_default(http, login, scene_of, settings):
    scene, staff = await scene_of("张三")
    await http.post(f"{API}/leads", json=LEAD, headers=await login(scene=scene.scene))
    client_id = await lead_client_id()
    await commission.on_client_won(await Client.get(id=client_id), settings=settings)
    assert not await Earning.exists()


async def test_me_referral_gives_a_scene_a_cached_code_image_and_stats(http, login, fake_wechat):
    headers = await login()
    first = await http.get(f"{API}/me/referral", headers=headers)
    assert first.status_code == 200, first.text
    body = first.json()
    assert len(body["scene"]) <= 32 and body["stats"]["scans"] == 0
    again = (await http.get(f"{API}/me/referral", headers=headers)).json()
    assert again["code_url"] == body["code_url"]
    assert len(fake_wechat.calls("wxa/getwxacodeunlimit")) == 1
    assert fake_wechat.calls("wxa/getwxacodeunlimit")[0].json["scene"] == body["scene"]
    image = await http.get(body["code_url"].replace("http://127.0.0.1:8000", ""))
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


async def test_someone_scanning_my_miniapp_code_counts_in_my_stats(http, login):
    mine = (await http.get(f"{API}/me/referral", headers=await login("alice"))).json()["scene"]
    await login("bob", scene=mine)
    stats = (await http.get(f"{API}/me/referral", headers=await login("alice"))).json()["stats"]
    assert stats["scans"] == 1


async def test_me_referral_when_wechat_fails_is_503(http, login, fake_wechat):
    headers = await login()
    fake_wechat.fail("wxa/getwxacodeunlimit", errcode=-1)
    assert (await http.get(f"{API}/me/referral", headers=headers)).status_code == 503


async def test_staff_asking_for_a_code_gets_a_reply_at_once_and_the_image_by_message(
    http, wx, make_staff, fake_wechat, resources
):
    await make_staff("张三", bind_openid="o-zhang")
    fake_wechat.delay("cgi-bin/qrcode/create", 2.0)
    sent = await wx.text(http, "o-zhang", "我的推广码")
    assert "正在生成" in sent.text and "扫码" in sent.text
    assert fake_wechat.calls("cgi-bin/qrcode/create") == []
    fake_wechat.reset()
    await run_jobs(resources)
    create = fake_wechat.calls("cgi-bin/qrcode/create")[0].json
    assert create["action_name"] == "QR_LIMIT_STR_SCENE"
    image = fake_wechat.calls("cgi-bin/message/custom/send")[0].json
    assert image["touser"] == "o-zhang" and image["msgtype"] == "image"


async def test_the_qr_code_is_created_and_uploaded_once_then_reused(make_staff, fake_wechat, resources):
    staff = await make_staff("张三")
    scene = await attribution.scene_for_account(staff)
    first = await codes.qr_media_id(resources, scene)
    assert await codes.qr_media_id(resources, await ReferralScene.get(id=scene.id)) == first
    assert len(fake_wechat.calls("cgi-bin/qrcode/create")) == 1
    assert len(fake_wechat.calls("cgi-bin/media/upload")) == 1


async def test_campaign_codes_are_temporary(fake_wechat, resources):
    scene = await attribution.create_campaign("春季招商")
    await codes.qr_media_id(resources, scene)
    create = fake_wechat.calls("cgi-bin/qrcode/create")[0].json
    assert create["action_name"] == "QR_STR_SCENE" and create["expire_seconds"] == 2592000
    assert scene.qr_expires_at is not None and len(scene.scene) <= 32


async def test_a_bound_partner_gets_the_partner_flow_not_the_staff_crm(http, wx, make_staff):
    await make_staff("老王", Role.PARTNER, bind_openid="o-wang")
    assert "合作伙伴" in (await wx.text(http, "o-wang", "找 昆山 2000平 厂房")).text
    assert "还没有" in (await wx.text(http, "o-wang", "查客户 华兴精密")).text
    assert "推广数据" in (await wx.text(http, "o-wang", "我的数据")).text
    assert "正在生成" in (await wx.text(http, "o-wang", "我的推广码")).text


async def test_campaign_command_prints_the_code_image_url(fake_wechat_server, resources):
    import subprocess
    import sys

    from tests.conftest import test_environ

    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "app", "campaign", "--name", "春季招商"],
        env=test_environ(fake_wechat_server.url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    scene = await ReferralScene.get(name="春季招商")
    assert done.stdout.strip().splitlines()[-1].endswith(f"/media/qr/{scene.scene}.png")


async def test_the_qr_image_is_uploaded_again_when_the_3_day_media_expires(make_staff, fake_wechat, resources):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    first = await codes.qr_media_id(resources, scene)
    later = datetime.now(timezone.utc) + timedelta(days=3)
    again = await codes.qr_media_id(resources, await ReferralScene.get(id=scene.id), now=later)
    assert again != first
    assert len(fake_wechat.calls("cgi-bin/qrcode/create")) == 1  # the permanent code itself is kept
    assert len(fake_wechat.calls("cgi-bin/media/upload")) == 2


async def test_a_failed_qr_send_leaves_the_chat_reply_intact(http, wx, make_staff, fake_wechat):
    await make_staff("张三", bind_openid="o-zhang")
    fake_wechat.fail("*", errcode=-1, times=None)
    sent = await wx.text(http, "o-zhang", "我的推广码")
    assert "正在生成" in sent.text


async def test_a_partner_sees_only_their_own_referred_clients_and_stages(http, wx, login, scene_of, make_staff):
    scene, _ = await scene_of("老王", Role.PARTNER, bind_openid="o-wang")
    await http.post(f"{API}/leads", json=LEAD, headers=await login("alice", scene=scene.scene))
    await http.post(
        f"{API}/leads", json={**LEAD, "company": "别人的客户", "phone": "13900001111"}, headers=await login("bob")
    )
    reply = (await wx.text(http, "o-wang", "我的客户")).text
    assert "华兴精密 · 初步意向" in reply and "别人的客户" not in reply and "138" not in reply


async def test_referrals_command_prints_stats_per_scene(http, wx, scene_of, fake_wechat_server):
    import json
    import subprocess
    import sys

    from tests.conftest import test_environ

    scene, _ = await scene_of("张三")
    await attribution.create_campaign("春季招商")
    await wx.event(http, "o-1", "subscribe", event_key=f"qrscene_{scene.scene}")
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "app", "referrals"],
        env=test_environ(fake_wechat_server.url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout.strip().splitlines()[-1])
    assert rows[0]["scene"] == scene.scene and rows[0]["scans"] == 1 and rows[0]["follows"] == 1
    assert rows[1]["kind"] == "campaign" and rows[1]["scans"] == 0


@pytest.mark.parametrize("text, reply", [("生成海报 Z99", "没有找到"), ("海报", "房源编号")])
async def test_a_poster_without_a_shareable_listing_says_so(text, reply, http, wx, make_staff):
    await make_staff("张三", bind_openid="o-zhang")
    assert reply in (await wx.text(http, "o-zhang", text)).text
