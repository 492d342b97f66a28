"""The worker runs the reminder tick on arq's cron, and a sender bug never leaves a batch unsettled."""

from datetime import datetime, timezone

from app import worker
from models import Notification
from models.enums import NotificationStatus
from services import notify, reminders
from services.notify import Notice
from tests.services.reminders.conftest import T0


def test_worker_runs_the_reminder_tick_every_scan_interval_once_across_workers(resources):
    job_worker = worker.build(resources, burst=True)

    [tick] = [job for job in job_worker.cron_jobs if job.name == "cron:reminders_tick"]

    assert tick.unique and tick.second == set(range(0, 60, resources.settings.reminders.scan_interval_s))


async def test_reminder_tick_queues_what_is_due_now(resources, sales, make_followup):
    followup = await make_followup(sales, datetime.now(timezone.utc))

    await reminders.reminders_tick({"resources": resources})

    assert await Notification.filter(followup_id=followup.id, kind=reminders.FOLLOWUP_DUE).exists()


async def test_unexpected_error_while_sending_is_retried_not_left_unsettled(sender, sales, monkeypatch):
    notification = await notify.queue(
        Notice.REFERRAL_LEAD, sales, dedupe_key="x", facts={"client": "华兴精密"}, due_at=T0
    )
    s = sender()

    async def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(s.resources.wechat.message, "send_template", broken)
    await s.drain()

    await notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.PENDING,
        "unexpected RuntimeError: boom",
    )
