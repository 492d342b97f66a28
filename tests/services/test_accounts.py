"""The sender's identity behind an openid: cached in Redis for every process, dropped when it changes."""

from __future__ import annotations

from core import kv
from models import Client, WechatUser
from services import accounts, leads


async def test_an_identity_says_whether_the_sender_is_a_client(resources, make_staff, make_client):
    await make_staff("张三")
    follower = await accounts.identify(resources.redis, "o-follower")
    assert follower.account_id is None and follower.is_client is False
    assert await WechatUser.filter(openid="o-follower").count() == 1
    await leads.create(
        resources, wechat_user_id=follower.user_id, company=None, contact_name="赵", phone="13812345678", need="要厂房"
    )
    assert (await accounts.identify(resources.redis, "o-follower")).is_client is True


async def test_a_follower_who_becomes_a_client_is_one_at_once_in_every_process(resources, make_staff):
    """The cached "no client" is dropped in Redis, where every process reads it, as the lead commits."""
    await make_staff("张三")
    other_process = kv.connect(resources.settings)
    try:
        before = await accounts.identify(other_process, "o-follower")
        assert before.is_client is False
        assert (await accounts.identify(other_process, "o-follower")).is_client is False  # from the cache
        await leads.create(
            resources, wechat_user_id=before.user_id, company="华兴精密", contact_name=None, phone=None, need="要仓库"
        )
        assert (await accounts.identify(other_process, "o-follower")).is_client is True
    finally:
        await other_process.aclose()


async def test_an_entry_without_the_client_question_leaves_it_to_the_database(resources):
    await resources.redis.set(accounts.identity_key("o-old"), "12:")
    assert await accounts.identify(resources.redis, "o-old") == accounts.Identity(12, None, None)
    await resources.redis.set(accounts.identity_key("o-staff"), "13:4:0")
    assert await accounts.identify(resources.redis, "o-staff") == accounts.Identity(13, 4, False)


async def test_a_change_drops_the_entries_of_the_version_before_too(resources):
    """In a rolling deploy its processes read ``ident:`` entries, in the format they know."""
    await resources.redis.set("ident:o-1", "12:")
    await accounts.identify(resources.redis, "o-1")
    assert await resources.redis.get("ident:o-1") == b"12:"  # left to the version before
    await accounts.forget_identities(resources.redis, "o-1")
    assert await resources.redis.exists("ident:o-1", accounts.identity_key("o-1")) == 0


async def test_a_deleted_client_may_still_be_cached_as_one(resources, make_staff):
    """Only a "no" is trusted without the database (``services.visitors.take_message`` checks a "yes")."""
    await make_staff("张三")
    user = await accounts.identify(resources.redis, "o-follower")
    await leads.create(
        resources, wechat_user_id=user.user_id, company=None, contact_name="赵", phone="13812345678", need="要厂房"
    )
    assert (await accounts.identify(resources.redis, "o-follower")).is_client is True
    await Client.filter(wechat_user_id=user.user_id).delete()
    assert (await accounts.identify(resources.redis, "o-follower")).is_client is True
