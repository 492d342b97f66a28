"""Real worker processes on MariaDB and Redis: one killed mid-batch, every reminder still sent exactly once."""

import asyncio
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import pytest

from app import processes
from models import FollowUp, Notification
from models.enums import NotificationStatus
from services import reminders
from tests.conftest import test_environ

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="worker processes need a shared Redis and database (CI=true)"
)

TEMPLATE = "cgi-bin/message/template/send"
N = 60


async def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def all_sent() -> bool:
    return await Notification.filter(kind=reminders.FOLLOWUP_DUE, status=NotificationStatus.SENT).count() == N


@pytest.fixture
def start_worker(fake_wechat, tmp_path):
    started: list[subprocess.Popen] = []
    env = test_environ(
        fake_wechat.url,
        REMINDERS__LEASE_S="2",
        REMINDERS__POLL_INTERVAL_S="0.05",
        REMINDERS__BATCH_SIZE="10",
        REMINDERS__SEND_CONCURRENCY="2",
        REMINDERS__SCAN_INTERVAL_S="1",
    )

    def start() -> subprocess.Popen:
        log = open(tmp_path / f"worker{len(started)}.log", "wb")
        started.append(subprocess.Popen([sys.executable, "-m", "app", "worker"], env=env, stdout=log, stderr=log))
        return started[-1]

    yield start
    processes.stop(started)


async def test_two_workers_one_killed_mid_batch_send_every_reminder_exactly_once(
    resources, settings, sales, make_followup, fake_wechat, delivered, start_worker
):
    now = datetime.now(timezone.utc)
    for i in range(N):
        await make_followup(sales, now - timedelta(minutes=1), company=f"客户{i}")
    await reminders.queue_due(settings, now=now)
    # The access token is fetched first, so the kill lands on a send rather than on the token
    # refresh lock (a process killed holding it makes the others wait for the lock's TTL).
    await resources.wechat.user.info("o-zhang")
    fake_wechat.delay(TEMPLATE, 0.05)
    victim, survivor = start_worker(), start_worker()

    async def victim_holds_a_batch() -> bool:
        return await Notification.filter(
            status=NotificationStatus.SENDING, claimed_by__contains=f":{victim.pid}:"
        ).exists()

    await wait_for(victim_holds_a_batch)
    victim.kill()
    await wait_for(all_sent)

    notifications = await Notification.filter(kind=reminders.FOLLOWUP_DUE)
    assert {n.status for n in notifications} == {NotificationStatus.SENT}
    assert any(n.attempts == 2 for n in notifications), "the killed worker's batch was sent again"
    sent = delivered("followup_due")
    assert sorted(t["client_msg_id"] for t in sent) == sorted(n.client_msg_id for n in notifications)
    assert not await FollowUp.filter(reminded_at=None).exists()
    assert survivor.poll() is None
