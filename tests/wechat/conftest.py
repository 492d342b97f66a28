from __future__ import annotations

import os
import uuid

import fakeredis
import pytest
import pytest_asyncio
import redis.asyncio as aioredis

from tests.wechat_fixtures import fake_wechat  # noqa: F401
from wechat import WeChatAPI

REAL_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def appid() -> str:
    """Unique per test, so real-Redis keys never collide."""
    return "wxtest" + uuid.uuid4().hex[:10]


@pytest_asyncio.fixture(params=["fakeredis", "redis"])
async def redis_factory(request, appid):
    """Makes Redis clients on one shared store, as separate processes would have."""
    clients = []
    if request.param == "fakeredis":
        server = fakeredis.FakeServer()

        def make():
            clients.append(fakeredis.FakeAsyncRedis(server=server))
            return clients[-1]
    else:
        probe = aioredis.from_url(REAL_REDIS_URL)
        try:
            await probe.ping()
        except (aioredis.ConnectionError, OSError) as exc:
            await probe.aclose()
            if os.environ.get("CI") == "true":
                pytest.fail(f"Redis at {REAL_REDIS_URL} unreachable in CI: {exc}")
            pytest.skip(f"Redis at {REAL_REDIS_URL} unreachable")
        clients.append(probe)

        def make():
            clients.append(aioredis.from_url(REAL_REDIS_URL))
            return clients[-1]

    yield make
    await clients[0].delete(f"wechat:token:{appid}", f"wechat:token:{appid}:lock")
    for client in clients:
        await client.aclose()


@pytest.fixture
def redis():
    return fakeredis.FakeAsyncRedis()


@pytest_asyncio.fixture
async def make_api(fake_wechat, redis, appid):  # noqa: F811
    """``make_api(**overrides)`` -> a WeChatAPI on the fake; closed after the test."""
    apis = []

    def make(**overrides) -> WeChatAPI:
        kwargs = dict(
            appid=appid,
            secret="secret",
            redis=redis,
            api_base=fake_wechat.url,
            showqrcode_base=fake_wechat.showqrcode_base,
            miniapp_appid="wxminiapp",
            timeout=2.0,
        )
        apis.append(WeChatAPI(**{**kwargs, **overrides}))
        return apis[-1]

    yield make
    for api in apis:
        await api.close()


@pytest.fixture
def api(make_api):
    return make_api()
