"""The worker's periodic jobs: release due commissions, sync transfers, reconcile once a day."""

from dataclasses import replace
from datetime import time

import app.worker
from services import commissions, payouts


async def test_the_worker_schedules_release_and_payout_jobs(resources):
    names = {job.name for job in app.worker.build(resources, burst=True).cron_jobs}
    assert {"cron:commissions_tick", "cron:payouts_tick"} <= names


async def test_the_release_tick_releases_what_is_due(resources, referral):
    from datetime import datetime, timedelta, timezone

    from models import Earning
    from models.enums import DealType
    from services.commissions import DealTerms

    deal = await commissions.record_deal(
        actor=referral.sales,
        client=referral.client,
        settings=resources.settings,
        terms=DealTerms(DealType.RENT, monthly_rent_fen=1_000_000),
    )
    assert await commissions.commissions_tick({"resources": resources}) == {"released": 0}
    await Earning.filter(deal_id=deal.id).update(release_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    assert await commissions.commissions_tick({"resources": resources}) == {"released": 2}


async def test_reconciliation_runs_once_a_day_after_its_time(resources, fake_wechatpay):
    settings = resources.settings
    resources.settings = replace(settings, withdrawals=replace(settings.withdrawals, reconcile_time=time(0, 0)))
    try:
        first = await payouts.payouts_tick({"resources": resources})
        second = await payouts.payouts_tick({"resources": resources})
    finally:
        resources.settings = settings
    assert first["differences"] == 0 and "differences" not in second
