"""登录后台 in chat: a one-time link for staff; partners and unbound users are told why not."""

from __future__ import annotations

import re

from models.enums import Role
from tests.factories import SALES


async def test_staff_get_a_one_time_link_valid_five_minutes(say, team, http):
    reply = await say(SALES, "登录后台")
    assert "5分钟内有效" in reply and "只能用一次" in reply
    url = re.search(r"http\S+", reply).group(0)
    path = url.split("8000", 1)[1]
    page = await http.get(path)
    assert page.status_code == 200 and "进入后台" in page.text


async def test_other_ways_of_asking_give_the_link_too(say, team):
    for text in ("后台登录链接", "怎么登录后台", "电脑上怎么看"):
        assert "/bo/login/link?token=" in await say(SALES, text), text


async def test_partners_and_unbound_users_are_refused(say, make_staff):
    await make_staff("合伙人老周", Role.PARTNER, bind_openid="o-partner")
    assert "合作伙伴请使用小程序" in await say("o-partner", "登录后台")
    assert "没有绑定员工账号" in await say("o-stranger", "登录后台")


async def test_confirming_with_nothing_to_confirm_says_so(say, team):
    assert "已过期" in await say(SALES, "确认登录")
