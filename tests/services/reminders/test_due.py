"""Due follow-ups reach the owner's WeChat once, at their time, linking to the client."""

from datetime import timedelta

from models import FollowUp, Notification
from models.enums import NotificationStatus
from services import reminders
from tests.services.reminders.conftest import T0


async def test_due_followup_is_sent_to_owner_with_mapped_fields_and_client_page(
    tick, clock, sales, make_followup, delivered, settings
):
    followup = await make_followup(sales, T0)

    await tick()

    [sent] = delivered("followup_due")
    assert sent["template_id"] == settings.template("followup_due").template_id
    assert sent["data"] == {
        "thing1": {"value": "苏州精密机械有限公司"},
        "thing2": {"value": "客户想看昆山2000平厂房"},
        "phrase3": {"value": "带看"},
        "time4": {"value": "2026年03月10日 10:00"},
    }
    assert sent["miniprogram"] == {
        "appid": settings.miniapp_appid,
        "pagepath": f"pages/client/detail?id={followup.client_id}",
    }
    notification = await Notification.get(followup_id=followup.id)
    assert notification.status == NotificationStatus.SENT and notification.wechat_msgid
    assert sent["client_msg_id"] == notification.client_msg_id
    assert (await FollowUp.get(id=followup.id)).reminded_at == clock.now


async def test_due_followup_is_sent_only_once_over_many_ticks(tick, clock, sales, make_followup, delivered):
    await make_followup(sales, T0)

    for _ in range(3):
        await tick()
        clock.advance(seconds=5)

    assert len(delivered("followup_due")) == 1


async def test_followup_not_yet_due_is_not_sent(tick, clock, sales, make_followup, delivered):
    await make_followup(sales, T0 + timedelta(minutes=1))

    await tick()

    assert delivered("followup_due") == []
    assert not await Notification.filter(kind="followup_due").exists()


async def test_followup_is_sent_when_its_time_comes(tick, clock, sales, make_followup, delivered):
    await make_followup(sales, T0 + timedelta(minutes=1))
    await tick()

    clock.advance(minutes=1)
    await tick()

    assert len(delivered("followup_due")) == 1


async def test_late_followup_is_still_sent_after_the_worker_was_down(tick, clock, sales, make_followup, delivered):
    await make_followup(sales, T0 - timedelta(hours=5))

    await tick()

    assert len(delivered("followup_due")) == 1


async def test_followup_missed_beyond_the_lookback_is_not_reminded_late(
    tick, sales, make_followup, delivered, settings
):
    await make_followup(sales, T0 - timedelta(hours=settings.reminders.due_lookback_h + 1))

    await reminders.queue_due(settings, now=T0)

    assert not await Notification.filter(kind=reminders.FOLLOWUP_DUE).exists()


async def test_followup_completed_before_its_time_is_never_queued(tick, clock, sales, make_followup, delivered):
    followup = await make_followup(sales, T0 + timedelta(hours=1))
    await FollowUp.filter(id=followup.id).update(done=True)

    clock.advance(hours=1)
    await tick()

    assert delivered("followup_due") == []


async def test_queued_reminder_of_a_superseded_followup_is_cancelled(
    resources, clock, sender, sales, make_followup, delivered
):
    followup = await make_followup(sales, T0)
    await reminders.schedule(resources, now=clock.now)
    await FollowUp.filter(id=followup.id).update(done=True)

    await sender().drain()

    assert delivered("followup_due") == []
    notification = await Notification.get(followup_id=followup.id)
    assert notification.status == NotificationStatus.CANCELLED
    assert notification.last_error == "follow-up superseded by a newer one"


async def test_rescheduled_followup_is_cancelled_then_reminded_at_its_new_time(
    resources, clock, tick, sender, sales, make_followup, delivered
):
    followup = await make_followup(sales, T0)
    await reminders.schedule(resources, now=clock.now)
    await FollowUp.filter(id=followup.id).update(next_at=T0 + timedelta(hours=2), remind_at=T0 + timedelta(hours=2))

    await sender().drain()
    clock.advance(hours=2)
    await tick()

    old, new = await Notification.filter(followup_id=followup.id).order_by("id")
    assert (old.status, old.last_error) == (NotificationStatus.CANCELLED, "follow-up rescheduled")
    assert new.status == NotificationStatus.SENT
    assert len(delivered("followup_due")) == 1


async def test_no_link_when_no_mini_program_is_set(resources, clock, sender, sales, make_followup, delivered, settings):
    from dataclasses import replace

    await make_followup(sales, T0)
    await reminders.schedule(resources, now=clock.now)
    s = sender()
    s.resources = replace(
        resources, settings=replace(settings, miniapp_appid="", public_base_url="https://scrm.example.com/")
    )

    await s.drain()

    [sent] = delivered("followup_due")
    assert "url" not in sent and "miniprogram" not in sent  # client records have no public page
