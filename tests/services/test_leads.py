"""services.leads: a new lead's first follow-up falls inside working time."""

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from models import Client, FollowUp, Notification, WechatUser
from services import agenda, leads, reminders

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "received, due",
    [
        (local(1, 10, 0), local(1, 11, 0)),  # inside working hours: an hour later
        (local(1, 17, 30), local(2, 9, 30)),  # half an hour today, the rest tomorrow morning
        (local(1, 22, 15), local(2, 10, 0)),  # at night: an hour after opening
        (local(1, 6, 0), local(1, 10, 0)),  # before opening
        (local(1, 17, 0), local(1, 18, 0)),  # exactly at closing
    ],
)
def test_the_first_followup_is_due_an_hour_of_working_time_later(received, due, settings):
    assert leads.first_followup_due(received, settings) == due


def test_the_delay_and_the_hours_are_configured(settings):
    configured = replace(
        settings,
        reminders=replace(
            settings.reminders, first_followup_min=30, business_opens=time(8, 0), business_closes=time(20, 0)
        ),
    )
    assert leads.first_followup_due(local(1, 19, 50), configured) == local(2, 8, 20)


async def test_a_new_lead_is_planned_in_its_salespersons_agenda_and_reminded(resources, settings, make_staff):
    sales = await make_staff("张三")
    user = await WechatUser.create(miniapp_openid="o-visitor")
    received = local(1, 10, 0)
    client = await leads.create(
        resources,
        wechat_user_id=user.id,
        company="华兴精密",
        contact_name="张总",
        phone="13812345678",
        need="2000平单层厂房",
        now=received,
    )
    due = local(1, 11, 0)
    assert client.owner_id == sales.id and (await Client.get(id=client.id)).next_followup_at == due
    plan = await agenda.for_day(actor=sales, day=due.date(), settings=settings, now=received)
    assert [f.content for f in plan.due] == ["2000平单层厂房"]
    await reminders.schedule(resources, now=due + timedelta(minutes=1))
    assert await Notification.filter(client_id=client.id, kind=reminders.FOLLOWUP_DUE).exists()


async def test_the_salespersons_first_followup_answers_the_leads_plan(resources, settings, make_staff):
    from services import clients

    sales = await make_staff("张三")
    user = await WechatUser.create(miniapp_openid="o-visitor")
    received = local(1, 10, 0)
    client = await leads.create(
        resources,
        wechat_user_id=user.id,
        company="华兴精密",
        contact_name="张总",
        phone="13812345678",
        need="2000平单层厂房",
        now=received,
    )
    result = await clients.log_followup(
        actor=sales, client=client, content="打过电话了", now=received + timedelta(minutes=20), settings=settings
    )
    assert result.kept_next_at is None
    assert not await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True).exists()
