"""Two server processes sharing Redis and the database, as behind nginx."""

import asyncio

import httpx
import pytest

from app import processes
from models.enums import Role
from services import accounts
from tests import servers
from tests.conftest import free_port, test_environ
from tests.wx import WeChatSimulator, text_xml

pytestmark = pytest.mark.slow


@pytest.fixture
async def two_servers(resources, fake_wechat):
    if resources.settings.embedded_redis:
        pytest.skip("several processes need a real Redis (REDIS_URL); make test runs this with CI=true")
    env = test_environ(fake_wechat.url)
    ports = [free_port(), free_port()]
    procs = [servers.start(port, env) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        await servers.wait_until_serving(procs, urls)
        yield urls
    finally:
        ignored = processes.stop(procs)  # never leaves a server behind to load the rest of the run
        assert not ignored, f"servers ignored SIGTERM: {[p.args for p in ignored]}"


async def test_a_msgid_retried_three_times_across_two_processes_runs_once(two_servers, settings):
    account, code = await accounts.create_staff("张三", Role.SALES)
    sims = [
        WeChatSimulator(f"{url}/wechat", settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid)
        for url in two_servers
    ]
    xml = text_xml("o-zhang", f"绑定 {code}", msg_id=424242)
    async with httpx.AsyncClient(timeout=10) as client:
        replies = await asyncio.gather(*(sims[i % 2].post(client, xml) for i in range(3)))
    # Binding consumes the code: had it run twice, a reply would say the code is invalid.
    assert [r.text.splitlines()[0] for r in replies] == ["绑定成功：张三"] * 3
