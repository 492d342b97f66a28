"""Staff chat fixtures: ``say`` through the signed endpoint; the team and row factories are in tests/factories.py."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from models.enums import ReviewStatus, Role
from tests.factories import MANAGER, OTHER, SALES  # noqa: F401  (the team's openids, imported by the tests here)

WANG = "o-wangwu"
"""王五, the third salesperson of the chat-day scenarios (张三 is SALES, 李四 OTHER, 王经理 MANAGER)."""


@pytest.fixture
def say(http, wx, resources):
    """``await say(openid, text)`` -> the reply text, through the signed (AES) endpoint.

    The reply deadline is raised to 5 s so a loaded CI machine still gets the passive reply to check.
    """

    async def send(openid: str, text: str, **kw) -> str:
        sent = await wx.text(http, openid, text, **kw)
        assert sent.status == 200, sent.body
        return sent.text

    settings = resources.settings
    resources.settings = replace(settings, reply_deadline_s=5.0)
    yield send
    resources.settings = settings


@pytest.fixture(scope="session", autouse=True)
def warm_parser():
    """The parser loads its dictionaries on first use (~0.5 s): not inside a 1 s reply deadline."""
    import nlp

    nlp.parse("找昆山2000平厂房")


@pytest.fixture
async def day_one(team, make_staff, make_client, make_listing):
    """What the team had after day one: listings on the market, a few clients each."""
    wangwu = await make_staff("王五", Role.SALES, manager=team["manager"], bind_openid=WANG)
    zhang, li = team["zhang"], team["li"]
    await make_listing(code="A61", title="花桥单层厂房2000平", region="花桥", owner=zhang)
    await make_listing(
        code="A62", title="昆山仓库5000平", region="昆山", area=Decimal(5000), property_type="warehouse", owner=li
    )
    await make_listing(code="A67", title="嘉善厂房3000平", region="嘉善", area=Decimal(3000), owner=wangwu)
    await make_listing(
        code="A69", title="平湖厂房2500平", region="平湖", owner=zhang, review_status=ReviewStatus.PENDING
    )
    await make_client(
        zhang, "华兴精密", phone="13800001111", contact_name="张", region="昆山", area_min=1800, area_max=2200
    )
    await make_client(zhang, "新锐医疗器械", phone="13800002222", contact_name="周")
    await make_client(li, "康达物流", phone="13588886666", contact_name="赵", property_type="warehouse")
    await make_client(li, "利华电子", phone="13800003333", contact_name="钱")
    await make_client(wangwu, "宏达物流", phone="13800004444", contact_name="孙")
    return wangwu
