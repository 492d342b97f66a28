"""``bench withdrawals``: P partners withdraw at once; no fen may be lost or paid twice.

Each partner earns a commission from a recorded deal (released at once),
then every partner sends R simultaneous withdrawal requests of 40% of the
balance (so at most two can succeed). Managers approve everything, the
transfers go to an in-process fake WeChat Pay (tests/fakewechatpay.py); a
third are confirmed (with duplicate callbacks), a third expire unconfirmed,
a third are never answered and are cancelled by the sync job 25 hours later.
Then every partner's ledger is checked against what they earned and what the
fake actually paid, and the reconciliation must find no difference. Uses the
configured database; its rows are deleted afterwards.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from datetime import datetime, timedelta, timezone

from app.bench.http import print_summary
from app.commands import command
from core import db
from models import (
    Account,
    Client,
    Deal,
    Earning,
    LedgerEntry,
    LevelChange,
    Notification,
    Wallet,
    WechatUser,
    Withdrawal,
)
from models.enums import DealType, Role, WithdrawalStatus
from services import commissions, ledger, payouts, withdrawals
from services.commissions import DealTerms, plain_yuan
from services.errors import AppError
from wechatpay import WeChatPay


def register(sub) -> None:
    p = sub.add_parser("withdrawals", help="concurrent withdrawals of P partners: no lost or doubled money")
    p.add_argument("--partners", type=int, default=50)
    p.add_argument("--requests", type=int, default=5, help="simultaneous requests per partner")
    p.set_defaults(func=run)


def run(settings, args) -> int:
    asyncio.run(db.migrate(settings))
    return command(_run)(settings, args)


async def _run(resources, args) -> int:
    from tests.fakewechatpay import FakeWeChatPay

    run_id = secrets.token_hex(4)
    with FakeWeChatPay() as fake:
        cfg = fake.keys.settings(fake.url, "https://bench.invalid/notify")
        resources.wechatpay = WeChatPay(
            mchid=cfg["mchid"],
            appid="wxbench",
            serial_no=cfg["serial_no"],
            private_key_pem=cfg["private_key"],
            platform_public_key_pem=cfg["platform_public_key"],
            platform_public_key_id=cfg["platform_public_key_id"],
            apiv3_key=cfg["apiv3_key"],
            api_base=fake.url,
            timeout=10,
        )
        try:
            return await _bench(resources, fake, run_id, args)
        finally:
            await resources.wechatpay.close()
            await _clean_up(run_id)


async def _bench(resources, fake, run_id: str, args) -> int:
    settings = resources.settings
    manager = await Account.create(name=f"bench-{run_id}-manager", role=Role.MANAGER)
    admin = await Account.create(name=f"bench-{run_id}-admin", role=Role.ADMIN)
    sales = await Account.create(name=f"bench-{run_id}-sales", role=Role.SALES)
    partners = []
    for i in range(args.partners):
        partner = await Account.create(name=f"bench-{run_id}-p{i}", role=Role.PARTNER)
        await WechatUser.create(miniapp_openid=f"bench-{run_id}-{i}", account=partner)
        client = await Client.create(company=f"bench-{run_id}-{i}", owner=sales, referrer=partner)
        await commissions.record_deal(
            actor=sales,
            client=client,
            settings=settings,
            terms=DealTerms(DealType.RENT, monthly_rent_fen=(3_000 + 97 * i) * 100),
        )
        partners.append(partner)
    ids = [p.id for p in partners]
    await commissions.release_due(now=datetime.now(timezone.utc) + timedelta(days=400))
    earned = {p.id: (await ledger.balances(p.id)).available for p in partners}

    async def ask(partner: Account) -> Withdrawal | None:
        amount = earned[partner.id] * 2 // 5
        try:
            return await withdrawals.request(account=partner, amount_fen=amount, settings=settings, real_name="测试")
        except AppError:
            return None

    clock = time.perf_counter()
    results = await asyncio.gather(*(ask(p) for p in partners for _ in range(args.requests)))
    request_s = time.perf_counter() - clock
    accepted = [w for w in results if w is not None]

    for w in accepted:
        review = await withdrawals.approve(actor=manager, withdrawal_id=w.id, resources=resources)
        if review.needs_second:
            await withdrawals.approve(actor=admin, withdrawal_id=w.id, resources=resources)
    clock = time.perf_counter()
    paying = await asyncio.gather(*(payouts.pay(resources, w.id) for w in accepted))
    pay_s = time.perf_counter() - clock
    fake.duplicates = 2
    for n, w in enumerate(paying):
        if n % 3 == 0:
            notes = fake.confirm(w.out_bill_no)
        elif n % 3 == 1:
            notes = fake.expire(w.out_bill_no)
        else:
            continue
        for headers, body in notes:  # delivered the way the endpoint takes them
            await payouts.on_notification(resources, resources.wechatpay.parse_notification(headers, body))
    await payouts.sync(resources, now=datetime.now(timezone.utc) + timedelta(hours=25))

    mine = Withdrawal.filter(account_id__in=ids)
    paid_by_fake = sum(b.amount for b in fake.bills.values() if b.state == "SUCCESS")
    lost = doubled = 0
    for partner in partners:
        balance = await ledger.balances(partner.id)
        gap = earned[partner.id] - (balance.available + balance.withdrawn + balance.fees) - balance.withdrawing
        lost += max(gap, 0)
        doubled += max(-gap, 0)
    withdrawn = sum([(await ledger.balances(i)).withdrawn for i in ids])
    report = await payouts.reconcile(resources)
    summary = {
        "bench": "withdrawals",
        "database": db.dialect(settings.database_url),
        "partners": args.partners,
        "requests": len(results),
        "accepted": len(accepted),
        "refused": len(results) - len(accepted),
        "request_s": round(request_s, 3),
        "requests_per_s": round(len(results) / request_s, 1),
        "pay_s": round(pay_s, 3),
        "paid": await mine.filter(status=WithdrawalStatus.PAID).count(),
        "failed": await mine.filter(status=WithdrawalStatus.FAILED).count(),
        "open": await mine.filter(status__in=withdrawals.OPEN).count(),
        "earned_yuan": plain_yuan(sum(earned.values())),
        "withdrawn_yuan": plain_yuan(withdrawn),
        "paid_by_fake_yuan": plain_yuan(paid_by_fake),
        "lost_fen": lost,
        "doubled_fen": doubled,
        "transfer_calls": len(fake.calls("POST transfer-bills")),
        "reconcile_differences": len(report.differences),
    }
    print_summary(summary)
    ok = (
        lost == doubled == 0
        and withdrawn == paid_by_fake
        and summary["open"] == 0
        and not report.differences
        and len(accepted) <= 2 * args.partners
    )
    return 0 if ok else 1


async def _clean_up(run_id: str) -> None:
    accounts = await Account.filter(name__startswith=f"bench-{run_id}-").values_list("id", flat=True)
    await LedgerEntry.filter(account_id__in=accounts).delete()
    await Earning.filter(account_id__in=accounts).delete()
    await Withdrawal.filter(account_id__in=accounts).delete()
    await Wallet.filter(account_id__in=accounts).delete()
    await LevelChange.filter(account_id__in=accounts).delete()
    await Notification.filter(recipient_id__in=accounts).delete()
    await Deal.filter(client__company__startswith=f"bench-{run_id}-").delete()
    await Client.filter(company__startswith=f"bench-{run_id}-").delete()
    await WechatUser.filter(account_id__in=accounts).delete()
    await Account.filter(id__in=accounts).delete()
