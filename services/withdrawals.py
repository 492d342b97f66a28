"""Withdrawals (提现): a referrer asks for released commission, managers review, the money goes out.

Asking reserves the amount at once (``available`` -> ``withdrawing``) under
the wallet lock (services.ledger), so simultaneous requests can never
overdraw, and checks the per-request and per-day limits there too. A manager
approves or rejects; above ``second_approval_above_yuan`` a second manager who
is not the first must approve too. Approved WeChat withdrawals are paid by
merchant transfer (services.payouts); partners without a mini-program identity
are paid by bank transfer, recorded by an admin with its reference. Whatever
ends a withdrawal settles its reservation exactly once: paid (``withdrawn``
plus ``fees``) or given back (``available``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from core.config import Settings
from models import Account, WechatUser, Withdrawal
from models.enums import Bucket, LedgerKind, PayoutMethod, Role, WithdrawalStatus
from services import audit, ledger, notify, permissions, tasks
from services.commissions import to_fen
from services.errors import (
    AdminsOnly,
    InsufficientBalance,
    InvalidWithdrawalCode,
    NotManualPayout,
    OwnWithdrawal,
    RealNameRequired,
    ReferenceRequired,
    SecondApproverRequired,
    WithdrawalLimit,
    WithdrawalNotFound,
    WithdrawalSettled,
)
from services.notify import Notice

log = logging.getLogger(__name__)

OPEN = (WithdrawalStatus.REVIEWING, WithdrawalStatus.PAYING, WithdrawalStatus.CONFIRMING)
"""Statuses whose amount is still reserved."""
COUNTED_TODAY = (*OPEN, WithdrawalStatus.PAID)


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Limits:
    min_fen: int
    max_request_fen: int
    max_day_fen: int
    fee_percent: Decimal
    fee_min_fen: int
    second_approval_above_fen: int
    real_name_from_fen: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        cfg = settings.withdrawals
        return cls(
            min_fen=to_fen(cfg.min_yuan),
            max_request_fen=to_fen(cfg.max_per_request_yuan),
            max_day_fen=to_fen(cfg.max_per_day_yuan),
            fee_percent=cfg.fee_percent,
            fee_min_fen=to_fen(cfg.fee_min_yuan),
            second_approval_above_fen=to_fen(cfg.second_approval_above_yuan),
            real_name_from_fen=to_fen(cfg.real_name_from_yuan),
        )

    def fee(self, amount_fen: int) -> int:
        percent = int((Decimal(amount_fen) * self.fee_percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return min(max(percent, self.fee_min_fen), amount_fen)


def business_day(settings: Settings, moment: datetime):
    return moment.astimezone(ZoneInfo(settings.timezone)).date()


async def request(
    *, account: Account, amount_fen: int, settings: Settings, real_name: str | None = None, now: datetime | None = None
) -> Withdrawal:
    """Ask to withdraw ``amount_fen``: reserved at once, then reviewed.

    Paid by WeChat transfer to the partner's mini-program identity when they have one, else by bank
    transfer (an admin records it).
    """
    now = now or _now()
    limits = Limits.of(settings)
    if amount_fen < limits.min_fen:
        raise WithdrawalLimit("minimum", limits.min_fen)
    if amount_fen > limits.max_request_fen:
        raise WithdrawalLimit("maximum", limits.max_request_fen)
    if amount_fen - limits.fee(amount_fen) <= 0:
        raise WithdrawalLimit("fee", limits.fee(amount_fen))
    user = await WechatUser.filter(account_id=account.id).first()
    openid = user.miniapp_openid if user else None
    method = PayoutMethod.WECHAT if openid else PayoutMethod.MANUAL
    real_name = (real_name or "").strip() or None
    if method == PayoutMethod.WECHAT and amount_fen >= limits.real_name_from_fen and not real_name:
        raise RealNameRequired(limits.real_name_from_fen)
    day = business_day(settings, now)
    async with ledger.movement(account.id) as move:
        if move.balance.available < amount_fen:
            raise InsufficientBalance(move.balance.available)
        today = sum(
            row["amount_fen"]
            for row in await Withdrawal.filter(
                account_id=account.id, requested_on=day, status__in=COUNTED_TODAY
            ).values("amount_fen")
        )
        if today + amount_fen > limits.max_day_fen:
            raise WithdrawalLimit("daily", limits.max_day_fen, used_fen=today)
        withdrawal = await Withdrawal.create(
            account_id=account.id,
            amount_fen=amount_fen,
            fee_fen=limits.fee(amount_fen),
            method=method,
            requested_on=day,
            openid=openid,
            real_name=real_name,
        )
        await move.post(
            LedgerKind.RESERVED, {Bucket.AVAILABLE: -amount_fen, Bucket.WITHDRAWING: amount_fen}, withdrawal=withdrawal
        )
        await audit.record(
            account,
            "withdrawal.request",
            "withdrawal",
            withdrawal.id,
            after={"amount_fen": amount_fen, "method": method},
        )
        for reviewer in await Account.filter(active=True, role__in=(Role.MANAGER, Role.ADMIN)).values("id"):
            await notify.queue(
                Notice.WITHDRAWAL_TO_REVIEW,
                reviewer["id"],
                dedupe_key=f"withdrawal:{withdrawal.id}:review:{reviewer['id']}",
                facts={"withdrawal": withdrawal.code, "by": account.name, "amount_fen": amount_fen},
            )
    return withdrawal


async def get(withdrawal_id: int) -> Withdrawal:
    withdrawal = await Withdrawal.get_or_none(id=withdrawal_id).select_related("account")
    if withdrawal is None:
        raise WithdrawalNotFound(f"W{withdrawal_id}")
    return withdrawal


def parse_code(code: str) -> int:
    """``W12`` (or ``w12``, ``12``) -> 12."""
    text = code.strip().upper().removeprefix("W")
    if not text.isdigit():
        raise InvalidWithdrawalCode(code)
    return int(text)


@dataclass(frozen=True)
class Review:
    withdrawal: Withdrawal
    needs_second: bool
    """Approved once; a second manager must approve too."""


async def approve(*, actor: Account, withdrawal_id: int, resources, now: datetime | None = None) -> Review:
    """A manager's approval; the last one needed starts the payout."""
    permissions.ensure_manager(actor, "review_withdrawal")
    limits = Limits.of(resources.settings)
    now = now or _now()
    async with in_transaction():
        withdrawal = await Withdrawal.filter(id=withdrawal_id).select_for_update().first()
        if withdrawal is None:
            raise WithdrawalNotFound(f"W{withdrawal_id}")
        if withdrawal.account_id == actor.id:
            raise OwnWithdrawal()
        if withdrawal.status != WithdrawalStatus.REVIEWING:
            raise WithdrawalSettled(withdrawal)
        if withdrawal.first_approver_id is None:
            withdrawal.first_approver_id = actor.id
            needs_second = withdrawal.amount_fen > limits.second_approval_above_fen
        elif withdrawal.first_approver_id == actor.id:
            raise SecondApproverRequired(withdrawal, limits.second_approval_above_fen)
        else:
            withdrawal.second_approver_id = actor.id
            needs_second = False
        if not needs_second:
            withdrawal.status = WithdrawalStatus.PAYING
        await withdrawal.save(update_fields=["first_approver_id", "second_approver_id", "status", "updated_at"])
        await audit.record(
            actor,
            "withdrawal.approve",
            "withdrawal",
            withdrawal.id,
            after={"status": withdrawal.status, "needs_second": needs_second},
        )
    if withdrawal.status == WithdrawalStatus.PAYING:
        if withdrawal.method == PayoutMethod.WECHAT:
            from services.payouts import pay_withdrawal  # payouts settles withdrawals through this module

            await tasks.enqueue(resources, pay_withdrawal, withdrawal.id, job_id=f"payout:{withdrawal.id}")
        else:
            await _tell_admins(withdrawal, Notice.MANUAL_PAYOUT_DUE)
    return Review(withdrawal, needs_second)


async def reject(*, actor: Account, withdrawal_id: int, reason: str, now: datetime | None = None) -> Withdrawal:
    """A manager turns the request down; the amount goes back to the available balance."""
    permissions.ensure_manager(actor, "review_withdrawal")
    reason = (reason or "").strip()[:255] or "未说明原因"
    withdrawal = await get(withdrawal_id)
    if withdrawal.account_id == actor.id:
        raise OwnWithdrawal()
    if not await settle(
        withdrawal.id,
        paid=False,
        status=WithdrawalStatus.REJECTED,
        reason=reason,
        actor=actor,
        now=now,
        only_from=(WithdrawalStatus.REVIEWING,),
    ):
        raise WithdrawalSettled(await get(withdrawal.id))
    return await get(withdrawal.id)


async def record_manual_payout(
    *, actor: Account, withdrawal_id: int, reference: str, now: datetime | None = None
) -> Withdrawal:
    """An admin paid an approved withdrawal by bank transfer; ``reference`` is the bank's transaction number."""
    if actor.role != Role.ADMIN:
        raise AdminsOnly("record_manual_payout")
    reference = (reference or "").strip()
    if not reference:
        raise ReferenceRequired()
    withdrawal = await get(withdrawal_id)
    manual = withdrawal.method == PayoutMethod.MANUAL or withdrawal.transfer_created_at is None
    if withdrawal.status != WithdrawalStatus.PAYING or not manual:
        raise NotManualPayout(withdrawal)
    await Withdrawal.filter(id=withdrawal.id).update(method=PayoutMethod.MANUAL, manual_reference=reference[:128])
    if not await settle(withdrawal.id, paid=True, actor=actor, now=now, only_from=(WithdrawalStatus.PAYING,)):
        raise WithdrawalSettled(await get(withdrawal.id))
    return await get(withdrawal.id)


async def settle(
    withdrawal_id: int,
    *,
    paid: bool,
    status: WithdrawalStatus | None = None,
    reason: str | None = None,
    actor: Account | None = None,
    now: datetime | None = None,
    only_from: tuple[WithdrawalStatus, ...] = OPEN,
) -> bool:
    """End a withdrawal once: paid (the reserved amount becomes withdrawn and fee) or not (it goes back).

    False if it had already ended (a duplicate callback, a second approver too late).
    """
    now = now or _now()
    status = status or (WithdrawalStatus.PAID if paid else WithdrawalStatus.FAILED)
    withdrawal = await Withdrawal.get(id=withdrawal_id)
    async with ledger.movement(withdrawal.account_id) as move:
        changed = await Withdrawal.filter(id=withdrawal_id, status__in=only_from).update(
            status=status,
            finished_at=now,
            reason=reason[:255] if reason else None,
            real_name=None,
            rejected_by_id=actor.id if status == WithdrawalStatus.REJECTED and actor else None,
        )
        if not changed:
            return False
        amount, fee = withdrawal.amount_fen, withdrawal.fee_fen
        if paid:
            await move.post(
                LedgerKind.WITHDRAWN,
                {Bucket.WITHDRAWING: -amount, Bucket.WITHDRAWN: amount - fee, Bucket.FEES: fee},
                withdrawal=withdrawal,
            )
            notice, facts = Notice.WITHDRAWAL_PAID, {"withdrawal": withdrawal.code, "amount_fen": amount - fee}
        else:
            await move.post(
                LedgerKind.RETURNED, {Bucket.WITHDRAWING: -amount, Bucket.AVAILABLE: amount}, withdrawal=withdrawal
            )
            notice = Notice.WITHDRAWAL_REJECTED if status == WithdrawalStatus.REJECTED else Notice.WITHDRAWAL_FAILED
            facts = {"withdrawal": withdrawal.code, "reason": reason}
        await audit.record(
            actor, f"withdrawal.{status.value}", "withdrawal", withdrawal.id, after={"status": status, "reason": reason}
        )
        await notify.queue(
            notice, withdrawal.account_id, dedupe_key=f"withdrawal:{withdrawal.id}:{status.value}", facts=facts
        )
    return True


async def _tell_admins(withdrawal: Withdrawal, notice: Notice) -> None:
    for admin in await Account.filter(active=True, role=Role.ADMIN).values("id"):
        await notify.queue(
            notice,
            admin["id"],
            dedupe_key=f"withdrawal:{withdrawal.id}:{notice.value}:{admin['id']}",
            facts={"withdrawal": withdrawal.code, "amount_fen": withdrawal.amount_fen, "why": None},
        )


async def list_for(account: Account, *, limit: int = 20) -> list[Withdrawal]:
    return await Withdrawal.filter(account_id=account.id).order_by("-id").limit(limit)


async def pending_reviews(actor: Account, *, limit: int = 20) -> list[Withdrawal]:
    """Requests waiting for ``actor``'s review: not their own, and not already approved by them."""
    permissions.ensure_manager(actor, "review_withdrawal")
    waiting = (
        await Withdrawal.filter(status=WithdrawalStatus.REVIEWING)
        .exclude(account_id=actor.id)
        .order_by("id")
        .limit(limit * 2)
        .select_related("account")
    )
    return [w for w in waiting if w.first_approver_id != actor.id][:limit]
