"""Money in chat: a deal with amounts shows its commissions before 确认; managers review withdrawals and see them
in their agenda; partners ask 我的佣金 and 提现 500."""

from datetime import date
from decimal import Decimal

import pytest

from bot.flows.commissions import terms_of
from models import Client, Deal, Earning, Listing, WechatUser, Withdrawal
from models.enums import DealType, ListingStatus, Role, Stage, WithdrawalStatus
from services import ledger
from services.errors import DealAmountMissing
from tests.factories import MANAGER, SALES, fund

PARTNER = "o-laowang"


@pytest.fixture
async def partner(team, make_staff):
    return await make_staff("老王", Role.PARTNER, manager=team["zhang"], bind_openid=PARTNER)


@pytest.fixture
async def referred(team, partner, make_client):
    client = await make_client(team["zhang"], "华兴精密", stage=Stage.NEGOTIATING)
    await Client.filter(id=client.id).update(referrer_id=partner.id)
    return client


def test_deal_terms_are_the_parsers_typed_slots():
    lease = terms_of(
        {
            "annual_rent": Decimal("1200000"),
            "rent_free_months": 3.0,
            "lease_years": 5.0,
            "lease_start": date(2027, 1, 1),
        }
    )
    assert (
        lease.deal_type,
        lease.size_fen,
        lease.monthly_rent_fen,
        lease.rent_free_months,
        lease.lease_years,
        lease.lease_start,
    ) == (DealType.RENT, 120_000_000, 10_000_000, 3, Decimal(5), date(2027, 1, 1))
    assert terms_of({"monthly_rent_total": Decimal("85000")}).size_fen == 102_000_000
    assert terms_of({"sale_total": Decimal("22500000")}).sale_total_fen == 2_250_000_000
    assert terms_of({"rent": 28.0}, area=2000).monthly_rent_fen == 5_600_000  # 每平28 on a 2,000 m² listing
    assert terms_of({"annual_rent": Decimal("1200000"), "rent_free_months": 1.5}).rent_free_months == 2
    with pytest.raises(DealAmountMissing):
        terms_of({"rent": 28.0})  # per m², and no listing to multiply by


async def test_a_deal_shows_the_commission_and_is_recorded_only_on_confirm(team, say, referred, partner):
    reply = await say(SALES, "华兴精密成交 年租金120万 免租3个月")
    assert "老王（直接推荐，普通合伙人）首年租金的3% = 36,000.00元" in reply and "确认" in reply
    assert not await Deal.exists()
    reply = await say(SALES, "确认")
    assert "已记录成交：华兴精密" in reply and "36,000.00元已冻结" in reply
    assert (await Client.get(id=referred.id)).stage == Stage.WON
    assert (await ledger.balances(partner.id)).frozen == 3_600_000
    await say(SALES, "确认")  # nothing pending any more
    assert await Deal.all().count() == 1


async def test_another_message_drops_the_pending_deal(team, say, referred):
    await say(SALES, "华兴精密成交 年租金120万")
    await say(SALES, "今天跟进谁")
    await say(SALES, "确认")
    assert not await Deal.exists()


async def test_a_deal_without_amounts_asks_for_them(team, say, referred):
    assert "补充成交金额" in await say(SALES, "华兴精密成交了")
    assert not await Deal.exists()


async def test_a_deal_naming_a_listing_and_its_terms_is_one_message(team, say, referred, make_listing):
    await make_listing(code="A12")  # 2,000 m²
    reply = await say(SALES, "A12租给华兴精密了 每平28 租5年 2027年1月1日起租")
    assert "年租金672,000.00元" in reply and "租期5年" in reply and "2027-01-01起租" in reply
    assert "确认后A12标为已成交" in reply
    reply = await say(SALES, "确认")
    assert "已记录成交：华兴精密" in reply and "A12已标为已成交" in reply
    deal = await Deal.get()
    assert (deal.monthly_rent_fen, deal.lease_start) == (5_600_000, date(2027, 1, 1))
    assert (await Listing.get(code="A12")).status == ListingStatus.CLOSED


async def test_a_deal_without_its_client_keeps_nothing_and_asks_for_the_client(team, say, make_listing):
    await make_listing(code="A12")
    assert "哪个客户" in await say(SALES, "A12签了 年租金120万")
    assert not await Deal.exists()


async def test_someone_elses_client_cannot_get_a_deal(team, say, referred):
    reply = await say("o-li", "华兴精密成交 年租金120万")
    assert "不能" in reply or "没找到" in reply
    assert not await Deal.exists()


async def test_a_cancelled_deal_reverses_the_frozen_commission(team, say, referred, partner):
    await say(SALES, "华兴精密成交 年租金120万")
    await say(SALES, "确认")
    assert "冻结的佣金已撤销" in await say(SALES, "取消成交 华兴精密 客户毁约")
    assert await ledger.balances(partner.id) == ledger.Balance()


async def test_a_partner_sees_their_commission_and_asks_for_a_withdrawal(team, say, partner):
    await fund(partner, 100_000)
    reply = await say(PARTNER, "我的佣金")
    assert "可提现 1,000.00元" in reply and "冻结中 0.00元" in reply
    reply = await say(PARTNER, "提现 500")
    assert "已申请提现W" in reply and "银行转账" in reply  # no mini-program identity: paid by bank
    assert "余额不足" in await say(PARTNER, "提现 5000")


async def test_a_partner_with_a_miniapp_identity_needs_a_name_from_2000_yuan(team, say, partner):
    await WechatUser.filter(account_id=partner.id).update(miniapp_openid="o_mp_laowang")
    await fund(partner, 300_000)
    assert "提现 2500 您的姓名" in await say(PARTNER, "提现 2500")
    assert "小程序「我的提现」中确认收款" in await say(PARTNER, "提现 2500 王大明")


async def test_managers_see_pending_withdrawals_in_their_agenda_and_approve_or_reject_them(team, say, partner):
    await fund(partner, 100_000)
    await say(PARTNER, "提现 300")
    await say(PARTNER, "提现 200")
    first, second = await Withdrawal.all().order_by("id")
    agenda = await say(MANAGER, "今天跟进谁")
    assert f"待审核提现：{first.code} 老王 300.00元" in agenda
    assert "只有经理" in await say(SALES, f"通过提现 {first.code}")
    assert "线下打款" in await say(MANAGER, f"通过提现 {first.code}")
    reply = await say(MANAGER, f"驳回提现 {second.code} 请先补充银行卡信息")
    assert "已驳回" in reply and "200.00元已退回" in reply
    assert (await Withdrawal.get(id=second.id)).status == WithdrawalStatus.REJECTED
    assert "已处理" in await say(MANAGER, f"驳回提现 {second.code} 再驳回")
    assert "没有待审核的提现" in await say(MANAGER, "提现审核")
    assert await ledger.balances(partner.id) == ledger.Balance(available=70_000, withdrawing=30_000)


async def test_an_admin_records_a_bank_payout_in_chat(team, say, partner, make_staff):
    await make_staff("管理员", Role.ADMIN, bind_openid="o-admin")
    await fund(partner, 100_000)
    await say(PARTNER, "提现 300")
    withdrawal = await Withdrawal.get()
    await say(MANAGER, f"通过提现 {withdrawal.code}")
    assert "已登记" in await say("o-admin", f"线下打款 {withdrawal.code} ICBC2026120100001")
    assert await ledger.balances(partner.id) == ledger.Balance(available=70_000, withdrawn=30_000)
    assert not await Earning.filter(account_id=partner.id, status="frozen").exists()


async def test_an_ambiguous_client_is_chosen_by_number_before_the_commission_is_shown(team, say, referred, make_client):
    await make_client(team["zhang"], "华兴物流")
    choice = await say(SALES, "华兴成交 年租金120万")
    [number] = [line.split(".")[0] for line in choice.splitlines() if "华兴精密" in line]
    reply = await say(SALES, number)
    assert "华兴精密 成交" in reply and "36,000.00元" in reply
    assert "已记录成交：华兴精密" in await say(SALES, "确认")
