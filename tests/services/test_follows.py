"""Follows, unfollows and scans: queued on the reply path, written in batches in order, each user attributed once,
also when a writer dies mid-batch."""

import asyncio
import os
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from models import ReferralEvent, WechatUser
from models.enums import ReferralEventKind, Role
from services import accounts, follows, leads
from services.referrals import attribution
from tests.conftest import test_environ
from tests.wx import event_xml


def attributed_follows(user_id: int):
    return ReferralEvent.filter(wechat_user_id=user_id, kind=ReferralEventKind.FOLLOW, attributed=True)


async def follow(resources, openid: str, scene: str = "", *, now: datetime | None = None) -> None:
    await follows.queue(resources.redis, follows.Touch.FOLLOW, openid, scene, now=now)


async def test_follow_unfollow_and_follow_again_are_written_in_their_order(resources, make_staff):
    first, second = [await attribution.scene_for_account(await make_staff(name)) for name in ("张三", "李四")]
    t0 = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
    await follow(resources, "o-fan", first.scene, now=t0)
    await follows.queue(resources.redis, follows.Touch.UNFOLLOW, "o-fan", now=t0 + timedelta(minutes=1))
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-fan")
    assert (user.subscribed, user.subscribed_at, user.unsubscribed_at) == (False, t0, t0 + timedelta(minutes=1))
    await follow(resources, "o-fan", second.scene, now=t0 + timedelta(minutes=2))
    await follows.queue(resources.redis, follows.Touch.UNFOLLOW, "o-fan", now=t0 + timedelta(minutes=3))
    await follow(resources, "o-fan", second.scene, now=t0 + timedelta(minutes=4))
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-fan")
    assert (user.subscribed, user.subscribed_at) == (True, t0 + timedelta(minutes=4))
    assert user.unsubscribed_at == t0 + timedelta(minutes=3)
    assert user.referral_scene_id == first.id  # the first follow holds them within the window
    assert await WechatUser.filter(openid="o-fan").count() == 1
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 3


async def test_the_welcome_does_not_wait_for_the_database(resources, make_staff):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    await follow(resources, "o-visitor", scene.scene)
    assert not await WechatUser.exists(openid="o-visitor")
    await follows.flush(resources)
    assert await attributed_follows((await WechatUser.get(openid="o-visitor")).id).count() == 1


async def test_a_lead_left_right_after_the_follow_goes_to_the_referrer(resources, make_staff):
    staff = await make_staff("张三")
    await follow(resources, "o-visitor", (await attribution.scene_for_account(staff)).scene)
    visitor = await accounts.identify(resources.redis, "o-visitor")  # their first message, before the writer ran
    client = await leads.create(
        resources,
        wechat_user_id=visitor.user_id,
        company="华兴精密",
        contact_name="张总",
        phone=None,
        need="厂房",
        via="chat",
    )
    assert (client.referrer_id, client.owner_id) == (staff.id, staff.id)


async def test_a_writer_that_dies_before_writing_leaves_the_follows_to_the_next_one(resources, make_staff, monkeypatch):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    for n in range(3):
        await follow(resources, f"o-{n}", scene.scene)

    async def dies(*args, **kwargs):
        raise ConnectionError("the writer's process died mid-batch")

    with monkeypatch.context() as patch:
        patch.setattr(ReferralEvent, "bulk_create", dies)
        with pytest.raises(ConnectionError):
            await follows.flush(resources)
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 3
    assert not await WechatUser.exists(openid="o-0")  # the batch's transaction rolled back
    await resources.redis.set(follows.LOCK_KEY, "a writer that died", px=300)  # ... holding the lock
    await follows.flush(resources)
    for n in range(3):
        user = await WechatUser.get(openid=f"o-{n}")
        assert (user.subscribed, user.referral_scene_id) == (True, scene.id)
        assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 1
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 0


async def test_a_batch_written_again_after_a_crash_attributes_and_records_each_follow_once(
    resources, make_staff, monkeypatch
):
    first, second = [await attribution.scene_for_account(await make_staff(name)) for name in ("张三", "李四")]
    await follow(resources, "o-visitor", first.scene)
    await follows.queue(resources.redis, follows.Touch.SCAN, "o-visitor", second.scene)
    await follow(resources, "o-other", second.scene)

    async def dies(*ids):
        raise ConnectionError("the writer died after its transaction committed")

    with monkeypatch.context() as patch:
        patch.setattr(resources.redis, "xdel", dies)
        with pytest.raises(ConnectionError):
            await follows.flush(resources)
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 3  # so the batch is written again
    await follows.flush(resources)
    visitor = await WechatUser.get(openid="o-visitor")
    assert visitor.referral_scene_id == first.id
    assert await attributed_follows(visitor.id).count() == 1
    events = await ReferralEvent.filter(wechat_user_id=visitor.id).order_by("id").values_list("kind", "attributed")
    assert events == [(ReferralEventKind.FOLLOW, True), (ReferralEventKind.SCAN, False)]
    other = await WechatUser.get(openid="o-other")
    assert other.referral_scene_id == second.id
    assert await ReferralEvent.filter(wechat_user_id=other.id).count() == 1
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 0


async def test_a_follow_through_a_code_subscribes_and_attributes_in_one_go(resources, make_staff):
    staff = await make_staff("张三")
    scene = await attribution.scene_for_account(staff)
    await follow(resources, "o-visitor", scene.scene)
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-visitor")
    assert (user.subscribed, user.referrer_id, user.referral_scene_id) == (True, staff.id, scene.id)
    assert await attributed_follows(user.id).count() == 1


async def test_a_follow_recorded_again_after_a_retry_is_kept_but_attributes_nobody_twice(resources, make_staff):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    for _ in range(2):
        await follow(resources, "o-visitor", scene.scene)
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-visitor")
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 2
    assert await attributed_follows(user.id).count() == 1


async def test_one_new_user_following_through_many_codes_at_once_is_attributed_once_to_the_winner(
    resources, make_staff
):
    scenes = [await attribution.scene_for_account(await make_staff(f"销售{n}")) for n in range(8)]
    await asyncio.gather(*(follow(resources, "o-visitor", s.scene) for s in scenes))
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-visitor")
    winner = await attributed_follows(user.id).get()
    assert user.referral_scene_id == winner.scene_id
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == len(scenes)


async def test_nobody_is_attributed_to_their_own_code(resources, make_staff):
    staff = await make_staff("张三", Role.PARTNER, bind_openid="o-zhang")
    scene = await attribution.scene_for_account(staff)
    await follow(resources, "o-zhang", scene.scene)
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-zhang")
    assert (user.subscribed, user.referral_scene_id) == (True, None)
    assert await attributed_follows(user.id).count() == 0


async def test_a_burst_of_follows_with_duplicates_attributes_every_user_once_to_their_code(
    resources, make_staff, monkeypatch
):
    monkeypatch.setattr(
        resources,
        "settings",
        replace(resources.settings, referral=replace(resources.settings.referral, follows_batch=7)),
    )
    scenes = [await attribution.scene_for_account(await make_staff(f"销售{n}")) for n in range(5)]
    expected = {f"o-burst-{n}": scenes[n % len(scenes)] for n in range(60)}
    first = [follow(resources, openid, scene.scene) for openid, scene in expected.items()]
    retries = [follow(resources, openid, scene.scene) for openid, scene in expected.items()]
    await asyncio.gather(*first, *retries)
    await asyncio.gather(follows.flush(resources), follows.flush(resources))  # two writers, batches of 7
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
    await follows.flush(resources)
    user = await WechatUser.get(openid="o-visitor")
    assert await ReferralEvent.filter(wechat_user_id=user.id).count() == 1
    assert await attributed_follows(user.id).count() == 1


FOLLOWER = """
import asyncio, sys
from core.config import load_settings
from services import accounts, follows, leads
from services.resources import opened

async def main(scenes, openids):
    async with opened(load_settings()) as resources:
        await asyncio.gather(*(
            follows.queue(resources.redis, follows.Touch.FOLLOW, openid, scenes[n % len(scenes)])
            for n, openid in enumerate(openids)
        ))
        await follows.flush(resources)

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


async def test_an_unreadable_queue_entry_is_set_aside_and_the_follows_behind_it_are_written(resources, make_staff):
    scene = await attribution.scene_for_account(await make_staff("张三"))
    await resources.redis.xadd(follows.QUEUE_KEY, {"t": "?", "o": "o-garbled"})
    await follow(resources, "o-visitor", scene.scene)
    await follows.flush(resources)
    assert await attributed_follows((await WechatUser.get(openid="o-visitor")).id).count() == 1
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 0
    [(_, dead)] = await resources.redis.xrange(follows.DEAD_KEY)
    assert dead[b"o"] == b"o-garbled" and b"error" in dead


async def test_a_batch_of_nothing_but_unreadable_entries_is_set_aside(resources):
    await resources.redis.xadd(follows.QUEUE_KEY, {"at": "not a number"})
    await follows.flush(resources)
    assert await resources.redis.xlen(follows.QUEUE_KEY) == 0
    assert await resources.redis.xlen(follows.DEAD_KEY) == 1
