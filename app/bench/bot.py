"""``bench bot``: signed (and encrypted) text messages against an official-account endpoint."""

from __future__ import annotations

import asyncio

from app.bench import http
from app.callbacks import CallbackSigner, msg_ids
from core.config import Settings
from models import WechatUser
from models.enums import Role
from services import accounts
from services.resources import Resources

STAFF_NAME = "压测员{}"


def register(sub) -> None:
    p = sub.add_parser("bot", help="throughput and latency of the /wechat endpoint")
    p.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    p.add_argument("--n", type=int, default=5000)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument("--aes", action="store_true", help="safe mode: encrypt with WECHAT_AES_KEY")
    p.add_argument("--users", type=int, default=200, help="distinct sender openids")
    p.add_argument(
        "--senders",
        choices=("visitors", "staff"),
        default="visitors",
        help="visitors: unbound followers (the visitor conversation); staff: openids bound to sales accounts, "
        "made in the server's database (DATABASE_URL) on first use",
    )
    p.add_argument("--text", default="帮助")
    p.add_argument(
        "--reference",
        metavar="URL",
        help="also bench this endpoint (e.g. WeRoBot's echo, tests/bench/werobot_echo.py), "
        "alternating runs, and report the throughput ratio",
    )
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds with --reference")
    p.set_defaults(func=run)


def openids(args) -> list[str]:
    prefix = "bench-staff" if args.senders == "staff" else "bench-user"
    return [f"{prefix}-{i}" for i in range(args.users)]


async def bind_staff(settings: Settings, openids: list[str]) -> None:
    """Bind each openid not bound yet to a sales account of its own, through services (as 绑定 would)."""
    resources = await Resources.open(settings)
    try:
        bound = {
            str(openid)
            for openid in await WechatUser.filter(openid__in=openids, account_id__not_isnull=True).values_list(
                "openid", flat=True
            )
        }
        for number, openid in enumerate(openids):
            if openid not in bound:
                _, code = await accounts.create_staff(STAFF_NAME.format(number), Role.SALES)
                await accounts.bind(resources.redis, openid, code)
    finally:
        await resources.close()


def messages(settings: Settings, args, url: str, senders: list[str]) -> list[bytes]:
    signer = CallbackSigner(settings, aes=args.aes)
    out = []
    for i, msg_id in zip(range(args.n), msg_ids(), strict=False):
        query, body = signer.text(senders[i % len(senders)], args.text, msg_id)
        out.append(http.build_request(f"{url}?{query}", body))
    return out


def run(settings: Settings, args) -> int:
    if args.aes and not settings.wechat_aes_key:
        print("--aes needs WECHAT_AES_KEY set (the same as the server's)")
        return 2
    senders = openids(args)
    if args.senders == "staff":
        asyncio.run(bind_staff(settings, senders))
    extra = {"bench": "bot", "senders": args.senders, "aes": args.aes, "concurrency": args.concurrency}
    if not args.reference:
        result = _bench(settings, args, args.url, senders)
        http.print_summary(result.summary(**extra))
        return 0 if result.errors == 0 else 1
    ours, reference = [], []
    for _ in range(args.rounds):
        reference.append(_bench(settings, args, args.reference, senders))
        ours.append(_bench(settings, args, args.url, senders))
    best, best_reference = max(ours, key=lambda r: r.n / r.seconds), max(reference, key=lambda r: r.n / r.seconds)
    ratio = (best.n / best.seconds) / (best_reference.n / best_reference.seconds)
    summary = best.summary(
        **extra,
        rounds=args.rounds,
        reference_per_s=round(best_reference.n / best_reference.seconds, 1),
        reference_p99_ms=best_reference.summary()["p99_ms"],
        errors_all_rounds=sum(r.errors for r in ours),
        ratio=round(ratio, 2),
    )
    http.print_summary(summary)
    return 0 if summary["errors_all_rounds"] == 0 else 1


def _bench(settings: Settings, args, url: str, senders: list[str]) -> http.Result:
    """One run of fresh messages (new MsgIds, so nothing is answered from the dedupe cache)."""
    requests = messages(settings, args, url, senders)
    return http.run_sync(http.run(url, requests, args.concurrency, check=lambda body: body.startswith(b"<xml>")))
