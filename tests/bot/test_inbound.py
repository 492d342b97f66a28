"""Late replies (bot.inbound): written down before ``success``, finished from the database, drained, resumed."""

import asyncio
import dataclasses
import time
from datetime import datetime, timedelta, timezone

import pytest
from tortoise import Tortoise

from bot import router
from bot.inbound import Inbound
from models import InboundMessage
from models.enums import InboundStatus
from tests.wx import text_xml

CUSTOM_SEND = "cgi-bin/message/custom/send"


class SlowChat:
    """Stands in for the chat (bot.router.respond): records each text, answers after ``delay`` seconds."""

    def __init__(self) -> None:
        self.delay = 0.0
        self.texts: list[str] = []

    async def __call__(self, resources, message, now, cached_identity=None, arrivals=None) -> str:
        self.texts.append(message.content)
        await asyncio.sleep(self.delay)
        return f"已记录：{message.content}"


@pytest.fixture
def slow_chat(monkeypatch) -> SlowChat:
    handler = SlowChat()
    monkeypatch.setattr(router, "respond", handler)
    return handler


@pytest.fixture
async def zhang(make_staff):
    return await make_staff("张三", bind_openid="o-zhang")


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def inbound(resources, clock=None, **config) -> Inbound:
    """A process's Inbound, with ``config`` over the inbound settings."""
    settings = dataclasses.replace(
        resources.settings, inbound=dataclasses.replace(resources.settings.inbound, **config)
    )
    return Inbound(dataclasses.replace(resources, settings=settings), **({"clock": clock} if clock else {}))


async def given_up(
    text: str, *, status=InboundStatus.WORKING, reply: str | None = None, attempts: int = 1
) -> InboundMessage:
    """A message a killed process had written down: its lease has ended."""
    now = datetime.now(timezone.utc)
    return await InboundMessage.create(
        key=f"wx:msg:o-zhang:{time.time_ns()}",
        openid="o-zhang",
        xml=text_xml("o-zhang", text),
        status=status,
        reply=reply,
        attempts=attempts,
        received_at=now - timedelta(seconds=30),
        claimed_by="dead-host:1:abc",
        claimed_until=now - timedelta(seconds=1),
    )


async def stored_columns() -> list[dict]:
    """The table as the database holds it."""
    return await Tortoise.get_connection("default").execute_query_dict("SELECT xml, reply FROM inbound_messages")


async def eventually(condition, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not await condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_a_reply_past_the_deadline_is_written_down_before_success_and_sent_by_customer_service_message(
    http, wx, zhang, slow_chat, fake_wechat
):
    slow_chat.delay = 2
    started = time.perf_counter()
    sent = await wx.text(http, "o-zhang", "跟进 华兴精密 张总 13812345678")
    assert time.perf_counter() - started < slow_chat.delay
    assert sent.body == "success"
    row = await InboundMessage.get(openid="o-zhang")
    assert row.status == InboundStatus.WORKING and "跟进 华兴精密" in row.xml

    async def delivered() -> bool:
        return (await InboundMessage.get(id=row.id)).status == InboundStatus.DONE

    await eventually(delivered)
    [call] = fake_wechat.calls(CUSTOM_SEND)
    assert call.json["touser"] == "o-zhang" and call.json["text"]["content"] == "已记录：跟进 华兴精密 张总 13812345678"
    [stored] = await stored_columns()
    assert "13812345678" not in stored["xml"] + stored["reply"], "the sender's words are encrypted at rest"


async def test_wechats_retry_of_a_written_down_message_gets_success_and_runs_nothing(
    http, wx, zhang, slow_chat, fake_wechat
):
    slow_chat.delay = 1.5
    xml = text_xml("o-zhang", "跟进 华兴精密 已报价")
    first = await wx.post(http, xml)
    retry = await wx.post(http, xml)
    assert first.body == retry.body == "success"
    await eventually(lambda: InboundMessage.filter(status=InboundStatus.DONE).exists())
    assert slow_chat.texts == ["跟进 华兴精密 已报价"]
    assert await InboundMessage.all().count() == 1 and len(fake_wechat.calls(CUSTOM_SEND)) == 1


async def test_a_message_given_up_by_a_killed_process_is_resumed_by_exactly_one_process(
    resources, zhang, slow_chat, fake_wechat
):
    row = await given_up("跟进 华兴精密 明天下午3点带看")
    first, second = inbound(resources), inbound(resources)
    assert sorted(await asyncio.gather(first.resume_due(), second.resume_due())) == [0, 1]
    await first.stop()
    await second.stop()
    row = await InboundMessage.get(id=row.id)
    assert (row.status, row.attempts) == (InboundStatus.DONE, 2)
    assert slow_chat.texts == ["跟进 华兴精密 明天下午3点带看"]
    [call] = fake_wechat.calls(CUSTOM_SEND)
    assert call.json["text"]["content"] == "已记录：跟进 华兴精密 明天下午3点带看"


async def test_a_known_reply_not_yet_delivered_is_only_sent(resources, zhang, slow_chat, fake_wechat):
    row = await given_up("跟进 华兴精密 已报价", status=InboundStatus.ANSWERED, reply="已记录：华兴精密")
    process = inbound(resources)
    assert await process.resume_due() == 1
    await process.stop()
    assert (await InboundMessage.get(id=row.id)).status == InboundStatus.DONE
    assert slow_chat.texts == []
    assert [c.json["text"]["content"] for c in fake_wechat.calls(CUSTOM_SEND)] == ["已记录：华兴精密"]


async def test_a_reply_wechat_refuses_for_good_ends_failed_with_the_reason(resources, zhang, fake_wechat):
    fake_wechat.fail(CUSTOM_SEND, errcode=45015)  # the 48-hour window has closed
    row = await given_up("跟进 华兴精密", status=InboundStatus.ANSWERED, reply="已记录：华兴精密")
    process = inbound(resources)
    await process.resume_due()
    await process.stop()
    row = await InboundMessage.get(id=row.id)
    assert row.status == InboundStatus.FAILED and "45015" in row.last_error


async def test_a_reply_wechat_could_not_take_is_sent_again_later(resources, zhang, fake_wechat):
    fake_wechat.fail(CUSTOM_SEND, errcode=-1)  # system busy, once
    row = await given_up("跟进 华兴精密", status=InboundStatus.ANSWERED, reply="已记录：华兴精密")
    clock = Clock()
    process = inbound(resources, clock, retry_s=30)
    assert await process.resume_due() == 1
    await process.stop()
    assert (await InboundMessage.get(id=row.id)).status == InboundStatus.ANSWERED
    assert await process.resume_due() == 0, "not before the retry delay"
    clock.now += timedelta(seconds=31 * 2)
    assert await process.resume_due() == 1
    await process.stop()
    assert (await InboundMessage.get(id=row.id)).status == InboundStatus.DONE
    assert len(fake_wechat.calls(CUSTOM_SEND)) == 2


async def test_a_message_that_failed_every_attempt_is_given_up(resources, zhang, slow_chat):
    row = await given_up("跟进 华兴精密", attempts=5)
    process = inbound(resources, max_attempts=5)
    await process.resume_due()
    row = await InboundMessage.get(id=row.id)
    assert row.status == InboundStatus.FAILED and "gave up" in row.last_error
    assert slow_chat.texts == []


async def test_stop_lets_unfinished_work_end_before_it_returns(resources, zhang, slow_chat, fake_wechat):
    slow_chat.delay = 0.5
    row = await given_up("跟进 华兴精密 已报价")
    process = inbound(resources)
    await process.resume_due()
    await process.stop()
    assert (await InboundMessage.get(id=row.id)).status == InboundStatus.DONE
    assert len(fake_wechat.calls(CUSTOM_SEND)) == 1


async def test_work_not_done_within_drain_s_is_released_to_the_next_process(resources, zhang, slow_chat, fake_wechat):
    slow_chat.delay = 30
    row = await given_up("跟进 华兴精密 已报价")
    stopping = inbound(resources, drain_s=0.2)
    await stopping.resume_due()
    started = time.perf_counter()
    await stopping.stop()
    assert time.perf_counter() - started < 5
    row = await InboundMessage.get(id=row.id)
    assert row.status == InboundStatus.WORKING and row.claimed_until <= datetime.now(timezone.utc)
    slow_chat.delay = 0
    next_process = inbound(resources)
    assert await next_process.resume_due() == 1
    await next_process.stop()
    assert (await InboundMessage.get(id=row.id)).status == InboundStatus.DONE
    assert len(fake_wechat.calls(CUSTOM_SEND)) == 1
