"""``python -m app chat --as NAME``: a terminal chat through the real signed endpoint."""

import asyncio
import os
import sys

from models import WechatUser
from models.enums import Role
from tests.conftest import test_environ

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


async def chat_cli(fake_url: str, server: str, name: str, lines: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app",
        "chat",
        "--as",
        name,
        "--url",
        f"{server}/wechat",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=test_environ(fake_url),
        cwd=ROOT,
    )
    out, err = await asyncio.wait_for(process.communicate(lines.encode()), 60)
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_chat_binds_an_unbound_account_and_answers_through_the_endpoint(fake_wechat, server, make_staff):
    account = await make_staff("张三", Role.SALES)
    out = await chat_cli(fake_wechat.url, server, "张三", "今天跟进谁\n")
    assert "绑定成功：张三" in out and "没有待跟进" in out
    assert (await WechatUser.get(account_id=account.id)).openid.startswith("cli-")


async def test_chat_reuses_the_accounts_wechat_user(fake_wechat, server, make_staff):
    await make_staff("张三", Role.SALES, bind_openid="o-zhang-real")
    out = await chat_cli(fake_wechat.url, server, "张三", "帮助\n")
    assert "绑定成功" not in out and "o-zhang-real" in out and "新客户" in out


async def test_chat_as_an_unknown_name_says_so(fake_wechat, server, resources):
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app",
        "chat",
        "--as",
        "无此人",
        "--url",
        f"{server}/wechat",
        stdout=asyncio.subprocess.PIPE,
        env=test_environ(fake_wechat.url),
        cwd=ROOT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 1 and "没有名为无此人的账号" in out.decode()
