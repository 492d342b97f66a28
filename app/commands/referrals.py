"""``referrals``: stats per referral scene (scans, follows, leads, deals, conversion); last line JSON."""

import json

from app.commands import command
from services.referrals import stats as referral_stats
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("referrals", help="stats per referral code: scans, follows, leads, deals, conversion")
    p.set_defaults(func=command(_run))


async def _run(resources: Resources, args) -> int:
    rows = await referral_stats.per_scene()
    print(
        f"{'scene':<20} {'kind':<9} {'owner / name':<16} {'scans':>6} {'follows':>7} {'leads':>6} {'deals':>6} {'conv':>6}"
    )
    for scene, stats in rows:
        who = scene.owner.name if scene.owner else (scene.name or "")
        print(
            f"{scene.scene:<20} {scene.kind.value:<9} {who[:16]:<16} {stats['scans']:>6} {stats['follows']:>7} "
            f"{stats['leads']:>6} {stats['deals']:>6} {stats['conversion']:>6.1%}"
        )
    print(
        json.dumps(
            [{"scene": scene.scene, "kind": scene.kind.value, **stats} for scene, stats in rows], ensure_ascii=False
        )
    )
    return 0
