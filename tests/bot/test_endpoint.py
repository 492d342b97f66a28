"""/wechat: signatures, safe mode, hostile input, retries, binding, events."""

import asyncio
import time

import pytest
import xmltodict
from werobot.utils import get_signature

from models import WechatUser
from services import follows
from tests.wx import WeChatSimulator, event_xml, text_xml


@pytest.fixture(params=["safe", "plain"])
def sim(request) -> WeChatSimulator:
    """Each test twice: safe mode (AES) to the app with a key, plain mode to the app without one."""
    return request.getfixturevalue("wx" if request.param == "safe" else "wx_plain")


async def test_handshake_echoes_echostr_for_a_valid_signature(http, wx):
    response = await http.get("/wechat", params={**wx.signed_query(), "echostr": "abc123"})
    assert (response.status_code, response.text) == (200, "abc123")


async def test_handshake_with_a_forged_signature_is_403(http, wx):
    query = {**wx.signed_query(), "echostr": "abc123", "signature": "0" * 40}
    assert (await http.get("/wechat", params=query)).status_code == 403


async def test_unbound_user_gets_a_welcome_not_an_error(sim, http):
    sent = await sim.text(http, "o-visitor", "你好")
    assert sent.status == 200
    assert "顾问" in sent.text
    assert sent.reply["ToUserName"] == "o-visitor"


async def test_forged_signature_is_403_and_touches_nothing(http, wx):
    query, body = wx.envelope(text_xml("o-forger", "你好"))
    query["signature"] = "f" * 40
    response = await http.post("/wechat", params=query, content=body.encode())
    assert response.status_code == 403
    assert not await WechatUser.filter(openid="o-forger").exists()


async def test_with_an_aes_key_a_plain_message_is_refused(http, settings, wx):
    """The URL signature covers neither sender nor body: a leaked callback URL must not carry a plain message."""
    plain = WeChatSimulator(wx.url, settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid, aes=False)
    sent = await plain.text(http, "o-forger", "你好")
    assert sent.status == 403
    assert not await WechatUser.filter(openid="o-forger").exists()


async def test_a_signed_query_reused_with_another_body_is_refused(sim, http, make_staff):
    await make_staff("王经理", bind_openid="o-manager")
    query, body = sim.envelope(text_xml("o-visitor", "你好"))
    assert (await http.post(sim.url, params=query, content=body.encode())).status_code == 200
    _, forged = sim.envelope(text_xml("o-manager", "帮助"), timestamp=query["timestamp"], nonce=query["nonce"])
    if sim.aes:  # whoever holds the token can sign an encrypted body too: the triple still binds
        query = {
            **query,
            "msg_signature": get_signature(
                sim.token, query["timestamp"], query["nonce"], xmltodict.parse(forged)["xml"]["Encrypt"]
            ),
        }
    response = await http.post(sim.url, params=query, content=forged.encode())
    assert response.status_code == 403
    assert "跟进" not in response.text


async def test_wechats_retry_of_the_same_body_under_the_same_signature_is_answered(sim, http):
    query, body = sim.envelope(text_xml("o-visitor", "你好"))
    first = await http.post(sim.url, params=query, content=body.encode())
    retry = await http.post(sim.url, params=query, content=body.encode())
    assert (first.status_code, retry.status_code) == (200, 200)
    assert sim.read(first).text == sim.read(retry).text and "顾问" in sim.read(retry).text


async def test_forged_msg_signature_is_403(http, wx):
    query, body = wx.envelope(text_xml("o-forger", "你好"))
    query["msg_signature"] = "0" * 40
    assert (await http.post("/wechat", params=query, content=body.encode())).status_code == 403


@pytest.mark.parametrize("skew", [-301, 330])  # a future timestamp gets closer while a loaded machine sends it
async def test_timestamp_more_than_300_s_off_is_403(skew, http, wx):
    query, body = wx.envelope(text_xml("o-late", "你好"), timestamp=str(int(time.time()) + skew))
    assert (await http.post("/wechat", params=query, content=body.encode())).status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        "<xml><ToUserName>",
        "not xml at all",
        "<xml><MsgType><![CDATA[text]]></MsgType></xml>",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<xml><FromUserName>&lol2;</FromUserName></xml>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
        "\xff\xfe garbage",
    ],
    ids=["truncated", "text", "no-sender", "billion-laughs", "xxe", "binary"],
)
async def test_malformed_or_hostile_plain_xml_is_400(body, http, wx_plain):
    query, _ = wx_plain.envelope("")
    response = await http.post(wx_plain.url, params=query, content=body.encode("utf-8", "surrogateescape"))
    assert response.status_code == 400
    assert await WechatUser.all().count() == 0


async def test_corrupt_ciphertext_is_400(http, wx):
    query, body = wx.envelope(text_xml("o-x", "hi"))
    from werobot.utils import get_signature

    corrupt = "QUJD" * 10
    query["msg_signature"] = get_signature(wx.token, query["timestamp"], query["nonce"], corrupt)
    body = f"<xml><Encrypt><![CDATA[{corrupt}]]></Encrypt></xml>"
    assert (await http.post("/wechat", params=query, content=body.encode())).status_code == 400


async def test_body_over_64_kib_is_400(http, sim):
    query, body = sim.envelope(text_xml("o-big", "大" * 30000))
    assert len(body.encode()) > 65536
    assert (await http.post(sim.url, params=query, content=body.encode())).status_code == 400


async def test_cdata_terminator_in_reply_is_escaped(http, wx, make_staff, monkeypatch):
    from bot import router

    async def echo(resources, message, now, cached_identity=None, arrivals=None):
        return f"你说：{message.content}"

    monkeypatch.setattr(router, "respond", echo)
    await make_staff("张三", bind_openid="o-zhang")
    sent = await wx.text(http, "o-zhang", "a]]>b<xml>")
    assert sent.text == "你说：a]]>b<xml>"


async def test_retried_message_gets_the_same_reply_and_runs_once(http, wx, make_staff, monkeypatch):
    from bot import router

    calls = []

    async def slow(resources, message, now, cached_identity=None, arrivals=None):
        calls.append(message.content)
        await asyncio.sleep(0.3)
        return f"第{len(calls)}次"

    monkeypatch.setattr(router, "respond", slow)
    await make_staff("张三", bind_openid="o-zhang")
    xml = text_xml("o-zhang", "跟进 华兴", msg_id=987654321)
    replies = await asyncio.gather(*(wx.post(http, xml) for _ in range(3)))
    assert [r.text for r in replies] == ["第1次"] * 3
    assert calls == ["跟进 华兴"]


async def test_the_reply_cache_keeps_no_personal_data_in_clear(http, wx, make_staff, monkeypatch, resources):
    from bot import router

    async def record(resources, message, now, cached_identity=None, arrivals=None):
        return "华兴精密 张总 13812345678 微信 zhang_wx"

    monkeypatch.setattr(router, "respond", record)
    await make_staff("张三", bind_openid="o-zhang")
    xml = text_xml("o-zhang", "华兴精密")
    first, retry = await wx.post(http, xml), await wx.post(http, xml)
    assert first.text == retry.text == "华兴精密 张总 13812345678 微信 zhang_wx"
    cached = [await resources.redis.get(key) for key in await resources.redis.keys("wx:msg:*")]
    assert cached and not any(b"13812345678" in value or b"zhang_wx" in value for value in cached)


async def test_bind_code_binds_the_sender_and_names_them(http, wx, resources):
    from models.enums import Role
    from services import accounts

    account, code = await accounts.create_staff("张三", Role.SALES)
    sent = await wx.text(http, "o-zhang", f"绑定 {code}")
    assert sent.text.startswith("绑定成功：张三")
    user = await WechatUser.get(openid="o-zhang")
    assert user.account_id == account.id


async def test_bind_code_works_only_once(http, wx, resources):
    from models.enums import Role
    from services import accounts

    _, code = await accounts.create_staff("张三", Role.SALES)
    await wx.text(http, "o-zhang", f"绑定 {code}")
    sent = await wx.text(http, "o-other", f"绑定 {code}")
    assert "无效" in sent.text
    assert (await WechatUser.get(openid="o-other")).account_id is None


async def test_bound_staff_get_the_help_list(http, wx, make_staff):
    await make_staff("张三", bind_openid="o-zhang")
    sent = await wx.text(http, "o-zhang", "你好")
    assert "跟进" in sent.text and "新客户" in sent.text


async def test_subscribe_and_unsubscribe_update_the_wechat_user(http, wx, resources):
    sent = await wx.event(http, "o-fan", "subscribe")
    assert "欢迎" in sent.text
    assert (await WechatUser.get(openid="o-fan")).subscribed
    sent = await wx.event(http, "o-fan", "unsubscribe")
    assert sent.body == "success"
    assert not (await WechatUser.get(openid="o-fan")).subscribed


async def test_repeated_event_is_processed_once(http, wx, resources):
    xml = event_xml("o-fan", "subscribe", create_time=int(time.time()))
    first, second = await wx.post(http, xml), await wx.post(http, xml)
    assert first.text == second.text
    await follows.flush(resources)
    assert await WechatUser.filter(openid="o-fan").count() == 1


async def test_healthz_reports_db_and_redis(http, settings):
    response = await http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "db": "ok", "redis": "embedded" if settings.embedded_redis else "ok"}


async def test_two_senders_with_the_same_msgid_are_two_messages(http, wx, make_staff):
    await make_staff("张三", bind_openid="o-zhang")
    visitor = await wx.text(http, "o-visitor", "你好", msg_id=777)
    staff = await wx.text(http, "o-zhang", "你好", msg_id=777)
    assert visitor.reply["ToUserName"] == "o-visitor"
    assert staff.reply["ToUserName"] == "o-zhang"
    assert "跟进" in staff.text
