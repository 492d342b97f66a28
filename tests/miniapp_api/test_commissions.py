"""/me/commissions and /me/withdrawals: a referrer's balance, ledger and withdrawals in the mini-program."""

import asyncio
from datetime import datetime, timezone

from models import Client, WechatUser
from models.enums import DealType, Role
from services import commissions, payouts, withdrawals
from services.commissions import DealTerms
from services.referrals import attribution
from tests.factories import fund

API = "/api/mp/v1"


async def test_a_new_user_sees_zero_balances_and_the_first_level(http, login):
    headers = await login()
    body = (await http.get(f"{API}/me/commissions", headers=headers)).json()
    assert body["balance"] == {
        "available": "0.00",
        "frozen": "0.00",
        "withdrawing": "0.00",
        "withdrawn": "0.00",
        "fees": "0.00",
    }
    assert (body["level"], body["level_name"], body["entries"]) == ("standard", "普通合伙人", [])
    assert (await http.get(f"{API}/me/withdrawals", headers=headers)).json() == {"withdrawals": []}


async def test_a_partner_sees_the_frozen_commission_with_the_deal_behind_it(http, login, make_staff, resources):
    headers = await login()
    user = await WechatUser.get(miniapp_openid="o_alice")
    partner = await attribution.miniapp_partner_account(resources.redis, user)
    sales = await make_staff("张三", Role.SALES)
    client = await Client.create(company="华兴精密", owner=sales, referrer=partner)
    deal = await commissions.record_deal(
        actor=sales,
        client=client,
        settings=resources.settings,
        terms=DealTerms(DealType.RENT, monthly_rent_fen=10_000_000),
    )
    body = (await http.get(f"{API}/me/commissions", headers=headers)).json()
    assert body["balance"]["frozen"] == "36000.00"
    [entry] = body["entries"]
    assert (entry["kind"], entry["amount"], entry["deal_id"], entry["client"]) == (
        "earned",
        "36000.00",
        deal.id,
        "华兴精密",
    )
    assert (body["referred_clients"], body["deals"]) == (1, 1)


async def test_asking_to_withdraw_reserves_the_amount_and_bad_amounts_get_clear_errors(http, login, resources):
    headers = await login()
    user = await WechatUser.get(miniapp_openid="o_alice")
    await fund(await attribution.miniapp_partner_account(resources.redis, user), 100_000)
    made = await http.post(f"{API}/me/withdrawals", json={"amount": "500.00"}, headers=headers)
    assert made.status_code == 201, made.text
    assert (made.json()["status"], made.json()["amount"], made.json()["method"]) == ("reviewing", "500.00", "wechat")
    balance = (await http.get(f"{API}/me/commissions", headers=headers)).json()["balance"]
    assert (balance["available"], balance["withdrawing"]) == ("500.00", "500.00")
    for amount, status in (("abc", 400), ("5.001", 400), ("-1", 400), ("1", 400), ("600", 409)):
        answer = await http.post(f"{API}/me/withdrawals", json={"amount": amount}, headers=headers)
        assert answer.status_code == status, (amount, answer.text)
        assert answer.json()["error"]["message"]
    assert (await http.post(f"{API}/me/withdrawals", json={"amount": 5}, headers=headers)).status_code == 400


async def test_twenty_simultaneous_http_requests_for_the_whole_balance_one_succeeds(http, login, resources):
    headers = await login()
    user = await WechatUser.get(miniapp_openid="o_alice")
    await fund(await attribution.miniapp_partner_account(resources.redis, user), 100_000)
    answers = await asyncio.gather(
        *(http.post(f"{API}/me/withdrawals", json={"amount": "1000.00"}, headers=headers) for _ in range(20))
    )
    assert sorted(a.status_code for a in answers) == [201] + [409] * 19
    balance = (await http.get(f"{API}/me/commissions", headers=headers)).json()["balance"]
    assert (balance["available"], balance["withdrawing"]) == ("0.00", "1000.00")


async def test_the_confirm_step_reaches_the_miniapp_and_the_callback_finishes_it(
    http, login, resources, make_staff, fake_wechatpay
):
    headers = await login()
    user = await WechatUser.get(miniapp_openid="o_alice")
    await fund(await attribution.miniapp_partner_account(resources.redis, user), 100_000)
    made = (await http.post(f"{API}/me/withdrawals", json={"amount": "300"}, headers=headers)).json()
    manager = await make_staff("王经理", Role.MANAGER)
    await withdrawals.approve(actor=manager, withdrawal_id=made["id"], resources=resources)
    paying = await payouts.pay(resources, made["id"])
    [shown] = (await http.get(f"{API}/me/withdrawals", headers=headers)).json()["withdrawals"]
    assert (shown["status"], shown["package_info"], shown["mch_id"]) == (
        "confirming",
        paying.package_info,
        fake_wechatpay.keys.mchid,
    )
    for headers_, body in fake_wechatpay.confirm(paying.out_bill_no):
        assert (
            await http.post("/wechatpay/notify/transfer", content=body.encode(), headers=headers_)
        ).status_code == 204
    [done] = (await http.get(f"{API}/me/withdrawals", headers=headers)).json()["withdrawals"]
    assert (done["status"], done["package_info"]) == ("paid", None)
    balance = (await http.get(f"{API}/me/commissions", headers=headers)).json()["balance"]
    assert (balance["available"], balance["withdrawn"]) == ("700.00", "300.00")
    assert datetime.fromisoformat(done["created_at"]) <= datetime.now(timezone.utc)
