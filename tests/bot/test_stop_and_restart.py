"""A real server stopped (systemd's SIGINT/SIGTERM) or killed during a slow message: nothing acknowledged is lost."""

import asyncio
import contextlib
import signal

import httpx
import pytest
from tortoise.transactions import in_transaction

from app import processes
from models import Client, FollowUp, InboundMessage
from models.enums import InboundStatus
from services import clients as client_service
from tests import servers
from tests.conftest import free_port, test_environ
from tests.wx import WeChatSimulator

pytestmark = pytest.mark.slow

CUSTOM_SEND = "cgi-bin/message/custom/send"
FOLLOWUP = "跟进 华兴精密 张总 明天下午3点带看"


@pytest.fixture
async def huaxing(make_staff, settings):
    zhang = await make_staff("张三", bind_openid="o-zhang")
    return await Client.create(
        company="华兴精密",
        company_norm=client_service.normalize_company("华兴精密", settings),
        contact_name="张",
        owner=zhang,
    )


@contextlib.asynccontextmanager
async def client_row_held(client: Client):
    """A slow database for this client: its row is written and held (a row lock) until the block ends."""
    async with in_transaction():
        await Client.filter(id=client.id).update(company=client.company)
        yield


@pytest.fixture
def serve(fake_wechat, settings):
    """``url, proc = await serve(**env)``: a server process on a fresh port; stopped at the end of the test."""
    if settings.embedded_redis:
        # A server process over the test's SQLite file can stall at start on a loaded machine (its database
        # ping never answers, on main too): these run on MariaDB and Redis, which CI=true always runs.
        pytest.skip("server processes run on MariaDB and Redis (REDIS_URL); make test runs this with CI=true")
    started = []

    async def start(**env: str):
        port = free_port()
        proc = servers.start(port, test_environ(fake_wechat.url, **env))
        started.append(proc)
        url = f"http://127.0.0.1:{port}"
        await servers.wait_until_serving([proc], [url])
        return url, proc

    yield start
    processes.stop(started)


def simulator(url: str, settings) -> WeChatSimulator:
    return WeChatSimulator(f"{url}/wechat", settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid)


async def exited(proc, timeout: float = 60) -> int:
    for _ in range(int(timeout * 10)):
        if proc.poll() is not None:
            return proc.returncode
        await asyncio.sleep(0.1)
    raise AssertionError("the server did not stop")


async def assert_answered_once(client: Client, fake_wechat) -> None:
    assert await FollowUp.filter(client_id=client.id).count() == 1
    [call] = fake_wechat.calls(CUSTOM_SEND)
    assert call.json["touser"] == "o-zhang" and "已记录跟进：华兴精密" in call.json["text"]["content"]
    assert await InboundMessage.filter(status=InboundStatus.DONE).count() == 1


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_a_server_stopped_during_a_slow_message_finishes_it_before_it_exits(
    stop_signal, serve, settings, huaxing, fake_wechat
):
    url, proc = await serve()
    async with httpx.AsyncClient(timeout=30) as http:
        async with client_row_held(huaxing):
            sending = asyncio.ensure_future(simulator(url, settings).text(http, "o-zhang", FOLLOWUP))
            await asyncio.sleep(settings.reply_deadline_s + 0.8)  # past the deadline: WeChat is told success
            proc.send_signal(stop_signal)
            await asyncio.sleep(0.5)
        sent = await sending
    assert sent.body == "success"
    assert await exited(proc) == 0
    await serve()  # the next start finds nothing left to do
    await asyncio.sleep(1)
    await assert_answered_once(huaxing, fake_wechat)


async def test_a_message_of_a_killed_server_is_resumed_by_the_next_one(serve, settings, huaxing, fake_wechat):
    url, proc = await serve(INBOUND__LEASE_S="2")
    async with httpx.AsyncClient(timeout=30) as http:
        async with client_row_held(huaxing):
            sent = await simulator(url, settings).text(http, "o-zhang", FOLLOWUP)
            assert sent.body == "success"
            proc.kill()
            await exited(proc)
    assert await InboundMessage.filter(status=InboundStatus.WORKING).count() == 1
    assert not fake_wechat.calls(CUSTOM_SEND)
    await serve(INBOUND__LEASE_S="2", INBOUND__RESUME_INTERVAL_S="0.5")
    for _ in range(200):  # once the dead server's lease has ended
        if await InboundMessage.filter(status=InboundStatus.DONE).exists():
            break
        await asyncio.sleep(0.1)
    await assert_answered_once(huaxing, fake_wechat)
