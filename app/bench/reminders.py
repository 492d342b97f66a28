"""``bench reminders``: N due follow-ups sent by W real worker processes, each exactly once.

Uses the configured database, Redis and WECHAT_API_BASE (point it at
``python -m tests.fakewechat --port N`` to count what arrives). The workers
start paused (``reminders:paused_until``), the follow-ups are created and
turned into notifications, then sending is resumed and timed until every
notification is settled. The bench's rows are deleted afterwards.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app import processes
from app.bench.http import print_summary
from app.commands import command
from core import db
from core.config import Settings
from models import Account, Client, FollowUp, Notification, WechatUser
from models.enums import NotificationStatus, Role
from services import outbox, reminders
from services.resources import Resources

SALESPEOPLE = 20
SETTLED = (NotificationStatus.SENT, NotificationStatus.FAILED, NotificationStatus.CANCELLED)


def register(sub) -> None:
    p = sub.add_parser("reminders", help="due reminders sent per second by worker processes")
    p.add_argument("--n", type=int, default=5000, help="distinct due reminders")
    p.add_argument("--workers", type=int, default=2, help="worker processes")
    p.add_argument("--timeout", type=float, default=300, help="give up after this many seconds")
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    if settings.embedded_redis:
        print("bench reminders needs REDIS_URL (worker processes share Redis)")
        return 2
    asyncio.run(db.migrate(settings))
    return command(_run)(settings, args)


async def _run(resources: Resources, args) -> int:
    settings = resources.settings
    run_id = secrets.token_hex(4)
    workers: list[subprocess.Popen] = []
    try:
        now = datetime.now(timezone.utc)
        # Workers idle until the clock starts; the digest of today is not part of this bench.
        await resources.redis.set(outbox.PAUSE_KEY, str(now.timestamp() + 3600))
        await resources.redis.set(reminders.DIGEST_DONE_KEY.format(day=_local_day(settings, now)), "1", ex=86400)
        env = {**os.environ, "REMINDERS__POLL_INTERVAL_S": "0.05"}
        workers = [subprocess.Popen([sys.executable, "-m", "app", "worker"], env=env) for _ in range(args.workers)]
        started = time.perf_counter()
        salespeople = await _make_followups(run_id, args.n, now - timedelta(minutes=1))
        scheduling = time.perf_counter()
        await reminders.queue_due(settings, now=now)
        schedule_s = time.perf_counter() - scheduling
        await asyncio.sleep(max(0.0, 3 - (time.perf_counter() - started)))  # let the workers start
        mine = Notification.filter(recipient_id__in=salespeople)
        fake_before = _fake_stats(settings)
        await resources.redis.delete(outbox.PAUSE_KEY)
        clock = time.perf_counter()
        while (settled := await mine.filter(status__in=SETTLED).count()) < args.n:
            if time.perf_counter() - clock > args.timeout or any(w.poll() is not None for w in workers):
                break
            await asyncio.sleep(0.05)
        seconds = time.perf_counter() - clock
        counts = {status.value: await mine.filter(status=status).count() for status in NotificationStatus}
        fake_after = _fake_stats(settings)
        summary = {
            "bench": "reminders",
            "n": args.n,
            "workers": args.workers,
            "batch_size": settings.reminders.batch_size,
            "send_concurrency": settings.reminders.send_concurrency,
            "seconds": round(seconds, 3),
            "schedule_s": round(schedule_s, 3),
            **{k: v for k, v in counts.items() if v or k in ("sent", "failed")},
            "per_s": round(counts["sent"] / seconds, 1) if seconds else 0,
        }
        if fake_before is not None and fake_after is not None:
            summary["fake_delivered"] = fake_after["delivered"] - fake_before["delivered"]
            summary["fake_duplicates"] = fake_after["duplicates"] - fake_before["duplicates"]
        print_summary(summary)
        return 0 if settled == args.n and counts["sent"] == args.n else 1
    finally:
        processes.stop(workers, timeout=15)
        await resources.redis.delete(outbox.PAUSE_KEY)
        await _clean_up(run_id)


async def _make_followups(run_id: str, n: int, due: datetime) -> list[int]:
    """N clients of SALESPEOPLE bound salespeople (their ids), each with one open follow-up due at ``due``."""
    accounts = [Account(name=f"bench-{run_id}-{i}", role=Role.SALES) for i in range(SALESPEOPLE)]
    await Account.bulk_create(accounts)
    accounts = await Account.filter(name__startswith=f"bench-{run_id}-").order_by("id")
    await WechatUser.bulk_create(
        [WechatUser(openid=f"bench-{run_id}-{a.id}", account_id=a.id, subscribed=True) for a in accounts]
    )
    await Client.bulk_create(
        [Client(company=f"bench-{run_id}-{i}", owner_id=accounts[i % SALESPEOPLE].id) for i in range(n)],
        batch_size=1000,
    )
    clients = await Client.filter(company__startswith=f"bench-{run_id}-").values_list("id", flat=True)
    await FollowUp.bulk_create(
        [
            FollowUp(client_id=c, content="bench", happened_at=due - timedelta(days=1), next_at=due, remind_at=due)
            for c in clients
        ],
        batch_size=1000,
    )
    return [a.id for a in accounts]


async def _clean_up(run_id: str) -> None:
    clients = Client.filter(company__startswith=f"bench-{run_id}-")
    await clients.delete()  # their follow-ups and notifications with them
    accounts = Account.filter(name__startswith=f"bench-{run_id}-")
    await WechatUser.filter(account_id__in=await accounts.values_list("id", flat=True)).delete()
    await accounts.delete()


def _local_day(settings: Settings, now: datetime) -> str:
    return now.astimezone(ZoneInfo(settings.timezone)).date().isoformat()


def _fake_stats(settings: Settings) -> dict | None:
    """The fake WeChat server's delivery counters, if WECHAT_API_BASE is one (WeChat answers an errcode)."""
    try:
        with urllib.request.urlopen(settings.wechat_api_base + "_stats", timeout=5) as response:
            stats = json.load(response)
    except (OSError, ValueError):
        return None
    counters = ("delivered", "duplicates")
    if not isinstance(stats, dict) or not all(isinstance(stats.get(name), int) for name in counters):
        return None
    return stats
