"""Whatever a salesperson sends, the bot answers with something useful and stores nothing half-written."""

import pytest

from models import Client
from tests.factories import SALES

HOSTILE = [
    "",
    " ",
    "跟进" * 2500,
    "新客户 " + "华" * 3000 + " 13812345678",
    "🏭🏭🏭 找厂房 😀",
    "\t跟进\t华兴\r\n明天",
    "SELECT * FROM clients; --",
    "跟进 ]]> <xml>&amp; 明天",
    "１２３４５６７８９０１",
    "新客户 华兴精密 电话13812345678 13912345678 15012345678",
    "找 昆山 -5000平 层高-3米 厂房",
    "找 昆山 99999999999平 厂房",
    "跟进 华兴精密 2099年13月45日再约",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_text_gets_a_reply_never_an_error(team, say, text):
    reply = await say(SALES, text)
    assert reply and "系统繁忙" not in reply
    assert len(reply.encode()) <= 2048 + len("]]]]><![CDATA[>") * 10


async def test_a_value_too_long_for_its_field_is_named_and_nothing_is_stored(team, say):
    reply = await say(SALES, "新客户 " + "华" * 3000 + " 13812345678")
    assert "公司名太长" in reply
    assert await Client.all().count() == 0
