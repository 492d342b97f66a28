"""``stats listings [--since DAY] [--json]``: H5 figures per listing, sharer and channel, and forwarding trees."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from app.commands import command
from services import listing_stats
from services.resources import Resources

COLUMNS = ("views", "visitors", "avg_dwell_s", "shares", "poster_scans", "consultations", "viewings", "deals")
HEADERS = ("浏览", "访客", "停留秒", "分享带来", "海报扫码", "咨询", "带看", "成交")


def register(sub) -> None:
    p = sub.add_parser("stats", help="figures of the H5 pages")
    what = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    listings = what.add_parser(
        "listings",
        help="views, visitors, dwell, shares, scans, consultations, viewings, deals per listing, sharer and channel",
    )
    listings.add_argument("--since", type=_day, help="first day (YYYY-MM-DD, business time zone); default 7 days ago")
    listings.add_argument("--json", action="store_true", help="print JSON only")
    listings.set_defaults(func=command(_run))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-11-23") from None


async def _run(resources: Resources, args) -> int:
    tz = ZoneInfo(resources.settings.timezone)
    now = datetime.now(timezone.utc)
    first = args.since or (now.astimezone(tz).date() - timedelta(days=6))
    since = datetime.combine(first, datetime.min.time(), tz).astimezone(timezone.utc)
    report = await listing_stats.report(since=since, until=now + timedelta(seconds=1), resources=resources)
    if args.json:
        print(
            json.dumps(
                {"since": first.isoformat(), **{by: [row.as_json() for row in rows] for by, rows in report.items()}},
                ensure_ascii=False,
            )
        )
        return 0
    print(f"H5 figures since {first.isoformat()} ({resources.settings.timezone})")
    for by, title in (("listing", "房源"), ("sharer", "分享人"), ("channel", "渠道")):
        print(f"\n{title}")
        print(f"{'':<24}" + "".join(f"{h:>8}" for h in HEADERS) + ("   深度 裂变系数" if by == "listing" else ""))
        for row in report[by]:
            line = f"{row.name[:24]:<24}" + "".join(f"{getattr(row.figures, c):>10}" for c in COLUMNS)
            if row.tree is not None:
                line += f"{row.tree.depth:>6} {row.tree.fission:>7}"
            print(line)
        if not report[by]:
            print("(none)")
    return 0
