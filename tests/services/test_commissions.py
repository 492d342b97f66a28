"""A deal's commissions: computed from the rule in force at signing, frozen, released once, reversed or clawed back."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from models import Client, Deal, Earning, LedgerEntry, LevelChange, Notification
from models.enums import DealStatus, DealType, EarningKind, EarningStatus, EarningTier, Role, Stage
from services import clients, commissions
from services.commissions import DealTerms
from services.errors import AppError, Conflict, DealAmountMissing, Forbidden, InvalidAmount, InvalidDealTerm
from services.notify import Notice
from tests.factories import balance

SIGNED = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
BIG_LEASE = DealTerms(DealType.RENT, monthly_rent_fen=10_000_000, rent_free_months=3, lease_start=date(2027, 1, 1))
SMALL_LEASE = DealTerms(DealType.RENT, monthly_rent_fen=5_000_000)


async def record(referral, settings, terms=BIG_LEASE, **kw):
    return await commissions.record_deal(
        actor=referral.sales,
        client=referral.client,
        terms=terms,
        settings=settings,
        signed_at=kw.pop("signed_at", SIGNED),
        **kw,
    )


async def test_a_lease_of_1_2_million_a_year_earns_3_and_0_5_percent_frozen_until_rent_free_ends(referral, settings):
    deal = await record(referral, settings)
    assert (await balance(referral.partner)).frozen == 3_600_000  # 3% of 1,200,000 yuan
    assert (await balance(referral.recruiter)).frozen == 600_000  # 0.5% (二级)
    assert (await balance(referral.partner)).available == 0
    # lease start 2027-01-01 + 3 rent-free months + 7 days, at midnight in Shanghai
    assert deal.release_at == datetime(2027, 4, 8, tzinfo=timezone(timedelta(hours=8)))
    assert deal.rule_snapshot["version"] == 1 and deal.size_fen == 120_000_000
    assert (await Client.get(id=referral.client.id)).stage == Stage.WON
    direct = await Earning.get(deal_id=deal.id, tier=EarningTier.DIRECT)
    assert (direct.basis, direct.level) == ("首年租金的3%", "standard")


async def test_a_small_lease_pays_months_of_rent_and_the_preview_shows_it_without_recording(referral, settings):
    plan = await commissions.preview(
        actor=referral.sales, client=referral.client, terms=SMALL_LEASE, settings=settings, signed_at=SIGNED
    )
    assert [(s.account.name, s.tier, s.basis, s.amount_fen) for s in plan.shares] == [
        ("老王", EarningTier.DIRECT, "0.3个月租金", 1_500_000),
        ("老李", EarningTier.SECOND, "0.05个月租金", 250_000),
    ]
    assert not await Deal.exists() and not await LedgerEntry.exists()
    await record(referral, settings, SMALL_LEASE)
    assert (await balance(referral.partner)).frozen == 1_500_000


async def test_a_sale_pays_a_percentage_of_the_price(referral, settings):
    await record(referral, settings, DealTerms(DealType.SALE, sale_total_fen=2_250_000_000))
    assert (await balance(referral.partner)).frozen == 6_750_000  # 0.3% of 22.5 million yuan


async def test_the_rule_in_force_at_signing_applies_and_the_deal_keeps_a_copy(referral, settings, make_staff):
    admin = await make_staff("管理员", Role.ADMIN)
    first = await commissions.rule_in_force(settings, SIGNED)
    spec = {**first.spec, "rent": [{"min_yuan": 0, "direct": {"standard": {"fixed_yuan": "8000"}}}]}
    await commissions.create_rule(actor=admin, spec=spec, effective_from=SIGNED + timedelta(days=1))
    before = await record(referral, settings, SMALL_LEASE)
    other = await Client.create(company="宏达物流", owner=referral.sales, referrer=referral.partner)
    after = await commissions.record_deal(
        actor=referral.sales, client=other, terms=SMALL_LEASE, settings=settings, signed_at=SIGNED + timedelta(days=2)
    )
    assert (before.rule_snapshot["version"], after.rule_snapshot["version"]) == (1, 2)
    assert await Earning.filter(deal_id=after.id).values_list("amount_fen", flat=True) == [800_000]


async def test_only_admins_change_the_rules_and_a_bad_rule_is_refused_naming_the_place(referral, settings, make_staff):
    spec = (await commissions.rule_in_force(settings, SIGNED)).spec
    with pytest.raises(Forbidden):
        await commissions.create_rule(actor=referral.manager, spec=spec, effective_from=SIGNED)
    admin = await make_staff("管理员", Role.ADMIN)
    bad = {**spec, "sale": [{"min_yuan": 0, "direct": {"standard": {"months": "1"}}}]}
    with pytest.raises(AppError, match="sale has no months"):
        await commissions.create_rule(actor=admin, spec=bad, effective_from=SIGNED)
    with pytest.raises(AppError, match=r"rent\[0\].direct.standard"):
        await commissions.create_rule(
            actor=admin, effective_from=SIGNED, spec={**spec, "rent": [{"direct": {"standard": {"percent": "-1"}}}]}
        )


async def test_release_happens_once_when_due_and_tells_the_partner(referral, settings):
    deal = await record(referral, settings)
    assert await commissions.release_due(now=deal.release_at - timedelta(seconds=1)) == 0
    assert await commissions.release_due(now=deal.release_at) == 2
    assert await commissions.release_due(now=deal.release_at + timedelta(days=1)) == 0
    assert await balance(referral.partner) == commissions.ledger.Balance(available=3_600_000)
    payloads = await Notification.filter(recipient_id=referral.partner.id).values_list("payload", flat=True)
    assert [p["notice"] for p in payloads].count(Notice.COMMISSION_RELEASED) == 1


async def test_concurrent_release_runs_release_each_earning_exactly_once(referral, settings):
    import asyncio

    deal = await record(referral, settings)
    counts = await asyncio.gather(*(commissions.release_due(now=deal.release_at) for _ in range(5)))
    assert sum(counts) == 2
    assert (await balance(referral.partner)).available == 3_600_000


async def test_a_deal_that_falls_through_before_release_is_reversed(referral, settings):
    deal = await record(referral, settings)
    await commissions.end_deal(actor=referral.sales, deal=deal, reason="客户毁约", settings=settings)
    assert (await Deal.get(id=deal.id)).status == DealStatus.CANCELLED
    assert await balance(referral.partner) == commissions.ledger.Balance()
    assert await commissions.release_due(now=deal.release_at) == 0
    with pytest.raises(Conflict):
        await commissions.end_deal(actor=referral.sales, deal=deal, reason="again", settings=settings)


async def test_a_tenant_leaving_early_within_the_clawback_window_takes_the_commission_back(referral, settings):
    deal = await record(referral, settings)
    await commissions.release_due(now=deal.release_at)
    await commissions.end_deal(
        actor=referral.sales,
        deal=deal,
        reason="租户提前退租",
        settings=settings,
        now=deal.release_at + timedelta(days=30),
    )
    assert (await Deal.get(id=deal.id)).status == DealStatus.TERMINATED
    assert (await balance(referral.partner)).available == 0
    assert await Earning.filter(deal_id=deal.id, status=EarningStatus.CLAWED_BACK).count() == 2


async def test_after_the_clawback_window_an_early_exit_keeps_the_commission(referral, settings):
    deal = await record(referral, settings)
    await commissions.release_due(now=deal.release_at)
    await commissions.end_deal(
        actor=referral.sales,
        deal=deal,
        reason="租户提前退租",
        settings=settings,
        now=deal.release_at + timedelta(days=181),
    )
    assert (await balance(referral.partner)).available == 3_600_000


async def test_recording_is_idempotent_by_key_and_one_active_deal_per_client(referral, settings):
    first = await record(referral, settings, source_key="msg-1")
    assert (await record(referral, settings, source_key="msg-1")).id == first.id
    with pytest.raises(Conflict):
        await record(referral, settings, SMALL_LEASE)
    assert (await balance(referral.partner)).frozen == 3_600_000


async def test_a_salesperson_cannot_record_a_deal_for_someone_elses_client(referral, settings, make_staff):
    other = await make_staff("李四", Role.SALES)
    with pytest.raises(Forbidden):
        await commissions.record_deal(actor=other, client=referral.client, terms=BIG_LEASE, settings=settings)


async def test_amounts_are_required_and_checked():
    with pytest.raises(DealAmountMissing):
        DealTerms(DealType.RENT)
    with pytest.raises(InvalidDealTerm) as bad:
        DealTerms(DealType.RENT, monthly_rent_fen=100, rent_free_months=30)
    assert bad.value.term == "rent_free_months"
    with pytest.raises(InvalidAmount):
        commissions.to_fen("1.234")
    assert commissions.to_fen("500") == 50_000 and commissions.yuan(123_456) == "1,234.56"


async def test_a_staff_referrer_earns_nothing_by_default(referral, settings):
    await Client.filter(id=referral.client.id).update(referrer_id=referral.sales.id)
    client = await Client.get(id=referral.client.id)
    await commissions.record_deal(actor=referral.sales, client=client, terms=BIG_LEASE, settings=settings)
    assert not await Earning.exists()


async def test_partners_move_up_a_level_by_deals_and_the_change_is_logged(referral, settings):
    for n in range(3):
        client = await Client.create(company=f"客户{n}", owner=referral.sales, referrer=referral.partner)
        await commissions.record_deal(
            actor=referral.sales,
            client=client,
            terms=SMALL_LEASE,
            settings=settings,
            signed_at=SIGNED + timedelta(days=n),
        )
    change = await LevelChange.get(account_id=referral.partner.id)
    assert (change.from_level, change.to_level) == ("standard", "silver")
    client = await Client.create(company="客户3", owner=referral.sales, referrer=referral.partner)
    deal = await commissions.record_deal(
        actor=referral.sales, client=client, terms=SMALL_LEASE, settings=settings, signed_at=SIGNED + timedelta(days=4)
    )
    earning = await Earning.get(deal_id=deal.id, tier=EarningTier.DIRECT)
    assert (earning.level, earning.amount_fen) == ("silver", 2_000_000)  # 0.4 months at 银牌


async def test_a_referred_clients_first_viewing_earns_the_fixed_reward_once(referral, settings):
    await Client.filter(id=referral.client.id).update(stage=Stage.INTENT)
    client = await Client.get(id=referral.client.id)
    await clients.set_stage(actor=referral.sales, client=client, stage=Stage.VIEWING, settings=settings)
    await commissions.reward(EarningKind.VIEWING, client, settings=settings)
    assert (await balance(referral.partner)).frozen == 10_000
    assert (await balance(referral.recruiter)).frozen == 0


async def test_every_balance_is_the_sum_of_its_rows(referral, settings):
    deal = await record(referral, settings)
    await commissions.release_due(now=deal.release_at)
    rows = await LedgerEntry.filter(account_id=referral.partner.id).values_list("bucket", "amount_fen")
    assert sum(amount for _, amount in rows) == (await balance(referral.partner)).total == 3_600_000
    assert Decimal(sum(a for b, a in rows if b == "available")) == 3_600_000


async def test_a_deleted_referred_client_is_no_longer_counted_for_the_partner(referral, settings):
    assert (await commissions.overview(referral.partner, settings=settings)).referred_clients == 1
    referral.client.deleted_at = datetime.now(timezone.utc)
    await referral.client.save(update_fields=["deleted_at"])
    assert (await commissions.overview(referral.partner, settings=settings)).referred_clients == 0
