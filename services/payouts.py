"""Paying approved withdrawals by WeChat Pay merchant transfer, and keeping our records in step with WeChat Pay.

- ``pay`` (a task, after the last approval) creates the transfer once. The
  ``out_bill_no`` is fixed per withdrawal; before any second attempt the bill
  is queried, so a call that timed out after WeChat Pay carried it out is
  never sent blind again. The bill waits for the partner to confirm receipt
  (``WAIT_USER_CONFIRM``): its ``package_info`` goes to the mini-program for
  ``wx.requestMerchantTransfer``.
- The result callback (verified and decrypted by ``wechatpay``) and the
  ``sync`` job (bills whose callback has not come, unconfirmed bills past
  ``confirm_expire_h``, which it cancels) apply a bill's state: SUCCESS pays
  the withdrawal, FAIL and CANCELLED give the amount back, each exactly once.
- ``reconcile`` (daily) checks every balance against the earnings and
  withdrawals behind it and every transfer against WeChat Pay's record, and
  reports differences to the admins.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from arq import Retry
from arq.cron import CronJob, cron

from core.config import Settings
from models import Account, Earning, LedgerEntry, Withdrawal
from models.enums import Bucket, EarningStatus, PayoutMethod, Role, WithdrawalStatus
from services import audit, ledger, notify, tasks, withdrawals
from services.commissions import yuan
from services.notify import Notice
from wechatpay import NotConfigured, TransferNotFound, WeChatPay, WeChatPayError, WeChatPayTransientError

log = logging.getLogger(__name__)

PAY_TRIES = 5
SYNC_AFTER = timedelta(minutes=10)
"""A bill without a final callback this long after creation is queried."""
FAILED_STATES = ("FAIL", "CANCELLED")
FAIL_REASONS = {"TRANSFER_CONFIRM_TIMEOUT": "24小时内未确认收款"}
ENDED = (WithdrawalStatus.PAID, WithdrawalStatus.REJECTED, WithdrawalStatus.FAILED)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def out_bill_no(withdrawal: Withdrawal) -> str:
    """Ours, fixed per withdrawal: WeChat Pay treats a repeat as the same transfer."""
    return f"SCRMW{withdrawal.id:010d}"


async def pay(resources, withdrawal_id: int, *, now: datetime | None = None) -> Withdrawal:
    """Create (or find) the transfer of an approved withdrawal and apply what WeChat Pay answers.

    Raises ``WeChatPayTransientError`` when the outcome is still unknown (the task retries later,
    querying first).
    """
    now = now or _now()
    client: WeChatPay = resources.wechatpay
    withdrawal = await Withdrawal.get(id=withdrawal_id)
    if withdrawal.status != WithdrawalStatus.PAYING or withdrawal.method != PayoutMethod.WECHAT:
        return withdrawal
    number = out_bill_no(withdrawal)
    if withdrawal.transfer_created_at is not None:  # tried before: the bill may exist
        try:
            return await apply(withdrawal, await client.get_transfer(number), now=now)
        except TransferNotFound:
            pass
    else:
        await Withdrawal.filter(id=withdrawal.id).update(out_bill_no=number, transfer_created_at=now)
    cfg = resources.settings.withdrawals
    try:
        bill = await client.create_transfer(
            out_bill_no=number,
            openid=withdrawal.openid or "",
            amount_fen=withdrawal.amount_fen - withdrawal.fee_fen,
            remark=cfg.transfer_remark,
            scene_id=cfg.transfer_scene_id,
            report_infos=[
                {"info_type": "岗位类型", "info_content": "推荐合伙人"},
                {"info_type": "报酬说明", "info_content": f"推荐成交佣金{withdrawal.code}"},
            ],
            user_name=withdrawal.real_name,
        )
    except NotConfigured:
        log.warning(
            "withdrawal %s approved but WeChat Pay is not configured: waiting for a manual payout", withdrawal.id
        )
        await Withdrawal.filter(id=withdrawal.id).update(transfer_created_at=None, out_bill_no=None)
        await _tell_admins(
            Notice.MANUAL_PAYOUT_DUE,
            {"withdrawal": withdrawal.code, "amount_fen": withdrawal.amount_fen, "why": "unconfigured"},
            key=f"unconfigured:{withdrawal.id}",
        )
        return withdrawal
    except WeChatPayTransientError:
        raise
    except WeChatPayError as exc:  # refused: nothing was transferred
        await withdrawals.settle(
            withdrawal.id, paid=False, reason=f"微信支付拒绝：{exc.code} {exc.message}".strip(), now=now
        )
        await _tell_admins(
            Notice.PAYOUT_REFUSED, {"withdrawal": withdrawal.code, "code": exc.code}, key=f"refused:{withdrawal.id}"
        )
        return await Withdrawal.get(id=withdrawal.id)
    return await apply(withdrawal, bill, now=now)


async def apply(withdrawal: Withdrawal, bill: dict, *, now: datetime | None = None) -> Withdrawal:
    """Bring the withdrawal to the bill's state (from a call, a query or a callback); idempotent."""
    now = now or _now()
    state = str(bill.get("state") or "")
    if withdrawal.status in ENDED:
        return withdrawal
    if state == "SUCCESS":
        await withdrawals.settle(withdrawal.id, paid=True, now=now)
    elif state in FAILED_STATES:
        fail_reason = str(bill.get("fail_reason") or "")
        reason = FAIL_REASONS.get(fail_reason, fail_reason or "转账已取消")
        await withdrawals.settle(withdrawal.id, paid=False, reason=reason, now=now)
    updates = {"transfer_state": state[:24] or None}
    if bill.get("transfer_bill_no"):
        updates["transfer_bill_no"] = str(bill["transfer_bill_no"])[:64]
    if bill.get("package_info"):
        updates["package_info"] = str(bill["package_info"])
    if state == "WAIT_USER_CONFIRM":
        await Withdrawal.filter(id=withdrawal.id, status=WithdrawalStatus.PAYING).update(
            status=WithdrawalStatus.CONFIRMING
        )
        await notify.queue(
            Notice.WITHDRAWAL_TO_CONFIRM,
            withdrawal.account_id,
            dedupe_key=f"withdrawal:{withdrawal.id}:confirm",
            facts={"withdrawal": withdrawal.code},
        )
    final = state in ("SUCCESS", *FAILED_STATES)
    # A late answer about an earlier state must not overwrite what a callback already settled.
    await Withdrawal.filter(id=withdrawal.id, **({} if final else {"status__in": withdrawals.OPEN})).update(**updates)
    return await Withdrawal.get(id=withdrawal.id)


@tasks.task()
async def pay_withdrawal(ctx: dict, withdrawal_id: int) -> None:
    """The payout task; an unknown outcome retries with backoff, and every retry queries first."""
    try:
        await pay(ctx["resources"], withdrawal_id)
    except WeChatPayTransientError as exc:
        if ctx.get("job_try", 1) < PAY_TRIES:
            raise Retry(defer=30 * ctx.get("job_try", 1)) from None
        log.error(
            "withdrawal %s: transfer outcome unknown after %d tries (%s); the sync job keeps checking",
            withdrawal_id,
            PAY_TRIES,
            exc,
        )


# ---- callbacks ------------------------------------------------------------------------------------


class CallbackRejected(Exception):
    """The notification is not about one of our transfers, or does not match it."""


async def on_notification(resources, resource: dict, *, now: datetime | None = None) -> Withdrawal:
    """A verified, decrypted transfer callback; duplicates change nothing."""
    client: WeChatPay = resources.wechatpay
    number = str(resource.get("out_bill_no") or "")
    withdrawal = await Withdrawal.get_or_none(out_bill_no=number) if number else None
    if withdrawal is None:
        raise CallbackRejected(f"unknown out_bill_no {number!r}")
    if str(resource.get("mch_id") or client.mchid) != client.mchid:
        raise CallbackRejected("mch_id is not ours")
    if int(resource.get("transfer_amount", -1)) != withdrawal.amount_fen - withdrawal.fee_fen:
        log.error("transfer %s: callback amount %s differs from ours", number, resource.get("transfer_amount"))
        raise CallbackRejected("transfer_amount differs")
    return await apply(withdrawal, resource, now=now)


# ---- sync -----------------------------------------------------------------------------------------


async def sync(resources, *, now: datetime | None = None) -> dict[str, int]:
    """Query bills whose callback has not come; cancel unconfirmed ones past ``confirm_expire_h``;
    start transfers whose task was lost."""
    now = now or _now()
    client: WeChatPay = resources.wechatpay
    expire = timedelta(hours=resources.settings.withdrawals.confirm_expire_h)
    counts = {"queried": 0, "cancelled": 0, "started": 0}
    stale = (
        await Withdrawal.filter(
            method=PayoutMethod.WECHAT,
            status__in=(WithdrawalStatus.PAYING, WithdrawalStatus.CONFIRMING),
            transfer_created_at__lte=now - SYNC_AFTER,
        )
        .order_by("id")
        .limit(200)
    )
    for withdrawal in stale:
        number = withdrawal.out_bill_no or out_bill_no(withdrawal)
        created = withdrawal.transfer_created_at or now
        try:
            bill = await client.get_transfer(number)
        except TransferNotFound:
            await pay(resources, withdrawal.id, now=now)
            counts["started"] += 1
            continue
        except WeChatPayError as exc:
            log.warning("sync: query of %s failed: %s", withdrawal.out_bill_no, exc)
            continue
        counts["queried"] += 1
        if bill.get("state") == "WAIT_USER_CONFIRM" and created + expire <= now:
            try:
                bill = {**bill, **await client.cancel_transfer(number)}
                counts["cancelled"] += 1
            except WeChatPayError as exc:
                log.warning("sync: cancel of %s failed: %s", withdrawal.out_bill_no, exc)
        await apply(withdrawal, bill, now=now)
    lost = await Withdrawal.filter(
        method=PayoutMethod.WECHAT,
        status=WithdrawalStatus.PAYING,
        transfer_created_at__isnull=True,
        updated_at__lte=now - SYNC_AFTER,
    ).limit(200)
    for withdrawal in lost:
        await tasks.enqueue(resources, pay_withdrawal, withdrawal.id, job_id=f"payout:{withdrawal.id}:{now:%H%M}")
        counts["started"] += 1
    return counts


# ---- reconciliation -------------------------------------------------------------------------------


@dataclass
class Reconciliation:
    day: date
    accounts: int = 0
    transfers: int = 0
    differences: list[str] = field(default_factory=list)


async def reconcile(resources, *, day: date | None = None, now: datetime | None = None) -> Reconciliation:
    """Compare the ledger with the earnings and withdrawals behind it, and our transfers with WeChat Pay's
    records (those touched on ``day``, default yesterday, and every one still open); report differences."""
    now = now or _now()
    zone = ZoneInfo(resources.settings.timezone)
    day = day or (now.astimezone(zone).date() - timedelta(days=1))
    report = Reconciliation(day)
    for row in await LedgerEntry.all().distinct().values("account_id"):
        report.accounts += 1
        report.differences += await _check_account(row["account_id"])
    start = datetime.combine(day, time.min, zone)
    touched = await Withdrawal.filter(
        method=PayoutMethod.WECHAT,
        out_bill_no__not_isnull=True,
        updated_at__gte=start,
        updated_at__lt=start + timedelta(days=1),
    )
    still_open = await Withdrawal.filter(
        method=PayoutMethod.WECHAT,
        out_bill_no__not_isnull=True,
        status__in=(WithdrawalStatus.PAYING, WithdrawalStatus.CONFIRMING),
    )
    for withdrawal in {w.id: w for w in [*touched, *still_open]}.values():
        report.transfers += 1
        report.differences += await _check_transfer(resources.wechatpay, withdrawal)
    if report.differences:
        log.error("reconciliation %s: %d differences", day, len(report.differences))
        await _tell_admins(
            Notice.RECONCILIATION_DIFFERS,
            {"day": day.isoformat(), "differences": len(report.differences)},
            key=f"reconcile:{day}",
        )
    await audit.record(
        None,
        "payout.reconcile",
        "reconciliation",
        None,
        after={
            "day": day,
            "accounts": report.accounts,
            "transfers": report.transfers,
            "differences": report.differences[:50],
        },
    )
    return report


async def _check_account(account_id: int) -> list[str]:
    balance = await ledger.balances(account_id)
    earnings = await Earning.filter(account_id=account_id).values_list("status", "amount_fen")
    frozen = sum(a for s, a in earnings if s == EarningStatus.FROZEN)
    released = sum(a for s, a in earnings if s == EarningStatus.RELEASED)
    mine = await Withdrawal.filter(account_id=account_id).values_list("status", "amount_fen", "fee_fen")
    reserved = sum(a for s, a, _ in mine if s in withdrawals.OPEN)
    paid = sum(a for s, a, _ in mine if s == WithdrawalStatus.PAID)
    fees = sum(f for s, _, f in mine if s == WithdrawalStatus.PAID)
    expected = {
        Bucket.FROZEN: frozen,
        Bucket.WITHDRAWING: reserved,
        Bucket.WITHDRAWN: paid - fees,
        Bucket.FEES: fees,
        Bucket.AVAILABLE: released - reserved - paid,
    }
    found = []
    for bucket, amount in expected.items():
        actual = getattr(balance, bucket.value)
        if actual != amount:
            found.append(f"账户{account_id} {bucket.value} 账面{yuan(actual)} 应为{yuan(amount)}")
    return found


async def _check_transfer(client: WeChatPay, withdrawal: Withdrawal) -> list[str]:
    try:
        bill = await client.get_transfer(withdrawal.out_bill_no or out_bill_no(withdrawal))
    except TransferNotFound:
        if withdrawal.status == WithdrawalStatus.PAID:
            return [f"{withdrawal.code} 记为已付，微信支付无此单"]
        return []
    except WeChatPayError as exc:
        return [f"{withdrawal.code} 无法查询：{exc.code}"]
    state, amount = bill.get("state"), int(bill.get("transfer_amount", -1))
    found = []
    if amount != withdrawal.amount_fen - withdrawal.fee_fen:
        found.append(
            f"{withdrawal.code} 金额 账面{yuan(withdrawal.amount_fen - withdrawal.fee_fen)} 微信{yuan(amount)}"
        )
    if (state == "SUCCESS") != (withdrawal.status == WithdrawalStatus.PAID):
        found.append(f"{withdrawal.code} 状态 账面{withdrawal.status.value} 微信{state}")
    elif state in FAILED_STATES and withdrawal.status != WithdrawalStatus.FAILED:
        found.append(f"{withdrawal.code} 状态 账面{withdrawal.status.value} 微信{state}")
    return found


async def _tell_admins(notice: Notice, facts: dict, *, key: str) -> None:
    for admin in await Account.filter(active=True, role=Role.ADMIN).values("id"):
        await notify.queue(notice, admin["id"], dedupe_key=f"payout:{key}:{admin['id']}", facts=facts)


# ---- worker ---------------------------------------------------------------------------------------

RECONCILED_KEY = "payouts:reconciled:{day}"


async def payouts_tick(ctx: dict) -> dict[str, int]:
    """Every few minutes: sync open transfers; once a day after ``withdrawals.reconcile_time``, reconcile."""
    resources = ctx["resources"]
    counts = await sync(resources)
    now = _now()
    local = now.astimezone(ZoneInfo(resources.settings.timezone))
    if local.time() >= resources.settings.withdrawals.reconcile_time and await resources.redis.set(
        RECONCILED_KEY.format(day=local.date()), "1", nx=True, ex=3 * 86400
    ):
        report = await reconcile(resources, now=now)
        counts["differences"] = len(report.differences)
    return counts


def cron_jobs(settings: Settings) -> list[CronJob]:
    """``payouts_tick`` every 5 minutes."""
    return [cron(payouts_tick, minute=set(range(2, 60, 5)), second={30}, keep_result=60, timeout=1800)]
