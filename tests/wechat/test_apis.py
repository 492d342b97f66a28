"""What each area sends, and what it makes of the answer."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

import pytest

from wechat import InvalidArgument, InvalidCode, WeChatAPI, WeChatError

pytestmark = pytest.mark.asyncio

PNG = b"\x89PNG\r\n\x1a\n"


async def test_template_values_are_fitted_to_one_line_of_their_keys_type(fake_wechat, api):
    await api.message.send_template(
        "o_a", "tpl", {"thing1": "一二三四五六七八九十一二三四五六七八九十超出", "thing2": " 第一行\n 第二行 ", "n": 42}
    )
    data = fake_wechat.calls("cgi-bin/message/template/send")[0].json["data"]
    assert data == {
        "thing1": {"value": "一二三四五六七八九十一二三四五六七八九…"},
        "thing2": {"value": "第一行 第二行"},
        "n": {"value": "42"},
    }


async def test_template_client_msg_id_passed_and_deduplicated(fake_wechat, api):
    first = await api.message.send_template("o_a", "tpl", {"k": "v"}, client_msg_id="scrm-n1")
    again = await api.message.send_template("o_a", "tpl", {"k": "v"}, client_msg_id="scrm-n1")
    other = await api.message.send_template("o_a", "tpl", {"k": "v"}, client_msg_id="scrm-n2")
    assert first == again != other
    assert [c.json["client_msg_id"] for c in fake_wechat.calls("cgi-bin/message/template/send")] == [
        "scrm-n1",
        "scrm-n1",
        "scrm-n2",
    ]
    stats = fake_wechat.stats()
    assert (stats["delivered"], stats["delivered_client_msg_ids"], stats["duplicates"]) == (2, 2, 1)


async def test_template_to_a_miniprogram_page(fake_wechat, api):
    await api.message.send_template("o_a", "tpl", {"k": "v"}, page="/pages/followup/detail?id=3", url="https://x")
    body = fake_wechat.templates("o_a")[0]
    assert body["miniprogram"] == {"appid": "wxminiapp", "pagepath": "pages/followup/detail?id=3"}
    assert body["url"] == "https://x"  # a fallback for old clients; the mini-program wins


async def test_template_page_needs_a_miniapp(make_api):
    with pytest.raises(ValueError):
        await make_api(miniapp_appid="").message.send_template("o_a", "tpl", {}, page="pages/index")


async def test_custom_text_and_image(fake_wechat, api):
    await api.message.send_text("o_a", "你好")
    await api.message.send_image("o_a", "MEDIA_1")
    assert [c.json for c in fake_wechat.calls("cgi-bin/message/custom/send")] == [
        {"touser": "o_a", "msgtype": "text", "text": {"content": "你好"}},
        {"touser": "o_a", "msgtype": "image", "image": {"media_id": "MEDIA_1"}},
    ]


async def test_subscribe_message(fake_wechat, api):
    await api.message.send_subscribe("o_a", "tpl", {"thing1": "跟进提醒"}, page="pages/index")
    body = fake_wechat.calls("cgi-bin/message/subscribe/send")[0].json
    assert body["page"] == "pages/index" and body["data"] == {"thing1": {"value": "跟进提醒"}}


async def test_code_to_session_needs_no_token(fake_wechat, api, appid):
    fake_wechat.with_unionid = True
    session = await api.sns.code_to_session("alice:1")
    assert session["openid"] == "o_alice" and session["unionid"] == "u_alice" and session["session_key"]
    assert fake_wechat.calls("cgi-bin/stable_token") == []
    call = fake_wechat.calls("sns/jscode2session")[0]
    assert call.access_token is None
    assert call.query == {"appid": appid, "secret": "secret", "js_code": "alice:1", "grant_type": "authorization_code"}


async def test_code_to_session_with_other_credentials_and_bad_codes(fake_wechat, api):
    session = await api.sns.code_to_session("bob", appid="wxother", secret="s2")
    assert set(session) == {"openid", "session_key"}
    assert fake_wechat.calls("sns/jscode2session")[0].query["appid"] == "wxother"
    with pytest.raises(InvalidCode) as caught:
        await api.sns.code_to_session("bob", appid="wxother", secret="s2")
    assert caught.value.errcode == 40163
    with pytest.raises(InvalidCode):
        await api.sns.code_to_session("invalid-code")


async def test_qrcode_permanent(fake_wechat, api):
    result = await api.qrcode.create("ref_123", permanent=True)
    assert result["expire_seconds"] is None and result["ticket"] and result["url"]
    assert fake_wechat.calls("cgi-bin/qrcode/create")[0].json == {
        "action_name": "QR_LIMIT_STR_SCENE",
        "action_info": {"scene": {"scene_str": "ref_123"}},
    }
    assert fake_wechat.tickets[result["ticket"]]["scene"] == "ref_123"


async def test_qrcode_temporary_and_image(fake_wechat, api):
    result = await api.qrcode.create("camp_9", permanent=False, expire_seconds=86400)
    assert result["expire_seconds"] == 86400
    body = fake_wechat.calls("cgi-bin/qrcode/create")[0].json
    assert (body["action_name"], body["expire_seconds"]) == ("QR_STR_SCENE", 86400)
    url = api.qrcode.image_url(result["ticket"])
    assert url == f"{fake_wechat.showqrcode_base}?ticket={quote(result['ticket'], safe='')}"
    assert (await api.qrcode.fetch_image(result["ticket"])).startswith(PNG)
    assert fake_wechat.calls("cgi-bin/showqrcode")[0].access_token is None


@pytest.mark.parametrize("scene", ["", "x" * 65])
async def test_qrcode_scene_checked(api, scene):
    with pytest.raises(ValueError):
        await api.qrcode.create(scene, permanent=True)


async def test_media_upload(fake_wechat, api):
    media_id = await api.media.upload("image", "qr.png", PNG + b"rest")
    assert fake_wechat.media[media_id] == {"type": "image", "filename": "qr.png", "size": len(PNG) + 4}
    assert fake_wechat.calls("cgi-bin/media/upload")[0].query["type"] == "image"
    assert await api.media.upload("thumb", "t.jpg", b"jpeg")
    with pytest.raises(ValueError):
        await api.media.upload("pdf", "a.pdf", b"x")


async def test_media_get_downloads_an_image_and_follows_a_video_link(fake_wechat, api):
    image_id = fake_wechat.add_media(PNG + b"photo", "image")
    video_id = fake_wechat.add_media(b"\x00\x00\x00\x18ftypmp42video", "video")
    assert await api.media.get(image_id) == PNG + b"photo"
    assert await api.media.get(video_id) == b"\x00\x00\x00\x18ftypmp42video"
    assert fake_wechat.calls("cgi-bin/media/get")[0].query["media_id"] == image_id


async def test_media_get_of_expired_media_is_an_error(fake_wechat, api):
    media_id = fake_wechat.add_media(PNG, "image")
    fake_wechat.expire_media(media_id)
    with pytest.raises(WeChatError) as caught:
        await api.media.get(media_id)
    assert caught.value.errcode == 40007


async def test_wxa_unlimited_code(fake_wechat, api):
    image = await api.wxa.get_unlimited_code("ref=12", page="pages/index/index", env_version="trial")
    assert image.startswith(PNG)
    assert fake_wechat.calls("wxa/getwxacodeunlimit")[0].json == {
        "scene": "ref=12",
        "page": "pages/index/index",
        "width": 430,
        "check_path": False,
        "env_version": "trial",
    }


async def test_wxa_code_errors(fake_wechat, api):
    with pytest.raises(ValueError):
        await api.wxa.get_unlimited_code("中文")
    with pytest.raises(ValueError):
        await api.wxa.get_unlimited_code("a", page="/pages/index")
    fake_wechat.fail("wxa/getwxacodeunlimit", errcode=41030)
    with pytest.raises(InvalidArgument):  # JSON instead of an image
        await api.wxa.get_unlimited_code("a", page="pages/missing")


async def test_user_info(fake_wechat, api):
    assert (await api.user.info("o_a"))["subscribe"] == 1
    fake_wechat.unsubscribed.add("o_b")
    assert await api.user.info("o_b") == {"subscribe": 0, "openid": "o_b"}


async def test_from_settings_uses_the_configured_bases(fake_wechat, redis):
    settings = SimpleNamespace(
        wechat_appid="wxoa",
        wechat_secret="s1",
        miniapp_appid="wxmp",
        miniapp_secret="s2",
        wechat_api_base=fake_wechat.url.rstrip("/"),
        wechat_showqrcode_base=fake_wechat.showqrcode_base,
        wechat_timeout_s=3.0,
    )
    async with (
        WeChatAPI.from_settings(settings, redis=redis) as oa,
        WeChatAPI.from_settings(settings, redis=redis, miniapp=True) as mp,
    ):
        assert (oa.appid, mp.appid, oa.miniapp_appid) == ("wxoa", "wxmp", "wxmp")
        await oa.user.info("o_a")
        await mp.wxa.get_unlimited_code("a")
    assert [c.json["appid"] for c in fake_wechat.calls("cgi-bin/stable_token")] == ["wxoa", "wxmp"]
