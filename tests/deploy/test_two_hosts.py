"""Two web hosts behind nginx (deploy/nginx.conf), the worker on one, MariaDB and Redis shared; a web host dies
mid-run. Nothing is lost or done twice: every follow-up is stored once (WeChat's retries reach the surviving
host), every reminder is sent once, and no session or rate limit is known to one host only.

The hosts are Linux network namespaces with their own addresses (tests/hosts.py); the test talks to nginx only:
its main port as WeChat and the mini-program do, and a port per host that reaches that host alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from tortoise.transactions import in_transaction

from models import Account, Client, FollowUp, InboundMessage, Notification
from models.enums import InboundStatus, NotificationStatus, Role, Stage
from services import reminders, staff_sessions
from tests import hosts
from tests.conftest import TEST_DATABASE_URL, free_port, test_environ
from tests.wx import Sent, WeChatSimulator, text_xml

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.environ.get("DATABASE_URL", "").startswith("mysql://") and os.environ.get("REDIS_URL")),
        reason="hosts share MariaDB and Redis; make test runs this with CI=true",
    ),
]

RATE_LIMIT = 6  # mini-program requests per user per minute, counted by whichever host answers
TEMPLATE_SEND = "cgi-bin/message/template/send"
COMPANIES = [
    ["华兴精密", "恒丰五金", "新锐医疗器械", "康达物流", "宏远电子", "金桥模具"],
    ["永盛包装", "天成塑胶", "博远机械", "瑞丰纺织", "海纳光电", "鼎盛汽配"],
    ["中科新材", "润泽食品", "东方印务", "远航船舶", "明辉照明", "嘉禾家具"],
]
KILLED_MID_MESSAGE = "锦程仓储"
DUE_REMINDERS = 12


@dataclass
class Deployment:
    url: str
    """nginx's main port: what WeChat and the mini-program reach."""
    via: dict[str, str]
    """Host name -> an nginx port that reaches that host only."""
    hosts: dict[str, hosts.Host]
    logs: list[Path]

    def upstream(self, name: str) -> str:
        return f"{self.hosts[name].address}:8000"


def _relayed(net: hosts.Network, url: str, default_port: int) -> str:
    """``url`` of a service on this machine's 127.0.0.1, as the hosts reach it: through the bridge."""
    parsed = urlsplit(url)
    assert parsed.hostname in ("127.0.0.1", "localhost"), f"{url}: the relays reach services on 127.0.0.1 only"
    user = parsed.netloc.rpartition("@")[0]
    relay = net.relay(parsed.port or default_port)
    return parsed._replace(netloc=f"{user}@{relay}" if user else relay).geturl()


async def _until_serving(urls: list[str], deployment_logs: list[Path], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(timeout=5) as http:
        for url in urls:
            while True:
                with contextlib.suppress(httpx.TransportError):
                    if (await http.get(f"{url}/healthz")).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    pytest.fail(f"the hosts did not start:\n{_tails(deployment_logs)}")
                await asyncio.sleep(0.2)


def _tails(logs: list[Path]) -> str:
    return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-1500:]}" for log in logs if log.exists())


@pytest.fixture
async def deployment(resources, fake_wechat, tmp_path):
    """Hosts a and b each serving the app (``python -m app serve`` on its own address), the worker on b, nginx in
    front. Everything is stopped and removed at the end, also when the test fails."""
    for tool in ("ip", "socat", "nginx"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (make test installs it)")
    if os.geteuid() != 0:
        pytest.skip("network namespaces need root")
    with hosts.network(2) as net:
        a, b = net.hosts
        env = test_environ(
            _relayed(net, fake_wechat.url, 80),
            DATABASE_URL=_relayed(net, TEST_DATABASE_URL, 3306),
            REDIS_URL=_relayed(net, os.environ["REDIS_URL"], 6379),
            PROXIES_COUNT="1",
            RATE_LIMITS__PER_OPENID_PER_MIN=str(RATE_LIMIT),
            INBOUND__LEASE_S="3",
            INBOUND__RESUME_INTERVAL_S="1",
            REMINDERS__SCAN_INTERVAL_S="1",
            REMINDERS__POLL_INTERVAL_S="0.2",
            MEDIA_DIR=str(tmp_path / "media"),
        )
        env["WECHAT_SHOWQRCODE_BASE"] = env["WECHAT_API_BASE"] + "cgi-bin/showqrcode"
        serve = [sys.executable, "-m", "app", "serve", "--port", "8000", "--host"]
        logs = [tmp_path / "a-web.log", tmp_path / "b-web.log", tmp_path / "b-worker.log", tmp_path / "nginx.out"]
        a.run([*serve, a.address], env=env, log=logs[0])
        b.run([*serve, b.address], env=env, log=logs[1])
        b.run([sys.executable, "-m", "app", "worker"], env=env, log=logs[2])
        port, probes = free_port(), {free_port(): a.address, free_port(): b.address}
        nginx = hosts.start_nginx(
            hosts.nginx_config(tmp_path, port=port, upstreams=[a.address, b.address], probes=probes)
        )
        try:
            via = dict(zip("ab", (f"http://127.0.0.1:{probe}" for probe in probes), strict=True))
            await _until_serving(list(via.values()), logs + [tmp_path / "error.log"])
            yield Deployment(f"http://127.0.0.1:{port}", via, {"a": a, "b": b}, logs)
        finally:
            hosts.stop(nginx)
            print(_tails(logs + [tmp_path / "error.log"]))  # shown when the test fails


def answered_by(response: httpx.Response) -> str:
    """The host that gave the answer: the last that nginx tried (one host's own port: that host)."""
    tried = response.headers.get("x-upstream")
    return tried.split(", ")[-1] if tried else f"{response.url.host}:{response.url.port}"


@dataclass
class Delivery:
    tries: list[str] = field(default_factory=list)
    """What each try met: ``200 <upstream>``, ``502 <upstream>``, ``timeout``..."""
    sent: Sent | None = None


class WeChat:
    """Delivers callbacks through nginx as WeChat does: a try that fails or takes over 5 s is made again 5 s after
    it began, the same message (same MsgId) under a fresh signature, 3 tries in all."""

    def __init__(self, url: str, settings) -> None:
        self.url = url
        self.simulator = WeChatSimulator(
            f"{url}/wechat", settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid
        )

    async def deliver(self, http: httpx.AsyncClient, xml: str, *, first_try_at: str | None = None) -> Delivery:
        """``first_try_at``: where the first try goes (an nginx port of one host); the retries go to nginx."""
        delivery = Delivery()
        loop = asyncio.get_running_loop()
        for attempt in range(3):
            began = loop.time()
            query, body = self.simulator.envelope(xml)
            url = f"{first_try_at if attempt == 0 and first_try_at else self.url}/wechat"
            try:
                response = await http.post(url, params=query, content=body.encode(), timeout=5)
            except httpx.TransportError as exc:
                delivery.tries.append(type(exc).__name__)
            else:
                delivery.tries.append(f"{response.status_code} {answered_by(response)}")
                if response.status_code == 200:
                    delivery.sent = self.simulator.read(response)
                    return delivery
            await asyncio.sleep(max(0.0, began + 5 - loop.time()))
        raise AssertionError(f"WeChat gave up after 3 tries: {delivery.tries}")


def followup(company: str) -> str:
    return f"跟进 {company} 张总 明天下午3点带看"


def answered(delivery: Delivery, company: str) -> bool:
    """The follow-up was confirmed, or (late) WeChat was told success and the reply goes by customer service."""
    assert delivery.sent is not None
    return f"已记录跟进：{company}" in delivery.sent.text or delivery.sent.body == "success"


@contextlib.asynccontextmanager
async def client_row_held(client: Client):
    """A slow database for this client: its row is written and held (a row lock) until the block ends."""
    async with in_transaction():
        await Client.filter(id=client.id).update(company=client.company)
        yield


async def make_due_reminders(owner: Account, count: int, start: int) -> None:
    """Follow-ups of ``owner`` due a minute ago, each on its own client: the worker reminds each once."""
    due = datetime.now(timezone.utc) - timedelta(minutes=1)
    for i in range(start, start + count):
        client = await Client.create(company=f"待提醒客户{i}", owner=owner, stage=Stage.VIEWING, next_followup_at=due)
        await FollowUp.create(client=client, author=owner, content="回访", happened_at=due, next_at=due)


async def no_late_reply_open() -> bool:
    return not await InboundMessage.exclude(status=InboundStatus.DONE).exists()


async def wait_for(condition, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.2)


async def test_a_web_host_killed_mid_run_loses_nothing_and_does_nothing_twice(
    deployment, resources, settings, make_staff, make_client, fake_wechat
):
    manager = await make_staff("王经理", Role.MANAGER, bind_openid="o-manager")
    senders = {}
    for i, companies in enumerate(COMPANIES):
        account = await make_staff(f"销售{i}", manager=manager, bind_openid=f"o-sales{i}")
        senders[f"o-sales{i}"] = [await make_client(account, company) for company in companies]
    held = await make_client(account, KILLED_MID_MESSAGE)
    await make_due_reminders(account, DUE_REMINDERS // 2, 0)
    wechat = WeChat(deployment.url, settings)
    via_a, via_b = deployment.via["a"], deployment.via["b"]

    async with httpx.AsyncClient(timeout=10) as http:
        # ---- with both hosts up: what one host made holds on the other ----
        # A mini-program token made on a works on b.
        token = (await http.post(f"{via_a}/api/mp/v1/auth/login", json={"code": "alice:1"})).json()["token"]
        alice = {"Authorization": f"Bearer {token}"}
        assert (await http.get(f"{via_b}/api/mp/v1/favorites", headers=alice)).status_code == 200

        # A back-office session started on b is live on a (sessions live in Redis).
        link = urlsplit(await staff_sessions.issue_link(resources, manager))
        page = await http.get(f"{via_a}{link.path}?{link.query}")
        form = dict(re.findall(r'name="(token|form_token)" value="([^"]*)"', page.text))
        signed_in = await http.post(f"{via_b}{link.path}", data=form)
        assert signed_in.status_code in (302, 303), signed_in.text
        assert (await http.get(f"{via_a}/bo/clients")).status_code == 200

        # A user's rate limit counts requests on both hosts: each host answers only half the limit's requests.
        if time.time() % 60 > 55:  # the fixed window must not roll over mid-burst
            await asyncio.sleep(60 - time.time() % 60 + 0.1)
        token = (await http.post(f"{via_b}/api/mp/v1/auth/login", json={"code": "bob:1"})).json()["token"]
        bob = {"Authorization": f"Bearer {token}"}
        statuses = [
            (await http.get(f"{deployment.via[host]}/api/mp/v1/favorites", headers=bob)).status_code
            for host in "ab" * (RATE_LIMIT // 2 + 1)
        ]
        assert statuses == [200] * RATE_LIMIT + [429, 429]

        # WeChat's retry of a slow message lands on the other host: answered alike, stored once.
        first = senders["o-sales0"].pop(0)
        xml = text_xml("o-sales0", followup(first.company))
        twice = await asyncio.gather(*(wechat.deliver(http, xml, first_try_at=url) for url in (via_a, via_b)))
        assert twice[0].sent.text == twice[1].sent.text and answered(twice[0], first.company)

        # ---- chat through nginx; host a dies mid-run, one message mid-way through it ----
        replies: list[tuple[str, Delivery]] = []

        async def salesperson(openid: str, clients: list[Client]) -> None:
            for client in clients:
                delivery = await wechat.deliver(http, text_xml(openid, followup(client.company)))
                replies.append((client.company, delivery))
                await asyncio.sleep(0.3)  # typing the next one: the run spans the crash

        chatting = asyncio.gather(*(salesperson(openid, clients) for openid, clients in senders.items()))
        while len(replies) < 4:
            await asyncio.sleep(0.02)
        async with client_row_held(held):
            mid_message = asyncio.ensure_future(
                wechat.deliver(http, text_xml("o-sales2", followup(held.company)), first_try_at=via_a)
            )
            await asyncio.sleep(0.4)  # a has the message and waits for the row, short of the reply deadline
            deployment.hosts["a"].crash()
        await make_due_reminders(account, DUE_REMINDERS - DUE_REMINDERS // 2, DUE_REMINDERS // 2)
        await chatting
        killed = await mid_message

        # The surviving host answers the mini-program with what a made (a request nginx sent to a before it
        # was known to be down waits for nginx's read timeout, then goes to b).
        after = await http.get(f"{deployment.url}/api/mp/v1/favorites", headers=alice, timeout=15)
        assert (after.status_code, answered_by(after)) == (200, deployment.upstream("b"))

    # Every message answered; the one a died with was answered by WeChat's retry, on b.
    assert all(answered(delivery, company) for company, delivery in replies), replies
    assert len(killed.tries) > 1 and killed.tries[-1] == f"200 {deployment.upstream('b')}", killed.tries
    assert answered(killed, held.company)
    # Every follow-up stored once (late replies finish first).
    clients = [first, held, *(client for clients in senders.values() for client in clients)]

    async def all_stored() -> bool:
        return await FollowUp.filter(client_id__in=[c.id for c in clients]).count() >= len(clients)

    await wait_for(all_stored, "every follow-up")
    await wait_for(no_late_reply_open, "the late replies")
    stored = Counter(await FollowUp.filter(client_id__in=[c.id for c in clients]).values_list("client_id", flat=True))
    assert stored == Counter(c.id for c in clients)

    # Every reminder sent once, by the worker on b.
    async def all_reminded() -> bool:
        sent = Notification.filter(kind=reminders.FOLLOWUP_DUE, status=NotificationStatus.SENT)
        return await sent.count() == DUE_REMINDERS

    await wait_for(all_reminded, "every reminder")
    notifications = await Notification.filter(kind=reminders.FOLLOWUP_DUE)
    sends = Counter(call.json["client_msg_id"] for call in fake_wechat.calls(TEMPLATE_SEND))
    assert {n.client_msg_id for n in notifications} <= set(sends)
    assert set(sends.values()) == {1} and fake_wechat.stats()["duplicates"] == 0
