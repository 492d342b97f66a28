"""``serve``: the web service (official-account endpoint, mini-program API)."""

import asyncio
import logging
from functools import partial

from sanic import Sanic
from sanic.worker.loader import AppLoader

from app.factory import create_app
from core.config import Settings
from services.resources import opened


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the web service")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    asyncio.run(_preflight(settings))
    workers = args.workers
    if settings.embedded_redis and workers > 1:
        logging.getLogger(__name__).warning("embedded mode keeps state in one process: serving with 1 worker")
        workers = 1
    loader = AppLoader(factory=partial(create_app, settings))
    app = loader.load()
    if workers == 1:
        # No worker manager: it can miss a worker's startup ack and then ignore SIGTERM.
        app.prepare(host=args.host, port=args.port, single_process=True, access_log=False, motd=False)
        Sanic.serve_single(primary=app)
    else:
        app.prepare(host=args.host, port=args.port, workers=workers, access_log=False, motd=False)
        Sanic.serve(primary=app, app_loader=loader)
    return 0


async def _preflight(settings: Settings) -> None:
    """Fail here, with one line, rather than in each worker process: the database and PII_KEY are checked."""
    async with opened(settings):
        pass
