"""The access token: fetched once, shared through Redis, refreshed once."""

from __future__ import annotations

import asyncio

import pytest

from wechat import TokenError

pytestmark = pytest.mark.asyncio


def stable_token_bodies(fake):
    return [call.json for call in fake.calls("cgi-bin/stable_token")]


async def test_token_fetched_once_and_shared_between_processes(fake_wechat, make_api, redis_factory):
    first, second = make_api(redis=redis_factory()), make_api(redis=redis_factory())
    await first.user.info("o_a")
    await second.user.info("o_b")
    await first.user.info("o_c")
    assert len(fake_wechat.calls("cgi-bin/stable_token")) == 1
    assert len({call.access_token for call in fake_wechat.calls("cgi-bin/user/info")}) == 1
    assert stable_token_bodies(fake_wechat)[0]["force_refresh"] is False


async def test_concurrent_first_calls_fetch_once(fake_wechat, make_api, redis_factory):
    apis = [make_api(redis=redis_factory()) for _ in range(3)]
    fake_wechat.delay("cgi-bin/stable_token", 0.2)
    await asyncio.gather(*(apis[i % 3].user.info(f"o_{i}") for i in range(30)))
    assert len(fake_wechat.calls("cgi-bin/stable_token")) == 1
    assert len(fake_wechat.calls("cgi-bin/user/info")) == 30


async def test_token_cached_with_margin(api, redis, appid):
    await api.user.info("o_a")
    ttl = await redis.ttl(f"wechat:token:{appid}")
    assert 7200 - 300 - 5 <= ttl <= 7200 - 300


@pytest.mark.parametrize("errcode", [42001, 40001])
async def test_refused_token_refreshed_once_and_call_retried(fake_wechat, api, errcode):
    await api.user.info("o_a")
    fake_wechat.expire_tokens(errcode)
    assert (await api.user.info("o_b"))["openid"] == "o_b"
    info_calls = fake_wechat.calls("cgi-bin/user/info")
    assert [c.errcode for c in info_calls] == [0, errcode, 0]
    assert info_calls[1].access_token != info_calls[2].access_token
    # WeChat already replaced the token: a plain fetch gets the new one, no force.
    assert [body["force_refresh"] for body in stable_token_bodies(fake_wechat)] == [False, False]


async def test_refused_but_still_issued_token_is_force_refreshed(fake_wechat, api):
    await api.user.info("o_a")
    fake_wechat.fail("cgi-bin/user/info", errcode=40001)  # stable_token still hands out the same one
    await api.user.info("o_b")
    assert [body["force_refresh"] for body in stable_token_bodies(fake_wechat)] == [False, False, True]
    first, refused, retried = fake_wechat.calls("cgi-bin/user/info")
    assert first.access_token == refused.access_token != retried.access_token


async def test_concurrent_refusals_refresh_once(fake_wechat, make_api, redis_factory):
    apis = [make_api(redis=redis_factory()) for _ in range(2)]
    await apis[0].user.info("o_a")
    fake_wechat.expire_tokens(42001)
    fake_wechat.delay("cgi-bin/stable_token", 0.1)
    await asyncio.gather(*(apis[i % 2].user.info(f"o_{i}") for i in range(20)))
    assert len(fake_wechat.calls("cgi-bin/stable_token")) == 2
    assert fake_wechat.stats()["tokens_issued"] == 2


async def test_token_refused_twice_raises_without_looping(fake_wechat, api):
    await api.user.info("o_a")
    fake_wechat.fail("cgi-bin/user/info", errcode=42001, times=None)
    with pytest.raises(TokenError) as caught:
        await api.user.info("o_b")
    assert caught.value.retryable and caught.value.errcode == 42001
    assert len(fake_wechat.calls("cgi-bin/user/info")) == 3  # the first call, then one try and one retry
    assert len(fake_wechat.calls("cgi-bin/stable_token")) <= 3
