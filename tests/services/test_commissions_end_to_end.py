"""The whole way: a partner's referral leaves a lead, becomes a deal, the commission is frozen, released on time,
withdrawn to WeChat change through the confirm step, and every fen is in the ledger and the reconciliation."""

from datetime import timedelta

import app.worker
from models import Client, Earning, WechatUser, Withdrawal
from models.enums import DealType, Role, WithdrawalStatus
from services import commissions, ledger, payouts, withdrawals
from services.commissions import DealTerms
from services.referrals import attribution

API = "/api/mp/v1"


async def test_a_referral_is_paid_out_to_the_fen(http, login, make_staff, resources, fake_wechat, fake_wechatpay):
    sales = await make_staff("张三")
    manager = await make_staff("王经理", Role.MANAGER)
    partner_headers = await login("alice")
    partner = await attribution.miniapp_partner_account(resources.redis, await WechatUser.get(miniapp_openid="o_alice"))
    scene = await attribution.scene_for_account(partner)

    lead = await http.post(
        f"{API}/leads",
        headers=await login("bob", scene=scene.scene),
        json={"company": "华兴精密", "contact_name": "张总", "phone": "13812345678", "need": "2000平厂房"},
    )
    assert lead.status_code == 201, lead.text
    client = await Client.get(referrer_id=partner.id)
    assert (client.referrer_id, client.owner_id) == (partner.id, sales.id)
    assert (await ledger.balances(partner.id)).frozen == 2_000  # 推荐有礼: 20 yuan for the lead

    deal = await commissions.record_deal(
        actor=sales,
        client=client,
        settings=resources.settings,
        terms=DealTerms(DealType.RENT, monthly_rent_fen=5_000_000, rent_free_months=2),
    )
    assert (await ledger.balances(partner.id)).frozen == 2_000 + 1_500_000
    await commissions.release_due(now=deal.release_at - timedelta(minutes=1))  # only the reward (after 7 days)
    assert await ledger.balances(partner.id) == ledger.Balance(frozen=1_500_000, available=2_000)
    await commissions.release_due(now=deal.release_at)
    assert await ledger.balances(partner.id) == ledger.Balance(available=1_502_000)

    asked = await http.post(f"{API}/me/withdrawals", json={"amount": "1500.00"}, headers=partner_headers)
    assert asked.status_code == 201, asked.text
    await withdrawals.approve(actor=manager, withdrawal_id=asked.json()["id"], resources=resources)
    await app.worker.build(resources, burst=True).async_run()  # the payout task
    [shown] = (await http.get(f"{API}/me/withdrawals", headers=partner_headers)).json()["withdrawals"]
    assert shown["status"] == "confirming" and shown["package_info"]

    withdrawal = await Withdrawal.get(id=shown["id"])
    for headers, body in fake_wechatpay.confirm(withdrawal.out_bill_no):  # the partner confirms in WeChat
        assert (
            await http.post("/wechatpay/notify/transfer", content=body.encode(), headers=headers)
        ).status_code == 204
    assert (await Withdrawal.get(id=withdrawal.id)).status == WithdrawalStatus.PAID

    earned = sum(e.amount_fen for e in await Earning.filter(account_id=partner.id))
    balance = await ledger.balances(partner.id)
    assert balance == ledger.Balance(available=1_352_000, withdrawn=150_000)
    assert earned == balance.total == 1_502_000
    assert fake_wechatpay.bills[withdrawal.out_bill_no].amount == 150_000
    report = await payouts.reconcile(resources, day=withdrawals.business_day(resources.settings, withdrawal.updated_at))
    assert report.differences == [] and report.transfers == 1


async def test_a_lead_marked_as_a_possible_duplicate_earns_its_reward_only_once_found_distinct(
    http, login, make_staff, resources, fake_wechat
):
    from services import clients

    sales = await make_staff("张三")
    await Client.create(company="华兴精密", phone="13812345678", owner=sales)
    await login("alice")
    partner = await attribution.miniapp_partner_account(resources.redis, await WechatUser.get(miniapp_openid="o_alice"))
    scene = await attribution.scene_for_account(partner)
    await http.post(
        f"{API}/leads",
        headers=await login("bob", scene=scene.scene),
        json={"company": "华兴精密", "contact_name": "张总", "phone": "13812345678", "need": "厂房"},
    )
    lead = await Client.get(referrer_id=partner.id)
    assert lead.duplicate_of_id and (await ledger.balances(partner.id)).frozen == 0
    await clients.settle_duplicate(actor=sales, lead=lead, same=False, settings=resources.settings)
    assert (await ledger.balances(partner.id)).frozen == 2_000
