"""``worker``: run queued jobs, the periodic reminder scan and the notification sender."""

import asyncio
import logging
import signal

from app import worker
from app.commands import command
from core import logs
from core.config import Settings
from services.resources import Resources

log = logging.getLogger(__name__)


def register(sub) -> None:
    p = sub.add_parser("worker", help="run the job worker (jobs, reminders, notifications)")
    p.add_argument("--burst", action="store_true", help="run the queued jobs, then exit")
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    if settings.embedded_redis:
        print("worker needs REDIS_URL: in embedded mode `serve` runs the worker in-process")
        return 2
    logs.configure(settings.log_level)
    return command(_run)(settings, args)


async def _run(resources: Resources, args) -> int:
    job_worker = worker.build(resources, burst=args.burst)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    running = asyncio.ensure_future(job_worker.async_run())
    stopping = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        log.info("worker stopping")
        await job_worker.close()
        running.cancel()
        stopping.cancel()
    return 0
