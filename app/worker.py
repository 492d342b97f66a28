"""The job worker: runs queued tasks (services.tasks) and periodic jobs on arq.

``python -m app worker`` runs one in its own process; in embedded mode
``serve`` runs the same worker inside the web process.
"""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

import arq.worker
from arq import Worker
from redis.asyncio import Redis

from bot import notices
from bot.flows import media, referral, visitors  # noqa: F401  (importing them registers their chat tasks)
from services import (  # noqa: F401  (importing registers tasks)
    backups,
    commissions,
    payouts,
    ratings,
    reminders,
    rollups,
    runtime_settings,
    wechat_users,
)
from services.outbox import Sender
from services.referrals import codes  # noqa: F401
from services.resources import Resources
from services.tasks import TASKS


def build(resources: Resources, *, burst: bool = False, max_jobs: int = 20) -> Worker:
    if resources.settings.embedded_redis:
        # fakeredis has no INFO command, which arq only uses to log server stats.
        arq.worker.log_redis_info = _skip_redis_info
    return Worker(
        functions=list(TASKS.values()),
        cron_jobs=[
            *reminders.cron_jobs(resources.settings),
            *commissions.cron_jobs(resources.settings),
            *payouts.cron_jobs(resources.settings),
            *backups.cron_jobs(resources.settings),
            *rollups.cron_jobs(resources.settings),
            *ratings.cron_jobs(resources.settings),
        ],
        # cron times of day are business times; arq annotates datetime.timezone but takes any tzinfo
        timezone=ZoneInfo(resources.settings.timezone),  # type: ignore[arg-type]
        redis_pool=resources.queue,
        burst=burst,
        handle_signals=False,
        max_jobs=max_jobs,
        poll_delay=0.2,
        ctx={"resources": resources},
        keep_result=60,
        on_startup=None if burst else _start_sending,
        on_shutdown=None if burst else _stop_sending,
    )


async def _start_sending(ctx: dict) -> None:
    """Each worker process also sends the notification outbox (services.outbox) in a loop, with the settings
    changed at run time (services.runtime_settings)."""
    resources: Resources = ctx["resources"]
    ctx["settings_task"] = asyncio.ensure_future(runtime_settings.follow(resources, resources.settings))
    ctx["sender_stop"] = asyncio.Event()
    ctx["sender"] = asyncio.ensure_future(Sender(ctx["resources"], wording=notices.values).run(ctx["sender_stop"]))


async def _stop_sending(ctx: dict) -> None:
    ctx["sender_stop"].set()
    await ctx["sender"]
    ctx["settings_task"].cancel()


async def _skip_redis_info(redis: Redis, log_func) -> None:
    return None
