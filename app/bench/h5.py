"""``bench h5``: the listing page on a running server, against a bare Sanic handler serving the same bytes.

The page is requested as WeChat's browser of a signed-in visitor would (visitor cookie with a WeChat
user, WeChat's user agent), so every request does the real work: cached page content, a new share
token, the view queued for tracking, the JS-SDK signature over the exact URL. The server must reach a
WeChat stand-in for the jsapi_ticket (``python -m tests.fakewechat``). The reference
(``python -m tests.bench.bare_page``) fetches the page once and returns those bytes from memory.
Last line: JSON with per_s, p50_ms, p95_ms and, with ``--reference``, the ratio.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from app.bench import http
from h5 import identity
from services import tracking

WECHAT_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN"
)


def register(sub) -> None:
    p = sub.add_parser("h5", help="throughput and latency of an H5 listing page against a bare handler")
    p.add_argument("--url", default="http://127.0.0.1:8000/h5/listings/A1")
    p.add_argument("--reference", metavar="URL", help="the same page from tests/bench/bare_page.py")
    p.add_argument("--n", type=int, default=5000)
    p.add_argument("--concurrency", type=int, default=10)
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds with --reference")
    p.add_argument("--visitors", type=int, default=200, help="distinct signed-in visitors")
    p.set_defaults(func=run)


def get_request(url: str, headers: dict[str, str]) -> bytes:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n{lines}Connection: keep-alive\r\n\r\n".encode()


def requests_for(settings, args, url: str) -> list[bytes]:
    cookies = [
        identity.cookie_value(settings, identity.Visitor(tracking.mint_visitor(), 10_000 + n, True))
        for n in range(args.visitors)
    ]
    return [
        get_request(
            f"{url}?c=share&t={secrets.token_urlsafe(9)}",
            {"User-Agent": WECHAT_UA, "Cookie": f"{identity.COOKIE}={cookies[n % len(cookies)]}"},
        )
        for n in range(args.n)
    ]


def _bench(settings, args, url: str) -> http.Result:
    return http.run_sync(
        http.run(url, requests_for(settings, args, url), args.concurrency, check=lambda body: b'id="h5-config"' in body)
    )


def run(settings, args) -> int:
    if not args.reference:
        result = _bench(settings, args, args.url)
        http.print_summary(result.summary(bench="h5", concurrency=args.concurrency))
        return 0 if result.errors == 0 else 1
    ours, reference = [], []
    for _ in range(args.rounds):
        reference.append(_bench(settings, args, args.reference))
        ours.append(_bench(settings, args, args.url))
    best = max(ours, key=lambda r: r.n / r.seconds)
    best_reference = max(reference, key=lambda r: r.n / r.seconds)
    ratio = (best.n / best.seconds) / (best_reference.n / best_reference.seconds)
    summary = best.summary(
        bench="h5",
        concurrency=args.concurrency,
        rounds=args.rounds,
        reference_per_s=round(best_reference.n / best_reference.seconds, 1),
        reference_p95_ms=best_reference.summary()["p95_ms"],
        errors_all_rounds=sum(r.errors for r in ours),
        ratio=round(ratio, 2),
    )
    http.print_summary(summary)
    return 0 if summary["errors_all_rounds"] == 0 else 1
