"""Our envelope, parser and reply against wechatpy's (and werobot's crypto); corrupt envelopes refused."""

import base64
import time

import pytest
import xmltodict
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.messages import TextMessage
from wechatpy.replies import TextReply
from werobot.crypto import MessageCrypt

from bot import protocol
from bot.protocol import Envelope
from tests.wx import WeChatSimulator, text_xml

TOKEN, APPID = "token", "wx1234567890abcdef"
KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")
XML = text_xml("o-user", "要一个3000平的厂房 ]]> <xml>")


@pytest.fixture
def envelope() -> Envelope:
    return Envelope(TOKEN, KEY, APPID)


@pytest.mark.parametrize("length", [0, 1, 11, 12, 13, 44, 2000])  # around the 32-byte padding block
def test_what_wechatpy_and_werobot_encrypt_opens_and_what_we_seal_they_open(envelope, length):
    text = XML + "厂" * length
    wechatpy, werobot = WeChatCrypto(TOKEN, KEY, APPID), MessageCrypt(TOKEN, KEY, APPID)
    for sealed in (wechatpy.encrypt_message(text, "n1", "1700000000"), werobot.encrypt_message(text, "1", "n1")):
        assert envelope.open(xmltodict.parse(sealed)["xml"]["Encrypt"]) == text
    sealed = envelope.seal(text, "n1", "1700000000")
    reply = xmltodict.parse(sealed)["xml"]
    assert (reply["Nonce"], reply["TimeStamp"]) == ("n1", "1700000000")
    assert wechatpy.decrypt_message(sealed, reply["MsgSignature"], "1700000000", "n1") == text
    assert werobot.decrypt_message("1700000000", "n1", reply["MsgSignature"], reply["Encrypt"]).decode() == text


def test_a_message_for_another_appid_or_with_bad_padding_is_refused(envelope):
    other = MessageCrypt(TOKEN, KEY, "wx-other")
    with pytest.raises(ValueError):
        envelope.open(xmltodict.parse(other.encrypt_message(XML, "1", "n1"))["xml"]["Encrypt"])
    with pytest.raises(ValueError):
        envelope.open(base64.b64encode(bytes(32)).decode())  # padding byte 0


async def test_an_envelope_for_another_official_account_is_a_400(http, settings, wx):
    other = WeChatSimulator(wx.url, settings.wechat_token, settings.wechat_aes_key, "wx-another-account")
    assert (await other.text(http, "o-user", "你好")).status == 400


HEAD = (
    "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o-1]]></FromUserName><CreateTime>1</CreateTime>"
)


@pytest.mark.parametrize(
    "xml",
    [
        XML,
        HEAD
        + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[  两边有空格 \n]]></Content><MsgId>7</MsgId></xml>",
        HEAD + "<MsgType>TEXT</MsgType><Content></Content><MsgId>7</MsgId></xml>",
        HEAD
        + "<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/1.jpg]]></PicUrl><MediaId>m</MediaId></xml>",
        HEAD + "<MsgType>location</MsgType><Location_X>31.2</Location_X><Location_Y>121.1</Location_Y>"
        "<Scale>15</Scale><Label><![CDATA[花桥]]></Label><MsgId>8</MsgId></xml>",
        HEAD
        + "<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><Recognition>要厂房</Recognition></xml>",
        HEAD + "<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_s12</EventKey></xml>",
        HEAD + "<MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>"
        "<SubscribeMsgPopupEvent><List><TemplateId>t</TemplateId></List></SubscribeMsgPopupEvent></xml>",
        HEAD + "<MsgType>text</MsgType><Content>a</Content><Content>b</Content></xml>",
        HEAD + '<MsgType>text</MsgType><Content lang="zh">a</Content></xml>',
        HEAD + "<MsgType>hologram</MsgType></xml>",
        "<other><MsgType>text</MsgType><FromUserName>o-1</FromUserName></other>",
    ],
    ids=[
        "text",
        "spaces",
        "empty",
        "image",
        "location",
        "voice",
        "event",
        "nested",
        "twice",
        "attr",
        "unknown",
        "root",
    ],
)
def test_a_message_reads_as_wechatpy_reads_it(xml):
    """Plain messages take the C parser, the rest wechatpy's: the same message either way."""
    try:
        expected = parse_message(xml)
    except KeyError:  # not a WeChat message at all: refused the same way
        with pytest.raises(KeyError):
            protocol._parse(xml)
        return
    got = protocol._parse(xml)
    assert (type(got), got._data) == (type(expected), expected._data)


def test_a_text_reply_renders_as_wechatpys(monkeypatch):
    monkeypatch.setattr(time, "time", lambda: 1700000000.5)
    message = parse_message(XML)
    for answer in ("欢迎 ]]> <xml>", "长" * 1000):
        ours = xmltodict.parse(protocol.text_reply(message, answer))
        theirs = xmltodict.parse(TextReply(message=message, content=protocol.cdata_safe(protocol.fit(answer))).render())
        assert ours == theirs
    # In plain mode nothing signs the body: a sender id that would close the CDATA stays inside it.
    forged = TextMessage({**message._data, "FromUserName": "o-x]]><MsgType>news</MsgType><![CDATA["})
    assert xmltodict.parse(protocol.text_reply(forged, "hi"))["xml"]["ToUserName"] == forged.source
