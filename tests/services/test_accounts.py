"""The sender's identity behind an openid: cached in Redis for every process, dropped when it changes."""

from __future__ import annotations

from core import kv
from models import Client, WechatUser
from models.enums import Role
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


async def test_an_entry_of_the_version_before_leaves_what_it_lacks_to_the_database(resources, make_staff):
    await resources.redis.set(accounts.identity_key("o-old"), "12:")
    assert await accounts.identify(resources.redis, "o-old") == accounts.Identity(12, None, None)
    zhang = await make_staff("张三", bind_openid="o-zhang")
    user = await WechatUser.get(openid="o-zhang")
    await resources.redis.set(accounts.identity_key("o-zhang"), f"{user.id}:{zhang.id}:0")  # no account fields
    identity = await accounts.identify(resources.redis, "o-zhang")
    assert identity.account == zhang and identity.account.name == "张三"


async def test_a_bound_senders_identity_holds_their_account_as_chat_needs_it(resources, make_staff):
    """No query for the account on each message: its role, team and name are in the entry."""
    boss = await make_staff("王经理", Role.MANAGER)
    await make_staff("张:三", manager=boss, bind_openid="o-zhang")
    await accounts.identify(resources.redis, "o-zhang")  # cached
    account = (await accounts.identify(resources.redis, "o-zhang")).account
    assert (account.name, account.role, account.manager_id) == ("张:三", Role.SALES, boss.id)
    assert await account.manager == boss


async def test_a_role_or_team_change_and_a_deactivation_reach_chat_in_every_process_at_once(resources, make_staff):
    admin = await make_staff("管理员", Role.ADMIN)
    boss = await make_staff("王经理", Role.MANAGER)
    zhang = await make_staff("张三", bind_openid="o-zhang")
    other_process = kv.connect(resources.settings)
    try:
        assert (await accounts.identify(other_process, "o-zhang")).account.role == Role.SALES
        await accounts.change_role(actor=admin, account=zhang, role=Role.MANAGER, manager=boss, redis=resources.redis)
        changed = (await accounts.identify(other_process, "o-zhang")).account
        assert (changed.role, changed.manager_id) == (Role.MANAGER, boss.id)
        await accounts.deactivate(actor=admin, account=zhang, reassign_to=None, redis=resources.redis)
        gone = await accounts.identify(other_process, "o-zhang")
        assert gone.account_id == zhang.id and gone.account is None
        assert (await accounts.identify(other_process, "o-zhang")).account is None  # cached as such
    finally:
        await other_process.aclose()


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
