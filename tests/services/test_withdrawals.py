"""Withdrawals: limits, reservation, concurrency, review by one or two managers, rejection, manual payout."""

import asyncio
from decimal import Decimal

import pytest

from models import Withdrawal
from models.enums import PayoutMethod, Role, WithdrawalStatus
from services import ledger, withdrawals
from services.errors import (
    AppError,
    Conflict,
    Forbidden,
    InsufficientBalance,
    RealNameRequired,
    ReferenceRequired,
    SecondApproverRequired,
    WithdrawalLimit,
)
from tests.factories import balance, fund


async def ask(account, settings, fen, **kw):
    return await withdrawals.request(account=account, amount_fen=fen, settings=settings, **kw)


async def test_asking_reserves_the_amount_at_once(payee, settings):
    withdrawal = await ask(payee, settings, 50_000)
    assert (withdrawal.status, withdrawal.method, withdrawal.openid) == (
        WithdrawalStatus.REVIEWING,
        PayoutMethod.WECHAT,
        "o_mp_laowang",
    )
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawing=50_000)


async def test_limits_per_request_per_day_and_the_minimum(payee, settings):
    with pytest.raises(WithdrawalLimit) as low:
        await ask(payee, settings, 999)
    assert (low.value.limit, low.value.limit_fen) == ("minimum", 1_000)
    with pytest.raises(InsufficientBalance) as short:
        await ask(payee, settings, 100_001)
    assert short.value.available_fen == 100_000
    await fund(payee, 6_000_000)
    with pytest.raises(WithdrawalLimit) as high:
        await ask(payee, settings, 2_000_001)
    assert (high.value.limit, high.value.limit_fen) == ("maximum", 2_000_000)
    for _ in range(2):
        await ask(payee, settings, 2_000_000, real_name="王大明")
    with pytest.raises(WithdrawalLimit) as daily:
        await ask(payee, settings, 1_000_001, real_name="王大明")
    assert (daily.value.limit, daily.value.used_fen) == ("daily", 4_000_000)
    await ask(payee, settings, 1_000_000, real_name="王大明")


async def test_from_2000_yuan_a_real_name_is_needed_for_a_wechat_transfer(payee, settings):
    await fund(payee, 200_000)
    with pytest.raises(RealNameRequired):
        await ask(payee, settings, 200_000)
    withdrawal = await ask(payee, settings, 200_000, real_name="王大明")
    assert (await Withdrawal.get(id=withdrawal.id)).real_name == "王大明"


async def test_a_partner_without_a_miniapp_identity_is_paid_by_bank_transfer(referral, settings):
    await fund(referral.partner, 100_000)
    withdrawal = await ask(referral.partner, settings, 300_000 // 3)
    assert withdrawal.method == PayoutMethod.MANUAL


async def test_twenty_simultaneous_requests_for_the_whole_balance_exactly_one_succeeds(payee, settings):
    results = await asyncio.gather(*(ask(payee, settings, 100_000) for _ in range(20)), return_exceptions=True)
    won = [r for r in results if isinstance(r, Withdrawal)]
    assert len(won) == 1
    assert all(isinstance(r, AppError) for r in results if not isinstance(r, Withdrawal))
    assert await balance(payee) == ledger.Balance(withdrawing=100_000)
    assert await Withdrawal.all().count() == 1


async def test_one_managers_approval_starts_the_payout_below_the_threshold(payee, referral, resources):
    withdrawal = await ask(payee, resources.settings, 50_000)
    review = await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    assert not review.needs_second and review.withdrawal.status == WithdrawalStatus.PAYING
    with pytest.raises(Conflict):
        await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)


async def test_above_the_threshold_a_second_manager_who_is_not_the_first_must_approve(
    payee, referral, resources, make_staff
):
    await fund(payee, 500_000)
    withdrawal = await ask(payee, resources.settings, 600_000, real_name="王大明")
    first = await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    assert first.needs_second and first.withdrawal.status == WithdrawalStatus.REVIEWING
    with pytest.raises(SecondApproverRequired):
        await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    assert await withdrawals.pending_reviews(referral.manager) == []
    admin = await make_staff("管理员", Role.ADMIN)
    assert [w.id for w in await withdrawals.pending_reviews(admin)] == [withdrawal.id]
    second = await withdrawals.approve(actor=admin, withdrawal_id=withdrawal.id, resources=resources)
    assert second.withdrawal.status == WithdrawalStatus.PAYING
    stored = await Withdrawal.get(id=withdrawal.id)
    assert (stored.first_approver_id, stored.second_approver_id) == (referral.manager.id, admin.id)


async def test_sales_and_partners_cannot_review_and_nobody_reviews_their_own(payee, referral, resources):
    withdrawal = await ask(payee, resources.settings, 50_000)
    for actor in (referral.sales, payee):
        with pytest.raises(Forbidden):
            await withdrawals.approve(actor=actor, withdrawal_id=withdrawal.id, resources=resources)


async def test_a_rejected_withdrawal_gives_the_amount_back_once(payee, referral, settings):
    withdrawal = await ask(payee, settings, 50_000)
    rejected = await withdrawals.reject(actor=referral.manager, withdrawal_id=withdrawal.id, reason="资料不全")
    assert (rejected.status, rejected.reason) == (WithdrawalStatus.REJECTED, "资料不全")
    with pytest.raises(Conflict):
        await withdrawals.reject(actor=referral.manager, withdrawal_id=withdrawal.id, reason="again")
    assert await balance(payee) == ledger.Balance(available=100_000)


async def test_an_admin_records_a_bank_payout_with_its_reference(referral, resources, make_staff):
    await fund(referral.partner, 100_000)
    withdrawal = await ask(referral.partner, resources.settings, 100_000)
    await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    with pytest.raises(Forbidden):
        await withdrawals.record_manual_payout(actor=referral.manager, withdrawal_id=withdrawal.id, reference="x")
    admin = await make_staff("管理员", Role.ADMIN)
    with pytest.raises(ReferenceRequired):
        await withdrawals.record_manual_payout(actor=admin, withdrawal_id=withdrawal.id, reference=" ")
    paid = await withdrawals.record_manual_payout(actor=admin, withdrawal_id=withdrawal.id, reference="ICBC-20261201-1")
    assert (paid.status, paid.manual_reference) == (WithdrawalStatus.PAID, "ICBC-20261201-1")
    assert await balance(referral.partner) == ledger.Balance(withdrawn=100_000)


async def test_a_fee_is_taken_from_the_amount_withdrawn(payee, referral, resources, make_staff):
    from dataclasses import replace

    limits = replace(resources.settings.withdrawals, fee_percent=Decimal("1"), fee_min_yuan=Decimal("2"))
    settings = replace(resources.settings, withdrawals=limits)
    withdrawal = await ask(payee, settings, 50_000)
    assert withdrawal.fee_fen == 500
    await withdrawals.settle(withdrawal.id, paid=True)
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawn=49_500, fees=500)


def test_codes_read_with_or_without_the_w():
    assert withdrawals.parse_code("W12") == withdrawals.parse_code("w12") == withdrawals.parse_code("12") == 12
    with pytest.raises(AppError):
        withdrawals.parse_code("WX")
