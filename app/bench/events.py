"""``bench events``: tracking beacons accepted per second by a running server, and each stored exactly once.

Opens ``--views`` page views (one visitor, phone browser), then sends ``--n`` beacons of ``--per-beacon``
click events over keep-alive connections to ``POST /h5/events``, waits until the servers have written the
queue, and counts the stored events: ``stored`` must equal ``accepted`` (none lost, none twice). Run the
server with the beacon limit raised (``H5__BEACONS_PER_IP_PER_MIN=100000000``) and its database and Redis
in this process's environment. Last line: JSON with events_per_s, accepted, stored.
"""

from __future__ import annotations

import asyncio
import json
import time

import httpx

from app.bench import http
from h5 import identity
from models import TrackEvent
from models.enums import EventKind
from services import tracking
from services.resources import opened

PHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
TARGETS = ("tel", "photo", "video", "nav_amap", "nav_tencent", "panorama", "form")


def register(sub) -> None:
    p = sub.add_parser("events", help="tracking beacons accepted per second, each stored exactly once")
    p.add_argument("--url", default="http://127.0.0.1:8000/h5/listings/A1", help="a listing page of the server")
    p.add_argument("--n", type=int, default=10000, help="beacons")
    p.add_argument("--per-beacon", type=int, default=10, help="events in one beacon (the page sends up to 20)")
    p.add_argument("--views", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument("--drain-timeout", type=float, default=120)
    p.set_defaults(func=run)


def run(settings, args) -> int:
    return http.run_sync(_run(settings, args))


async def _run(settings, args) -> int:
    cookie = f"{identity.COOKIE}={identity.cookie_value(settings, identity.Visitor(tracking.mint_visitor()))}"
    headers = {"User-Agent": PHONE_UA, "Cookie": cookie}
    async with httpx.AsyncClient(timeout=30, headers=headers) as client:
        pages = await asyncio.gather(*(client.get(args.url) for _ in range(args.views)))
    tokens = [
        json.loads(p.text.split('<script id="h5-config" type="application/json">', 1)[1].split("</script>", 1)[0])[
            "token"
        ]
        for p in pages
    ]
    base = args.url.split("/h5/", 1)[0]
    requests = []
    for n in range(args.n):
        body = json.dumps(
            {
                "t": tokens[n % len(tokens)],
                "e": [{"k": "click", "x": TARGETS[(n + i) % len(TARGETS)]} for i in range(args.per_beacon)],
            }
        )
        requests.append(
            http.build_request(f"{base}/h5/events", body.encode(), "text/plain").replace(
                b"Connection: keep-alive",
                f"Cookie: {cookie}\r\nUser-Agent: {PHONE_UA}\r\nConnection: keep-alive".encode(),
            )
        )
    result = await http.run(f"{base}/h5/events", requests, args.concurrency, expect=204)
    accepted = (result.n - result.errors) * args.per_beacon
    async with opened(settings) as resources:
        started = time.perf_counter()
        for _ in range(int(args.drain_timeout / 0.2)):  # the servers write the queue in the background
            if not await tracking.queued(resources.redis):
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(1)  # a batch popped last may still be in its insert
        drained_s = time.perf_counter() - started
        stored = await TrackEvent.filter(kind=EventKind.CLICK, token__in=tokens).count()
    summary = result.summary(bench="events", per_beacon=args.per_beacon, concurrency=args.concurrency)
    summary.update(
        events_per_s=round(accepted / result.seconds, 1),
        accepted=accepted,
        stored=stored,
        lost=max(0, accepted - stored),
        duplicated=max(0, stored - accepted),
        written_within_s=round(drained_s, 1),
    )
    http.print_summary(summary)
    return 0 if result.errors == 0 and stored == accepted else 1
