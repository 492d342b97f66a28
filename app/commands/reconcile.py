"""``reconcile [--day YYYY-MM-DD]``: the payout reconciliation on demand (the worker runs it daily); last line JSON.

Exit status 1 when it finds a difference (admins are told as by the daily run).
"""

import json
from datetime import date

from app.commands import command
from services import payouts


def register(sub) -> None:
    p = sub.add_parser("reconcile", help="compare the commission ledger with withdrawals and WeChat Pay's transfers")
    p.add_argument(
        "--day",
        type=date.fromisoformat,
        default=None,
        help="business day whose transfers to check (default yesterday); open ones are always checked",
    )
    p.set_defaults(func=command(_run))


async def _run(resources, args) -> int:
    report = await payouts.reconcile(resources, day=args.day)
    for line in report.differences:
        print(line)
    print(
        json.dumps(
            {
                "day": report.day.isoformat(),
                "accounts": report.accounts,
                "transfers": report.transfers,
                "differences": len(report.differences),
            }
        )
    )
    return 1 if report.differences else 0
