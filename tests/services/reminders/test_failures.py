"""How sends end when WeChat refuses: retried, failed with a reason, or paused for the quota."""

from dataclasses import replace
from datetime import timedelta

import pytest

from models import Notification, WechatUser
from models.enums import NotificationStatus
from services import follows, notify, outbox
from services.notify import Notice
from tests.services.reminders.conftest import OPENID, T0
from wechat import WeChatAPI

TEMPLATE = "cgi-bin/message/template/send"


@pytest.fixture
async def queued(sales):
    """``await queued(n)``: n notices to the salesperson, due now."""

    async def make(n: int = 1) -> list[Notification]:
        return [
            await notify.queue(
                Notice.REFERRAL_LEAD, sales, dedupe_key=f"test:{i}", facts={"client": f"华兴精密{i}"}, due_at=T0
            )
            for i in range(n)
        ]

    return make


async def test_notice_from_the_rest_of_the_system_is_sent_with_its_template(queued, sender, delivered):
    await queued()

    await sender().drain()

    [sent] = delivered("notice")
    assert sent["data"] == {
        "thing1": {"value": "您推荐的客户已留资"},
        "thing2": {"value": "华兴精密0"},
        "time3": {"value": "2026年03月10日 10:00"},
    }
    assert "url" not in sent and "miniprogram" not in sent


async def test_a_long_title_and_company_are_trimmed_and_the_listing_code_is_kept(sales, sender, delivered):
    await notify.queue(
        Notice.LISTING_FITS_CLIENT,
        sales,
        dedupe_key="fits",
        facts={"listing": "A1234", "client": "苏州工业园区华兴精密机械制造股份有限公司", "score": 92},
        due_at=T0,
    )
    await sender().drain()
    [sent] = delivered("notice")
    assert sent["data"]["thing2"] == {"value": "A1234适合苏州工业…（匹配度92%）"}


async def test_transient_error_is_retried_with_backoff(queued, sender, clock, fake_wechat, delivered):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, errcode=-1)

    await sender().drain()
    await notification.refresh_from_db()
    assert (notification.status, notification.attempts, notification.last_error) == (
        NotificationStatus.PENDING,
        1,
        "-1 injected by fake",
    )
    assert timedelta(seconds=30) <= notification.next_attempt_at - clock.now <= timedelta(seconds=37.5)

    await sender().drain()
    assert delivered("notice") == []

    clock.advance(seconds=38)
    await sender().drain()
    assert len(delivered("notice")) == 1


async def test_backoff_doubles_with_each_attempt(queued, sender, clock, fake_wechat):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, errcode=-1, times=2)
    await sender().drain()
    clock.advance(seconds=40)

    await sender().drain()

    await notification.refresh_from_db()
    assert timedelta(seconds=60) <= notification.next_attempt_at - clock.now <= timedelta(seconds=75)


async def test_http_5xx_is_retried(queued, sender, fake_wechat):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, status=502)

    await sender().drain()

    await notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING and notification.last_error == "- HTTP 502"


async def test_timeout_is_retried(resources, queued, sender, fake_wechat, settings):
    [notification] = await queued()
    fake_wechat.delay(TEMPLATE, 0.5, times=1)
    s = sender()
    s.resources = replace(
        resources, wechat=WeChatAPI.from_settings(replace(settings, wechat_timeout_s=0.1), redis=resources.redis)
    )
    try:
        await s.drain()
    finally:
        await s.resources.wechat.close()

    await notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING and "Timeout" in notification.last_error


async def test_transient_errors_fail_with_reason_after_max_attempts(queued, sender, clock, fake_wechat, settings):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, errcode=-1, times=None)

    for _ in range(settings.reminders.max_attempts):
        await sender().drain()
        clock.advance(days=1)

    await notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED
    assert notification.last_error == "gave up after 5 attempts: -1 injected by fake"
    assert len(fake_wechat.calls(TEMPLATE)) == 5


@pytest.mark.parametrize("errcode", [43004, 40003, 40037, 47003])
async def test_permanent_error_fails_with_reason_and_is_not_retried(queued, sender, clock, fake_wechat, errcode):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, errcode=errcode, errmsg="refused")

    await sender().drain()
    clock.advance(days=1)
    await sender().drain()

    await notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (NotificationStatus.FAILED, f"{errcode} refused")
    assert len(fake_wechat.calls(TEMPLATE)) == 1


async def test_user_not_following_43004_marks_the_recipient_unsubscribed(queued, sender, fake_wechat, resources):
    [notification] = await queued()
    fake_wechat.fail(TEMPLATE, errcode=43004)

    await sender().drain()
    await follows.flush(resources)

    recipient = await WechatUser.get(account_id=notification.recipient_id)
    assert not recipient.subscribed and recipient.unsubscribed_at is not None


async def test_quota_error_pauses_every_worker_and_sending_resumes_later(
    resources, queued, sender, clock, fake_wechat, delivered, settings
):
    await queued(3)
    fake_wechat.fail(TEMPLATE, errcode=45009)

    await sender(concurrency=1).drain()
    assert delivered("notice") == []
    assert await resources.redis.get(outbox.PAUSE_KEY) is not None
    assert set(await Notification.all().values_list("status", "attempts")) == {(NotificationStatus.PENDING, 0)}

    clock.advance(seconds=settings.reminders.quota_pause_s - 1)
    await sender(name="another-worker").drain()
    assert len(fake_wechat.calls(TEMPLATE)) == 1

    clock.advance(seconds=2)
    await sender().drain()
    assert len(delivered("notice")) == 3


async def test_unbound_recipient_fails_with_reason(make_staff, sender, fake_wechat):
    unbound = await make_staff("李四")
    notification = await notify.queue(
        Notice.REFERRAL_LEAD, unbound, dedupe_key="x", facts={"client": "华兴精密"}, due_at=T0
    )

    await sender().drain()

    await notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.FAILED,
        "recipient has no bound WeChat",
    )
    assert fake_wechat.calls(TEMPLATE) == []


async def test_recipient_who_unfollowed_fails_with_reason(queued, sender, fake_wechat, resources):
    [notification] = await queued()
    await follows.queue(resources.redis, follows.Touch.UNFOLLOW, OPENID)
    await follows.flush(resources)

    await sender().drain()

    await notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED
    assert notification.last_error == "recipient unfollowed the official account"


async def test_deactivated_recipient_fails_with_reason(queued, sender, sales, fake_wechat):
    [notification] = await queued()
    sales.active = False
    await sales.save()

    await sender().drain()

    await notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.FAILED,
        "recipient account is deactivated",
    )
    assert fake_wechat.calls(TEMPLATE) == []


async def test_frequency_limit_pauses_sending_for_a_minute(resources, queued, sender, clock, fake_wechat, delivered):
    await queued()
    fake_wechat.fail(TEMPLATE, errcode=45011)

    await sender().drain()
    clock.advance(seconds=59)
    await sender().drain()
    assert delivered("notice") == []

    clock.advance(seconds=2)
    await sender().drain()
    assert len(delivered("notice")) == 1


async def test_kind_without_a_template_fails_with_reason(sales, sender):
    notification = await Notification.create(
        kind="no_such_kind", recipient=sales, dedupe_key="x", payload={}, due_at=T0
    )

    await sender().drain()

    await notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        NotificationStatus.FAILED,
        "no template configured for no_such_kind",
    )


async def test_expired_lease_is_claimed_again_and_resent_with_the_same_client_msg_id(
    queued, sender, clock, fake_wechat, delivered
):
    [notification] = await queued()
    killed = sender(name="killed")
    assert [n.id for n in await killed.claim()] == [notification.id]
    assert await sender(name="other").claim() == []  # leased

    clock.advance(seconds=killed.lease.total_seconds() + 1)
    await sender(name="other").drain()

    [sent] = delivered("notice")
    assert sent["client_msg_id"] == notification.client_msg_id
    await notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.attempts == 2


async def test_template_send_job_finish_records_delivery_status(queued, sender, wx, http):
    [notification] = await queued()
    await sender().drain()
    await notification.refresh_from_db()

    await wx.post(
        http,
        f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{OPENID}]]>"
        f"</FromUserName><CreateTime>1773108000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        f"<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>{notification.wechat_msgid}</MsgID>"
        f"<Status><![CDATA[failed:user block]]></Status></xml>",
    )

    await notification.refresh_from_db()
    assert notification.delivery_status == "failed:user block"
