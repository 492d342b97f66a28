"""Failures become typed exceptions that tell the caller what to do."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest

from wechat import (
    InvalidArgument,
    NotAuthorised,
    QuotaError,
    TransientError,
    UserUnreachable,
    WeChatError,
    WeChatErrorCode,
)

pytestmark = pytest.mark.asyncio

TEMPLATE = "cgi-bin/message/template/send"


@pytest.mark.parametrize(
    ("errcode", "cls", "retryable", "permanent"),
    [
        (45009, QuotaError, False, False),
        (45011, QuotaError, False, False),
        (43004, UserUnreachable, False, True),
        (40003, UserUnreachable, False, True),
        (48001, NotAuthorised, False, True),
        (47003, InvalidArgument, False, True),
        (-1, TransientError, True, False),
        (99999, WeChatError, False, True),
    ],
)
async def test_errcode_becomes_typed_exception(fake_wechat, api, errcode, cls, retryable, permanent):
    fake_wechat.fail(TEMPLATE, errcode=errcode)
    with pytest.raises(cls) as caught:
        await api.message.send_template("o_a", "tpl", {"k": "v"})
    error = caught.value
    assert type(error) is cls
    assert (error.errcode, error.endpoint) == (errcode, TEMPLATE)
    assert (error.retryable, error.permanent) == (retryable, permanent)
    assert len(fake_wechat.calls(TEMPLATE)) == 1  # never retried here


async def test_known_errcode_is_an_enum(fake_wechat, api):
    fake_wechat.fail(TEMPLATE, errcode=45009)
    with pytest.raises(QuotaError) as caught:
        await api.message.send_template("o_a", "tpl", {"k": "v"})
    assert caught.value.errcode is WeChatErrorCode.API_DAILY_QUOTA


async def test_failure_for_one_openid_only(fake_wechat, api):
    fake_wechat.fail(TEMPLATE, errcode=43004, openid="o_gone", times=None)
    with pytest.raises(UserUnreachable):
        await api.message.send_template("o_gone", "tpl", {"k": "v"})
    assert await api.message.send_template("o_here", "tpl", {"k": "v"})


async def test_server_error_is_transient(fake_wechat, api):
    fake_wechat.fail(TEMPLATE, errcode=-1, status=502)
    with pytest.raises(TransientError):
        await api.message.send_template("o_a", "tpl", {"k": "v"})


async def test_timeout_is_transient(fake_wechat, make_api):
    api = make_api(timeout=0.2)
    await api.user.info("o_a")  # token first, so the timeout is the call's own
    fake_wechat.delay(TEMPLATE, 1.0, times=1)
    started = time.monotonic()
    with pytest.raises(TransientError) as caught:
        await api.message.send_template("o_a", "tpl", {"k": "v"})
    assert time.monotonic() - started < 0.9
    assert caught.value.retryable and "Timeout" in caught.value.errmsg


async def test_connection_refused_is_transient(make_api):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    api = make_api(api_base=f"http://127.0.0.1:{port}/")
    with pytest.raises(TransientError):
        await api.user.info("o_a")


async def test_token_fetch_failure_is_typed(fake_wechat, api):
    fake_wechat.fail("cgi-bin/stable_token", errcode=40125)
    with pytest.raises(NotAuthorised):
        await api.user.info("o_a")


async def test_slow_api_does_not_block_the_loop(fake_wechat, api):
    await api.user.info("o_a")
    fake_wechat.delay("cgi-bin/user/info", 0.5, times=1)
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    try:
        await api.user.info("o_b")
    finally:
        task.cancel()
    assert ticks >= 25


async def test_credentials_are_not_logged(fake_wechat, api, caplog):
    caplog.set_level("DEBUG")
    caplog.set_level("INFO", logger="httpx")  # the app's logging setup may have quietened it
    await api.user.info("o_a")
    await api.sns.code_to_session("alice")
    assert "access_token=***" in caplog.text
    assert "js_code=***" in caplog.text
    token = fake_wechat.calls("cgi-bin/user/info")[0].access_token
    assert token not in caplog.text and "secret=secret" not in caplog.text
