"""``bench chat``: staff searches end to end, signed request to reply, through /wechat.

Binds a bench WeChat user to a sales account through services (same database
as the server), then sends N signed ``找…`` messages (random places, types,
areas, ceilings, rents). Last line: JSON with p50_ms and p95_ms.
"""

from __future__ import annotations

import asyncio
import random
import secrets

from app import demo
from app.bench import http
from app.bench.match import random_criteria
from app.callbacks import CallbackSigner, msg_ids
from core.config import Settings
from models import WechatUser
from services import accounts
from services.resources import Resources

TYPE_WORDS = {"factory": "厂房", "warehouse": "仓库", "office": "研发楼"}


def register(sub) -> None:
    p = sub.add_parser("chat", help="latency of staff searches through the signed /wechat endpoint")
    p.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--aes", action="store_true", help="safe mode: encrypt with WECHAT_AES_KEY")
    p.add_argument("--seed", type=int, default=11)
    p.set_defaults(func=run)


def search_text(rng: random.Random, regions: dict) -> str:
    c = random_criteria(rng, regions)
    parts = [f"找{c.region}"]
    if c.area_max:
        parts.append(f"{c.area_min}-{c.area_max}平")
    elif c.area_min:
        parts.append(f"{c.area_min}平以上")
    if c.property_type:
        parts.append(TYPE_WORDS[c.property_type])
    if c.ceiling_height_min:
        parts.append(f"层高{c.ceiling_height_min}米以上")
    if c.rent_max:
        parts.append(f"租金{c.rent_max}以内")
    return " ".join(parts)


async def bench_openid(settings: Settings) -> str:
    """An openid bound to a demo salesperson (bound through services, as 绑定 would)."""
    resources = await Resources.open(settings)
    try:
        team, _ = await demo.seed_team()
        sales = team[1]
        user = await WechatUser.filter(account_id=sales.id).first()
        if user is not None and user.openid:
            return user.openid
        openid = f"bench-chat-{secrets.token_hex(4)}"
        await accounts.bind(resources.redis, openid, await accounts.issue_bind_code(sales))
        return openid
    finally:
        await resources.close()


def signed_requests(settings: Settings, args, openid: str) -> list[bytes]:
    signer = CallbackSigner(settings, aes=args.aes)
    rng = random.Random(args.seed)
    out = []
    for _, msg_id in zip(range(args.n), msg_ids(), strict=False):
        query, body = signer.text(openid, search_text(rng, settings.regions), msg_id)
        out.append(http.build_request(f"{args.url}?{query}", body))
    return out


def search_reply_checker(settings: Settings, aes: bool):
    """True for a passive reply listing results (or saying there are none): not "success", not an error text."""
    signer = CallbackSigner(settings, aes=aes)

    def check(body: bytes) -> bool:
        text = signer.reply_text(body.decode())
        return text is not None and ("找到" in text or "没有符合条件的房源" in text)

    return check


def run(settings: Settings, args) -> int:
    if args.aes and not settings.wechat_aes_key:
        print("--aes needs WECHAT_AES_KEY set (the same as the server's)")
        return 2
    openid = asyncio.run(bench_openid(settings))
    requests = signed_requests(settings, args, openid)
    result = http.run_sync(
        http.run(args.url, requests, args.concurrency, check=search_reply_checker(settings, args.aes))
    )
    http.print_summary(result.summary(bench="chat", aes=args.aes, concurrency=args.concurrency))
    return 0 if result.errors == 0 else 1
