"""Shared fixtures: settings, database, Redis, the fake WeChat API, a running app.

Backends: SQLite and the embedded Redis stand-in by default; MariaDB/MySQL and
Redis when DATABASE_URL / REDIS_URL are set (``make test`` sets them with
CI=true). Then a fresh database ``<name>_t<pid>`` is created and dropped, and
an unreachable service fails the run instead of skipping.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import ipaddress
import os
import socket
from urllib.parse import urlparse

import httpx
import pytest
from sanic import Sanic
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from app.factory import create_app
from core import db
from core.config import load_settings
from models import Account
from models.enums import Role
from services import accounts, follows, metrics
from services.resources import Resources
from tests.fakewechat import FakeWeChat
from tests.fakewechatpay import FakeWeChatPay
from tests.wx import WeChatSimulator

pytest_plugins = ["tests.factories"]  # the row factories every test directory shares

TEST_AES_KEY = base64.b64encode(b"scrm-test-aes-key-32-bytes-long!").decode()[:43]
Sanic.test_mode = True


def _test_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("mysql://"):
        return f"sqlite://{os.environ.get('PYTEST_TMP', '/tmp')}/scrm-test-{os.getpid()}.sqlite3"
    parsed = urlparse(url)
    return url.replace(parsed.path, f"{parsed.path}_t{os.getpid()}", 1)


def test_environ(fake_url: str, **overrides: str) -> dict[str, str]:
    """The environment a test process (or a server it starts) runs with."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("WECHAT_", "MINIAPP_"))}
    env.update(
        ENV="test",
        DATABASE_URL=TEST_DATABASE_URL,
        REDIS_URL=os.environ.get("REDIS_URL", ""),
        WECHAT_APPID="wxtestappid",
        WECHAT_SECRET="test-secret",
        WECHAT_TOKEN="test-token",
        WECHAT_AES_KEY=TEST_AES_KEY,
        WECHAT_API_BASE=fake_url,
        WECHAT_SHOWQRCODE_BASE=fake_url + "cgi-bin/showqrcode",
        MINIAPP_APPID="wxtestminiapp",
        MINIAPP_SECRET="test-miniapp-secret",
        SECRET_KEY=base64.urlsafe_b64encode(b"s" * 32).decode(),
        PII_KEY=base64.urlsafe_b64encode(b"p" * 32).decode(),
        LOG_LEVEL="WARNING",
        MEDIA_DIR=f"/tmp/scrm-test-media-{os.getpid()}",
        INBOUND__RESUME_INTERVAL_S="3600",  # a test resumes late replies itself (tests/bot/test_inbound.py)
    )
    env.update(overrides)
    return env


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With CI=true and real services configured, a skipped test is a failure: nothing may silently not run."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") == "true" and os.environ.get("REDIS_URL"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI with MariaDB and Redis configured: {report.longrepr}"


test_environ.__test__ = False  # a helper, not a test, when imported into test modules
TEST_DATABASE_URL = _test_database_url()


@pytest.fixture(scope="session")
def fake_wechat_server():
    with FakeWeChat() as fake:
        yield fake


@pytest.fixture
def fake_wechat(fake_wechat_server):
    fake_wechat_server.reset()
    return fake_wechat_server


@pytest.fixture(scope="session")
def fake_wechatpay_server():
    with FakeWeChatPay() as fake:
        yield fake


@pytest.fixture
def fake_wechatpay(fake_wechatpay_server):
    fake_wechatpay_server.reset()
    return fake_wechatpay_server


def wechatpay_environ(fake: FakeWeChatPay) -> dict[str, str]:
    """WECHATPAY__* for an app paying through ``fake`` (keys written to files, as in production)."""
    folder = f"{os.environ.get('PYTEST_TMP', '/tmp')}/scrm-test-wechatpay-{os.getpid()}"
    os.makedirs(folder, exist_ok=True)
    env = {}
    for key, value in fake.keys.settings(fake.url, "https://scrm.example/wechatpay/notify/transfer").items():
        if key in ("private_key", "platform_public_key"):
            path = f"{folder}/{key}.pem"
            with open(path, "w") as pem:
                pem.write(value)
            value = path
        env[f"WECHATPAY__{key.upper()}"] = value
    return env


@pytest.fixture(scope="session")
def settings(fake_wechat_server, fake_wechatpay_server):
    return load_settings(environ=test_environ(fake_wechat_server.url, **wechatpay_environ(fake_wechatpay_server)))


@pytest.fixture(scope="session")
async def session_resources(settings):
    await _drop_test_database(settings)
    await db.migrate(settings)
    resources = await Resources.open(settings)
    try:
        await resources.redis.ping()
    except Exception as exc:  # the reason is in the message
        pytest.fail(f"Redis at REDIS_URL is unreachable: {exc}")
    yield resources
    await resources.close()
    await _drop_test_database(settings)


async def _drop_test_database(settings) -> None:
    if db.dialect(settings.database_url) == "sqlite":
        path = settings.database_url[len("sqlite://") :]
        if os.path.exists(path):
            os.remove(path)
        return
    import aiomysql

    parsed = urlparse(settings.database_url)
    conn = await aiomysql.connect(
        host=parsed.hostname, port=parsed.port or 3306, user=parsed.username or "root", password=parsed.password or ""
    )
    try:
        async with conn.cursor() as cursor:
            await cursor.execute(f"DROP DATABASE IF EXISTS `{parsed.path.lstrip('/')}`")
    finally:
        conn.close()


@pytest.fixture
async def resources(session_resources):
    """The shared resources over an empty database and an empty Redis."""
    await follows.flush(session_resources)  # the test before's queued follows, not written into this one's data
    await _empty_database()
    await metrics.flush(session_resources.redis)  # counted by the test before, not to be seen in this one
    await session_resources.redis.flushdb()
    return session_resources


async def _empty_database() -> None:
    # Not aerich's own table: a later `migrate` (CLI tests, benches) must still see the revisions applied.
    models = [m for m in Tortoise.apps["models"].values() if m.__module__ != "aerich.models"]
    mysql = Tortoise.get_connection("default").capabilities.dialect == "mysql"
    async with in_transaction() as conn:
        if mysql:
            await conn.execute_script("SET FOREIGN_KEY_CHECKS=0")
        else:
            await conn.execute_script("PRAGMA defer_foreign_keys=ON")
        for model in models:
            await conn.execute_script(f"DELETE FROM {model._meta.db_table}")
        if mysql:
            await conn.execute_script("SET FOREIGN_KEY_CHECKS=1")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.asynccontextmanager
async def serving(settings, resources, name: str):
    """``async with serving(settings, resources, name) as url``: an app on a local port over shared resources."""
    app = create_app(settings, resources, name=name)
    port = free_port()
    srv = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    await srv.startup()
    await srv.before_start()
    await srv.after_start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await srv.before_stop()
        await srv.close()
        await srv.after_stop()


@pytest.fixture(scope="session")
async def server(session_resources):
    """The app serving on a local port, sharing the test process's resources."""
    async with serving(session_resources.settings, session_resources, "scrm_test") as url:
        yield url


@pytest.fixture(scope="session")
async def plain_server(session_resources):
    """The app in plain mode: no EncodingAESKey configured."""
    settings = dataclasses.replace(session_resources.settings, wechat_aes_key="")
    async with serving(settings, session_resources, "scrm_plain") as url:
        yield url


@pytest.fixture
async def http(server, resources):
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        yield client


@pytest.fixture
def wx(server, settings, resources) -> WeChatSimulator:
    """Callbacks signed and encrypted (safe mode) by werobot; the follows, unfollows and scans an event queues are
    written before ``wx.event`` returns (``services.follows``)."""
    return WeChatSimulator(
        f"{server}/wechat",
        settings.wechat_token,
        settings.wechat_aes_key,
        settings.wechat_appid,
        settle=lambda: follows.flush(resources),
    )


@pytest.fixture
def wx_plain(plain_server, settings, resources) -> WeChatSimulator:
    """Plain-mode callbacks, to the plain-mode app."""
    return WeChatSimulator(
        f"{plain_server}/wechat",
        settings.wechat_token,
        settings.wechat_aes_key,
        settings.wechat_appid,
        aes=False,
        settle=lambda: follows.flush(resources),
    )


@pytest.fixture
def make_staff(resources):
    """``await make_staff("张三", bind_openid="o-zhang")``: an account, optionally bound to a WeChat user."""

    async def make(
        name: str, role: Role = Role.SALES, *, manager: Account | None = None, bind_openid: str | None = None
    ) -> Account:
        account, code = await accounts.create_staff(name, role, manager=manager)
        if bind_openid:
            await accounts.bind(resources.redis, bind_openid, code)
        return account

    return make


# ---- no outbound connections ----------------------------------------------------------------------

OUTBOUND_ATTEMPTS: list[str] = []
"""Connections tests tried to open outside this machine (checked and cleared after each test)."""


class OutboundConnection(AssertionError):
    """A test tried to reach a machine other than this one; outside platforms are local fakes."""


def _local(host: object) -> bool:
    """A loopback address, or none at all (0.0.0.0 and "" are for binding a local server)."""
    if host in (None, "", "localhost"):
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _refuse(what: str) -> None:
    OUTBOUND_ATTEMPTS.append(what)
    raise OutboundConnection(f"tests may only connect to 127.0.0.1, not {what}")


def _guard_connect(connect):
    def guarded(sock: socket.socket, address, *args):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(f"{address[0]}:{address[1]}")
        return connect(sock, address, *args)

    return guarded


def _guard_resolve(getaddrinfo):
    def guarded(host, *args, **kwargs):
        if not _local(host.decode() if isinstance(host, bytes) else host):
            _refuse(str(host))
        return getaddrinfo(host, *args, **kwargs)

    return guarded


@pytest.fixture(scope="session", autouse=True)
def _sockets_stay_on_this_machine():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _guard_connect(socket.socket.connect))
        patch.setattr(socket.socket, "connect_ex", _guard_connect(socket.socket.connect_ex))
        patch.setattr(socket, "getaddrinfo", _guard_resolve(socket.getaddrinfo))
        yield


@pytest.fixture(autouse=True)
def no_outbound_connections():
    """Fails a test that tried to connect outside 127.0.0.1, even if the code under test caught the error."""
    OUTBOUND_ATTEMPTS.clear()
    yield OUTBOUND_ATTEMPTS
    tried, OUTBOUND_ATTEMPTS[:] = list(OUTBOUND_ATTEMPTS), []
    if tried:
        pytest.fail(f"the test tried to connect outside 127.0.0.1: {', '.join(tried)}")
