"""The daily digest at 08:30 Asia/Shanghai and the report of follow-ups overdue by 24 h."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from models import FollowUp, Notification
from models.enums import Role
from services import reminders, runtime_settings

SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI).astimezone(timezone.utc)


async def digests_at(resources, moment: datetime) -> list[Notification]:
    await reminders.queue_digests(resources.settings, resources.redis, now=moment)
    return await Notification.filter(kind=reminders.DAILY_DIGEST).order_by("id")


async def test_digest_waits_for_0830_shanghai(resources, sales, make_followup, words):
    await make_followup(sales, shanghai(10, 14))

    assert await digests_at(resources, shanghai(10, 8, 29)) == []
    [digest] = await digests_at(resources, shanghai(10, 8, 30))

    assert digest.recipient_id == sales.id
    assert words(digest)["summary"] == "今日待跟进1个客户"
    assert words(digest)["first"] == "14:00 苏州精密机械有限公司"


async def test_digest_counts_the_shanghai_day_not_the_utc_day(resources, sales, make_followup, words):
    # 07:30 Shanghai on the 11th is still the 10th in UTC; 23:30 Shanghai on the 10th is the 10th in both.
    await make_followup(sales, shanghai(11, 7, 30), company="甲公司")
    await make_followup(sales, shanghai(11, 16), company="乙公司")
    await make_followup(sales, shanghai(10, 23, 30), company="昨天公司")
    await make_followup(sales, shanghai(12, 0, 10), company="明天公司")

    [digest] = await digests_at(resources, shanghai(11, 8, 30))

    assert digest.payload["count"] == 2
    assert words(digest)["first"] == "07:30 甲公司；16:00 乙公司"
    assert words(digest)["date"] == "2026年03月11日"


async def test_digest_goes_once_a_day_and_again_the_next_morning_after_midnight(resources, sales, make_followup):
    await make_followup(sales, shanghai(10, 14))
    await make_followup(sales, shanghai(11, 9), company="次日公司")

    await digests_at(resources, shanghai(10, 8, 30))
    await digests_at(resources, shanghai(10, 23, 59))
    assert len(await digests_at(resources, shanghai(11, 0, 1))) == 1  # past midnight, before 08:30
    digests = await digests_at(resources, shanghai(11, 8, 31))

    assert [d.dedupe_key for d in digests] == [f"digest:{sales.id}:2026-03-10", f"digest:{sales.id}:2026-03-11"]


async def test_digest_skips_salespeople_without_followups_that_day_and_inactive_ones(
    resources, make_staff, sales, make_followup
):
    await make_staff("空闲", bind_openid="o-idle")
    left = await make_staff("离职", bind_openid="o-left")
    await make_followup(left, shanghai(10, 15))
    left.active = False
    await left.save()
    await make_followup(sales, shanghai(10, 15), done=True)

    assert await digests_at(resources, shanghai(10, 9)) == []


async def test_digest_time_is_configurable(resources, sales, make_followup):
    from dataclasses import replace

    await make_followup(sales, shanghai(10, 14))
    settings = replace(resources.settings, reminders=replace(resources.settings.reminders, digest_time=time(7, 0)))

    assert await reminders.queue_digests(settings, resources.redis, now=shanghai(10, 7)) == 1


async def test_digest_is_sent_as_a_template_message(resources, tick, clock, sales, make_followup, delivered):
    await make_followup(sales, shanghai(10, 14))
    clock.now = shanghai(10, 8, 30)

    await tick()

    [sent] = delivered("daily_digest")
    assert sent["data"]["thing1"] == {"value": "今日待跟进1个客户"}


async def escalations_at(settings, moment: datetime) -> list[Notification]:
    await reminders.queue_escalations(settings, now=moment)
    return await Notification.filter(kind=reminders.OVERDUE_ESCALATION)


async def test_followup_overdue_24h_without_a_new_one_is_reported_to_the_manager_once(
    settings, sales, manager, make_followup, words
):
    due = shanghai(10, 23)
    followup = await make_followup(sales, due)

    assert await escalations_at(settings, due + timedelta(hours=23, minutes=59)) == []
    [escalation] = await escalations_at(settings, due + timedelta(hours=24))
    assert len(await escalations_at(settings, due + timedelta(hours=30))) == 1

    assert escalation.recipient_id == manager.id and escalation.followup_id == followup.id
    assert words(escalation) == {
        "salesperson": "张三",
        "client": "苏州精密机械有限公司",
        "due_at": "2026年03月10日 23:00",
        "at": words(escalation)["at"],
    }


async def test_new_followup_within_24h_prevents_the_escalation(settings, sales, make_followup):
    due = shanghai(10, 10)
    followup = await make_followup(sales, due)
    await FollowUp.filter(id=followup.id).update(done=True)

    assert await escalations_at(settings, due + timedelta(hours=25)) == []


async def test_salesperson_without_manager_is_not_escalated(settings, make_staff, make_followup):
    loner = await make_staff("独行", Role.SALES, bind_openid="o-loner")
    due = shanghai(10, 10)
    await make_followup(loner, due)

    assert await escalations_at(settings, due + timedelta(hours=25)) == []


async def test_escalation_is_sent_to_the_manager_with_the_client_page(
    resources, tick, clock, sales, make_followup, delivered
):
    followup = await make_followup(sales, clock.now)
    clock.advance(hours=24, minutes=1)

    await tick()

    [sent] = delivered("overdue_escalation", openid="o-wang")
    assert sent["data"]["thing1"] == {"value": "张三"}
    assert sent["miniprogram"]["pagepath"].endswith(f"?id={followup.client_id}")


async def test_a_team_s_own_digest_time_applies_to_its_salespeople_only(
    resources, sales, manager, make_staff, make_followup
):
    other_manager = await make_staff("周经理", Role.MANAGER, bind_openid="o-zhou")
    other = await make_staff("赵六", manager=other_manager, bind_openid="o-zhao")
    await make_followup(sales, shanghai(10, 14))
    await make_followup(other, shanghai(10, 15), company="另一家公司")
    await runtime_settings.change(
        actor=manager, key="reminders.digest_time", raw="07:00", resources=resources, base=resources.settings,
        team_id=manager.id,
    )  # fmt: skip
    assert [d.recipient_id for d in await digests_at(resources, shanghai(10, 7, 5))] == [sales.id]
    assert resources.settings.reminders.digest_time == time(8, 30)  # the company's time is unchanged
    digests = await digests_at(resources, shanghai(10, 8, 30))
    assert [d.recipient_id for d in digests] == [sales.id, other.id]  # each once


async def test_a_team_s_own_escalation_delay_applies_to_its_follow_ups_only(
    resources, settings, sales, manager, make_staff, make_followup
):
    other_manager = await make_staff("周经理", Role.MANAGER, bind_openid="o-zhou")
    other = await make_staff("赵六", manager=other_manager, bind_openid="o-zhao")
    due = shanghai(10, 10)
    await make_followup(sales, due)
    await make_followup(other, due, company="另一家公司")
    await runtime_settings.change(
        actor=manager, key="reminders.escalate_after_h", raw="4", resources=resources, base=resources.settings,
        team_id=manager.id,
    )  # fmt: skip
    assert [e.recipient_id for e in await escalations_at(settings, due + timedelta(hours=4))] == [manager.id]
    escalated = await escalations_at(settings, due + timedelta(hours=24))
    assert sorted(e.recipient_id for e in escalated) == sorted([manager.id, other_manager.id])
