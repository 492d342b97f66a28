"""Follows through referral codes: one upsert and the event in one transaction, each user attributed once."""

import asyncio
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from models import ReferralEvent, WechatUser
from models.enums import ReferralEventKind, Role
from services import accounts, wechat_users
from services.referrals import attribution
from tests.conftest import test_environ
from tests.wx import event_xml


def attributed_follows(user_id: int):
    return ReferralEvent.filter(wechat_user_id=user_id, kind=ReferralEventKind.FOLLOW, attributed=True)


async def test_set_subscribed_makes_the_user_once_and_records_follow_and_unfollow(resources):
    followed_at = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
    user_id = await accounts.set_subscribed("o-new", True, now=followed_at)
    assert await accounts.set_subscribed("o-new", False, now=followed_at + timedelta(days=1)) == user_id
    user = await WechatUser.get(openid="o-new")
    assert (user.id, user.subscribed, user.subscribed_at) == (user_id, False, followed_at)
    assert user.unsubscribed_at == followed_at + timedelta(days=1)
    assert await accounts.set_subscribed("o-new", None) == user_id
    assert (await WechatUser.get(id=user_id)).subscribed is False
    assert await WechatUser.filter(openid="o-new").count() == 1


async def test_a_follow_through_a_code_subscribes_and_attributes_in_one_go(resources, make_staff):
    staff = await make_staff("张三")
    scene = await attribution.scene_for_account(staff)
    await wechat_users.on_subscribe(resources, "o-visitor", scene.scene)
    user = await WechatUser.get(openid="o-visitor")
    assert (user.subscribed, user.referrer_id, user.referral_scene_id) == (True, staff.id, scene.id)
    assert await attributed_follows(user.id).count() == 1


async def test_a_follow_recorded_again_after_a_retry_is_kept_but_attributes_nobody_twice(resources, make_staff):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    for _ in range(2):
        await wechat_users.on_subscribe(resources, "o-visitor", scene.scene)
    user = await WechatUser.get(openid="o-visitor")
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 2
    assert await attributed_follows(user.id).count() == 1


async def test_one_new_user_following_through_many_codes_at_once_is_attributed_once_to_the_winner(
    resources, make_staff
):
    scenes = [await attribution.scene_for_account(await make_staff(f"销售{n}")) for n in range(8)]
    await asyncio.gather(*(wechat_users.on_subscribe(resources, "o-visitor", s.scene) for s in scenes))
    user = await WechatUser.get(openid="o-visitor")
    winner = await attributed_follows(user.id).get()
    assert user.referral_scene_id == winner.scene_id
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == len(scenes)


async def test_nobody_is_attributed_to_their_own_code(resources, make_staff):
    staff = await make_staff("张三", Role.PARTNER, bind_openid="o-zhang")
    scene = await attribution.scene_for_account(staff)
    await wechat_users.on_subscribe(resources, "o-zhang", scene.scene)
    user = await WechatUser.get(openid="o-zhang")
    assert (user.subscribed, user.referral_scene_id) == (True, None)
    assert await attributed_follows(user.id).count() == 0


async def test_a_burst_of_follows_with_duplicates_attributes_every_user_once_to_their_code(resources, make_staff):
    scenes = [await attribution.scene_for_account(await make_staff(f"销售{n}")) for n in range(5)]
    expected = {f"o-burst-{n}": scenes[n % len(scenes)] for n in range(60)}
    follows = [wechat_users.on_subscribe(resources, openid, scene.scene) for openid, scene in expected.items()]
    retries = [wechat_users.on_subscribe(resources, openid, scene.scene) for openid, scene in expected.items()]
    await asyncio.gather(*follows, *retries)
    for openid, scene in expected.items():
        user = await WechatUser.get(openid=openid)
        assert user.referral_scene_id == scene.id
        assert await attributed_follows(user.id).count() == 1


async def test_a_subscribe_callback_retried_by_wechat_while_the_first_runs_is_recorded_once(
    http, wx, make_staff, resources
):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    xml = event_xml("o-visitor", "subscribe", event_key=f"qrscene_{scene.scene}", ticket="t")
    first, retry = await asyncio.gather(wx.post(http, xml), wx.post(http, xml))
    assert "欢迎" in first.text and retry.text == first.text
    user = await WechatUser.get(openid="o-visitor")
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 1
    assert await attributed_follows(user.id).count() == 1


FOLLOWER = """
import asyncio, sys
from core.config import load_settings
from services import wechat_users
from services.resources import opened

async def main(scenes, openids):
    async with opened(load_settings()) as resources:
        await asyncio.gather(*(
            wechat_users.on_subscribe(resources, openid, scenes[n % len(scenes)]) for n, openid in enumerate(openids)
        ))

asyncio.run(main(sys.argv[1].split(","), sys.argv[2].split(",")))
"""


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="two processes need a shared Redis and database (CI=true)")
async def test_two_processes_following_the_same_users_through_different_codes_attribute_each_once(
    resources, make_staff, fake_wechat_server
):
    scenes = [await attribution.scene_for_account(await make_staff(f"销售{n}")) for n in range(4)]
    openids = [f"o-race-{n}" for n in range(200)]
    env = test_environ(fake_wechat_server.url)

    def follow(codes: list[str]) -> subprocess.CompletedProcess:
        argv = [sys.executable, "-c", FOLLOWER, ",".join(codes), ",".join(openids)]
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)

    codes = [s.scene for s in scenes]
    done = await asyncio.gather(asyncio.to_thread(follow, codes), asyncio.to_thread(follow, codes[::-1]))
    assert [d.returncode for d in done] == [0, 0], [d.stderr[-2000:] for d in done]
    users = await WechatUser.filter(openid__in=openids)
    assert len(users) == len(openids)
    for user in users:
        winner = await attributed_follows(user.id).get()
        assert user.referral_scene_id == winner.scene_id and user.subscribed
        assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 2
