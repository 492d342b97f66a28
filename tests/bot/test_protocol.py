"""Safe-mode encryption: our envelope against wechatpy's and werobot's, and corrupt envelopes refused."""

import base64

import pytest
import xmltodict
from wechatpy.crypto import WeChatCrypto
from werobot.crypto import MessageCrypt

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
