"""``bench miniapp``: the mini-program API under load (search, detail) on a running server.

Logs in ``--users`` mini-program users (the server must reach a WeChat stand-in:
``python -m tests.fakewechat``), then sends ``--requests`` GETs over keep-alive
connections: 3 in 4 are searches with random criteria, the rest listing details.
Run the server with rate limits raised (``RATE_LIMITS__PER_IP_PER_MIN``), or
the bench measures 429s. Last line: JSON with per_s, p50_ms, p95_ms.
"""

from __future__ import annotations

import random
import secrets
from urllib.parse import urlencode, urlsplit

import httpx

from app.bench import http
from core.config import Settings

API = "/api/mp/v1"


def register(sub) -> None:
    p = sub.add_parser("miniapp", help="throughput and latency of the mini-program API on a running server")
    p.add_argument("--url", default="http://127.0.0.1:8000")
    p.add_argument("--requests", type=int, default=5000)
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=run)


def get_request(url: str, token: str) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return (
        f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: Bearer {token}\r\n"
        f"Connection: keep-alive\r\n\r\n"
    ).encode()


def random_query(rng: random.Random, regions: dict) -> dict:
    city = rng.choice(list(regions))
    query: dict = {"region": rng.choice([city, *regions[city]]) if regions[city] else city, "limit": 20}
    if rng.random() < 0.6:
        query["area_min"] = rng.choice([500, 1000, 2000, 5000])
    if rng.random() < 0.3:
        query["property_type"] = rng.choice(["factory", "warehouse"])
    return query


def run(settings: Settings, args) -> int:
    return http.run_sync(_run(settings, args))


async def _run(settings: Settings, args) -> int:
    rng = random.Random(args.seed)
    async with httpx.AsyncClient(base_url=args.url, timeout=30) as client:
        tokens = []
        for n in range(args.users):
            response = await client.post(f"{API}/auth/login", json={"code": f"bench{n}:{secrets.token_hex(4)}"})
            response.raise_for_status()
            tokens.append(response.json()["token"])
        first = (
            await client.get(f"{API}/listings", params={"limit": 50}, headers={"Authorization": f"Bearer {tokens[0]}"})
        ).json()["items"]
    ids = [item["id"] for item in first] or [1]
    requests = []
    for n in range(args.requests):
        token = tokens[n % len(tokens)]
        if rng.random() < 0.75:
            url = f"{args.url}{API}/listings?{urlencode(random_query(rng, settings.regions))}"
        else:
            url = f"{args.url}{API}/listings/{rng.choice(ids)}"
        requests.append(get_request(url, token))
    result = await http.run(args.url, requests, args.concurrency)
    http.print_summary(
        result.summary(bench="miniapp", users=args.users, concurrency=args.concurrency, listings_seen=len(ids))
    )
    return 0
