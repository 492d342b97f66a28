"""Payouts through WeChat Pay merchant transfers (the fake v3 server): confirm step, callbacks, timeouts,
expiry, refusals and the daily reconciliation; every case leaves the balance right."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from models import LedgerEntry, Notification, Withdrawal
from models.enums import LedgerKind, Role, WithdrawalStatus
from services import ledger, payouts, withdrawals
from services.notify import Notice
from tests.factories import balance
from wechatpay import WeChatPayTransientError

NOTIFY = "/wechatpay/notify/transfer"


@pytest.fixture
async def approved(payee, referral, resources, fake_wechatpay):
    """A 500-yuan withdrawal of 老王, approved by the manager: the transfer is next."""
    withdrawal = await withdrawals.request(account=payee, amount_fen=50_000, settings=resources.settings)
    await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    return withdrawal


async def deliver(http, notes) -> list[int]:
    return [(await http.post(NOTIFY, content=body.encode(), headers=headers)).status_code for headers, body in notes]


async def test_a_withdrawal_is_paid_after_the_partner_confirms_receipt(
    approved, payee, resources, fake_wechatpay, http
):
    paying = await payouts.pay(resources, approved.id)
    assert paying.status == WithdrawalStatus.CONFIRMING and paying.package_info
    bill = fake_wechatpay.bills[paying.out_bill_no]
    assert (bill.amount, bill.openid, bill.state) == (50_000, "o_mp_laowang", "WAIT_USER_CONFIRM")
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawing=50_000)

    assert await deliver(http, fake_wechatpay.confirm(paying.out_bill_no)) == [204]
    assert (await Withdrawal.get(id=approved.id)).status == WithdrawalStatus.PAID
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawn=50_000)
    report = await payouts.reconcile(
        resources, day=withdrawals.business_day(resources.settings, datetime.now(timezone.utc))
    )
    assert report.differences == [] and report.transfers == 1


async def test_a_duplicated_callback_pays_once(approved, payee, resources, fake_wechatpay, http):
    paying = await payouts.pay(resources, approved.id)
    fake_wechatpay.duplicates = 3
    assert await deliver(http, fake_wechatpay.confirm(paying.out_bill_no)) == [204, 204, 204]
    movements = await LedgerEntry.filter(withdrawal_id=approved.id, kind=LedgerKind.WITHDRAWN).values_list(
        "movement", flat=True
    )
    assert len(set(movements)) == 1
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawn=50_000)


async def test_callbacks_that_do_not_verify_are_refused_and_change_nothing(approved, resources, fake_wechatpay, http):
    paying = await payouts.pay(resources, approved.id)
    [(headers, body)] = fake_wechatpay.confirm(paying.out_bill_no)
    tampered = body.replace('"id": "', '"id": "x')
    assert (await http.post(NOTIFY, content=tampered.encode(), headers=headers)).status_code == 401
    stale = fake_wechatpay.signed_headers(body, timestamp=int(datetime.now().timestamp()) - 600)
    assert (await http.post(NOTIFY, content=body.encode(), headers=stale)).status_code == 401
    assert (
        await http.post(NOTIFY, content=b"not json", headers=fake_wechatpay.signed_headers("not json"))
    ).status_code == 401
    assert (await http.post(NOTIFY, content=b"{}")).status_code == 401
    assert (await Withdrawal.get(id=approved.id)).status == WithdrawalStatus.CONFIRMING


async def test_a_callback_for_a_transfer_that_is_not_ours_is_refused(approved, resources, fake_wechatpay, http):
    paying = await payouts.pay(resources, approved.id)
    bill = fake_wechatpay.bills.pop(paying.out_bill_no)
    bill.out_bill_no = "SCRMW9999999999"
    fake_wechatpay.bills[bill.out_bill_no] = bill
    assert await deliver(http, fake_wechatpay.confirm(bill.out_bill_no)) == [400]


async def test_a_timed_out_transfer_is_queried_before_any_retry_and_never_sent_twice(
    approved, payee, resources, fake_wechatpay
):
    fake_wechatpay.stall("POST transfer-bills", seconds=1.5)
    with pytest.raises(WeChatPayTransientError):
        await payouts.pay(resources, approved.id)
    assert (await Withdrawal.get(id=approved.id)).status == WithdrawalStatus.PAYING
    retried = await payouts.pay(resources, approved.id)
    assert retried.status == WithdrawalStatus.CONFIRMING
    assert len(fake_wechatpay.calls("POST transfer-bills")) == 1
    assert len(fake_wechatpay.calls("GET out-bill-no")) == 1
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawing=50_000)


async def test_a_failed_call_that_was_not_carried_out_is_retried_with_the_same_bill_number(
    approved, resources, fake_wechatpay
):
    fake_wechatpay.fail("POST transfer-bills", status=500, code="SYSTEM_ERROR")
    with pytest.raises(WeChatPayTransientError):
        await payouts.pay(resources, approved.id)
    retried = await payouts.pay(resources, approved.id)
    assert retried.status == WithdrawalStatus.CONFIRMING
    numbers = {call.json["out_bill_no"] for call in fake_wechatpay.calls("POST transfer-bills")}
    assert numbers == {retried.out_bill_no}
    assert [c.status for c in fake_wechatpay.calls("GET out-bill-no")] == [404]


async def test_a_refused_transfer_gives_the_money_back_and_tells_the_admins(
    approved, payee, resources, fake_wechatpay, make_staff
):
    admin = await make_staff("管理员", Role.ADMIN)
    fake_wechatpay.fail("POST transfer-bills", status=403, code="NOT_ENOUGH")
    failed = await payouts.pay(resources, approved.id)
    assert failed.status == WithdrawalStatus.FAILED and "NOT_ENOUGH" in failed.reason
    assert await balance(payee) == ledger.Balance(available=100_000)
    assert await Notification.filter(recipient_id=admin.id).exists()


async def test_a_transfer_not_confirmed_within_24_hours_fails_and_the_money_returns(
    approved, payee, resources, fake_wechatpay, http
):
    paying = await payouts.pay(resources, approved.id)
    assert await deliver(http, fake_wechatpay.expire(paying.out_bill_no)) == [204]
    failed = await Withdrawal.get(id=approved.id)
    assert (failed.status, failed.reason) == (WithdrawalStatus.FAILED, "24小时内未确认收款")
    assert await balance(payee) == ledger.Balance(available=100_000)


async def test_without_a_callback_the_sync_job_cancels_an_unconfirmed_transfer_after_24_hours(
    approved, payee, resources, fake_wechatpay
):
    paying = await payouts.pay(resources, approved.id)
    assert await payouts.sync(resources, now=datetime.now(timezone.utc) + timedelta(hours=1)) == {
        "queried": 1,
        "cancelled": 0,
        "started": 0,
    }
    assert (await Withdrawal.get(id=approved.id)).status == WithdrawalStatus.CONFIRMING
    counts = await payouts.sync(resources, now=datetime.now(timezone.utc) + timedelta(hours=25))
    assert counts["cancelled"] == 1
    assert fake_wechatpay.bills[paying.out_bill_no].state == "CANCELLED"
    assert (await Withdrawal.get(id=approved.id)).status == WithdrawalStatus.FAILED
    assert await balance(payee) == ledger.Balance(available=100_000)


async def test_without_a_callback_the_sync_job_finds_a_confirmed_transfer(approved, payee, resources, fake_wechatpay):
    paying = await payouts.pay(resources, approved.id)
    fake_wechatpay.confirm(paying.out_bill_no)  # the callback is lost
    await payouts.sync(resources, now=datetime.now(timezone.utc) + timedelta(minutes=15))
    assert await balance(payee) == ledger.Balance(available=50_000, withdrawn=50_000)


async def test_reconciliation_reports_a_difference_to_the_admins(approved, resources, fake_wechatpay, make_staff):
    admin = await make_staff("管理员", Role.ADMIN)
    paying = await payouts.pay(resources, approved.id)
    await Withdrawal.filter(id=paying.id).update(status=WithdrawalStatus.PAID)  # a bug marked it paid
    report = await payouts.reconcile(
        resources, day=withdrawals.business_day(resources.settings, datetime.now(timezone.utc))
    )
    assert any("WAIT_USER_CONFIRM" in d for d in report.differences)
    assert any("withdrawing" in d for d in report.differences)
    payloads = await Notification.filter(recipient_id=admin.id).values_list("payload", flat=True)
    assert any(p["notice"] == Notice.RECONCILIATION_DIFFERS for p in payloads)


async def test_a_payout_above_2000_yuan_sends_the_real_name_encrypted(
    payee, referral, resources, fake_wechatpay, make_staff
):
    from tests.factories import fund
    from wechatpay.signing import decrypt_sensitive

    await fund(payee, 200_000)
    withdrawal = await withdrawals.request(
        account=payee, amount_fen=250_000, settings=resources.settings, real_name="王大明"
    )
    await withdrawals.approve(actor=referral.manager, withdrawal_id=withdrawal.id, resources=resources)
    assert (await payouts.pay(resources, withdrawal.id)).status == WithdrawalStatus.CONFIRMING
    [call] = fake_wechatpay.calls("POST transfer-bills")
    assert decrypt_sensitive(fake_wechatpay.keys.platform, call.json["user_name"]) == "王大明"
    assert "王大明" not in json.dumps(call.json, ensure_ascii=False)
