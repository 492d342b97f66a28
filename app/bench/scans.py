"""``bench scans``: a follow burst through referral codes on a running official-account endpoint.

Creates ``--codes`` campaign codes, then sends ``--n`` signed (``--aes``: encrypted) ``subscribe`` events
with ``qrscene_<code>`` keys from distinct new users over ``--concurrency`` keep-alive connections, as
WeChat does when a shared poster goes viral. A request counts only if its answer is the passive welcome.
Afterwards every user must be attributed to the code they scanned, by exactly one attributed follow,
and every welcome must have come within WeChat's 5 s. Uses the server's database and Redis (this
process's environment); the bench's rows are deleted afterwards. Last line: JSON.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import cast

from app.bench import http
from app.callbacks import CallbackSigner
from bot import texts
from core import db
from core.config import Settings
from models import ReferralEvent, ReferralScene, WechatUser
from models.enums import ReferralEventKind
from services.referrals import attribution
from services.resources import opened

DEADLINE_MS = 5000
"""WeChat drops a passive reply that takes longer."""


def register(sub) -> None:
    p = sub.add_parser("scans", help="a burst of follows through referral codes: attribution and welcome latency")
    p.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    p.add_argument("--n", type=int, default=5000, help="distinct users following")
    p.add_argument("--codes", type=int, default=20, help="campaign codes they scan")
    p.add_argument("--concurrency", type=int, default=100)
    p.add_argument("--aes", action="store_true", help="safe mode: encrypt with WECHAT_AES_KEY")
    p.set_defaults(func=run)


def run(settings: Settings, args) -> int:
    if args.aes and not settings.wechat_aes_key:
        print("--aes needs WECHAT_AES_KEY set (the same as the server's)")
        return 2
    return http.run_sync(_run(settings, args))


async def _run(settings: Settings, args) -> int:
    await db.migrate(settings)
    run_id = secrets.token_hex(4)
    openids = [f"scan-{run_id}-{n}" for n in range(args.n)]
    async with opened(settings):
        scenes = [await attribution.create_campaign(f"bench-{run_id}-{n}") for n in range(args.codes)]
        try:
            expected = {openid: scenes[n % len(scenes)] for n, openid in enumerate(openids)}
            signer = CallbackSigner(settings, aes=args.aes)
            requests = []
            for openid, scene in expected.items():
                query, body = signer.event(openid, "subscribe", f"qrscene_{scene.scene}")
                requests.append(http.build_request(f"{args.url}?{query}", body))

            def welcomed(body: bytes) -> bool:
                return signer.reply_text(body.decode()) == texts.VISITOR_WELCOME

            result = await http.run(args.url, requests, args.concurrency, check=welcomed)
            summary = result.summary(bench="scans", aes=args.aes, concurrency=args.concurrency, codes=args.codes)
            await _settled(openids)
            summary.update(await _attribution(expected), max_ms=round(max(result.latencies_ms), 1))
            summary["over_deadline"] = sum(ms >= DEADLINE_MS for ms in result.latencies_ms)
        finally:
            await _clean_up(openids, scenes)
    http.print_summary(summary)
    ok = (
        result.errors == 0
        and summary["attributed_right"] == args.n
        and summary["attributed_twice"] == 0
        and summary["over_deadline"] == 0
    )
    return 0 if ok else 1


async def _settled(openids: list[str], *, quiet_s: float = 3, timeout_s: float = 120) -> None:
    """Wait while follows answered late (by customer-service message) are still being recorded."""
    seen, quiet, waited = -1, 0.0, 0.0
    while quiet < quiet_s and waited < timeout_s:
        stored = await ReferralEvent.filter(wechat_user__openid__in=openids).count()
        quiet = quiet + 0.5 if stored == seen else 0.0
        seen = stored
        await asyncio.sleep(0.5)
        waited += 0.5


async def _attribution(expected: dict[str, ReferralScene]) -> dict[str, int]:
    """How many users are attributed to the code they scanned, and how many have more than one attributed follow."""
    users = {
        row["openid"]: row
        for row in await WechatUser.filter(openid__in=list(expected)).values("id", "openid", "referral_scene_id")
    }
    right = sum(1 for openid, scene in expected.items() if users.get(openid, {}).get("referral_scene_id") == scene.id)
    follows = await ReferralEvent.filter(
        wechat_user_id__in=[u["id"] for u in users.values()], kind=ReferralEventKind.FOLLOW, attributed=True
    ).values_list("wechat_user_id", flat=True)
    counts: dict[int, int] = {}
    for user_id in cast("list[int]", follows):  # flat=True gives the values; tortoise types them as tuples
        counts[user_id] = counts.get(user_id, 0) + 1
    return {
        "users_stored": len(users),
        "attributed_right": right,
        "attributed_twice": sum(1 for n in counts.values() if n > 1),
    }


async def _clean_up(openids: list[str], scenes: list[ReferralScene]) -> None:
    """The bench's rows (the unionid jobs its follows queued then find no user, so a worker drops them)."""
    await ReferralEvent.filter(scene_id__in=[s.id for s in scenes]).delete()
    await WechatUser.filter(openid__in=openids).delete()
    await ReferralScene.filter(id__in=[s.id for s in scenes]).delete()
