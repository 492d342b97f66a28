"""Inside WeChat: silent OAuth once, and a JS-SDK signature over the exact URL for the share card."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

from tests.h5.test_pages import config_of
from wechat.api.jsapi import signature


def test_signature_matches_wechats_documented_example():
    # The example of WeChat's JS-SDK documentation (附录1).
    ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
    assert (
        signature(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value")
        == "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
    )


def test_signature_ignores_the_fragment_and_does_not_escape_the_url():
    url = "https://h5.example.com/h5/listings/A12?t=abc&c=share"
    expected = hashlib.sha1(f"jsapi_ticket=T&noncestr=N&timestamp=1&url={url}".encode()).hexdigest()
    assert signature("T", "N", 1, url + "#gallery") == expected


async def test_first_visit_in_wechat_goes_through_silent_oauth_once(new_browser, make_listing, settings, fake_wechat):
    listing = await make_listing()
    async with new_browser(wechat=True) as wx:
        first = await wx.get(f"/h5/listings/{listing.code}?t=AAAAAAAAAAAA&c=share")
        assert first.status_code == 302
        target = urlsplit(first.headers["location"])
        assert target.fragment == "wechat_redirect"
        query = parse_qs(target.query)
        assert query["scope"] == ["snsapi_base"] and query["appid"] == [settings.wechat_appid]
        back = query["redirect_uri"][0]
        assert back == f"{settings.public_base_url}/h5/listings/{listing.code}?t=AAAAAAAAAAAA&c=share"
        returned = await wx.get(f"/h5/listings/{listing.code}?t=AAAAAAAAAAAA&c=share&code=bob&state=h5")
        assert returned.status_code == 302
        assert returned.headers["location"] == back  # code and state gone: a reload does not reuse the code
        assert fake_wechat.calls("sns/oauth2/access_token")[0].query["code"] == "bob"
        page = await wx.get(f"/h5/listings/{listing.code}?t=AAAAAAAAAAAA&c=share")
        assert page.status_code == 200
        assert "snsapi_userinfo" not in page.text


async def test_a_refused_code_leaves_the_visitor_anonymous_without_a_loop(new_browser, make_listing):
    listing = await make_listing()
    async with new_browser(wechat=True) as wx:
        await wx.get(f"/h5/listings/{listing.code}")
        back = await wx.get(f"/h5/listings/{listing.code}?code=invalid-code&state=h5")
        assert back.status_code == 302
        page = await wx.get(f"/h5/listings/{listing.code}")
        assert page.status_code == 200


async def test_page_in_wechat_carries_a_valid_jssdk_config(new_browser, make_listing, settings, fake_wechat):
    listing = await make_listing()
    async with new_browser(wechat=True) as wx:
        await wx.get(f"/h5/listings/{listing.code}")
        await wx.get(f"/h5/listings/{listing.code}?code=carol&state=h5")
        page = (await wx.get(f"/h5/listings/{listing.code}?c=share&from=singlemessage")).text
        again = (await wx.get(f"/h5/listings/{listing.code}")).text
    config = config_of(page)["wx"]
    url = f"{settings.public_base_url}/h5/listings/{listing.code}?c=share&from=singlemessage"
    assert config["url"] == url and config["appId"] == settings.wechat_appid
    ticket = next(iter(fake_wechat.jsapi_tickets.values()))
    assert config["signature"] == signature(ticket, config["nonceStr"], config["timestamp"], url)
    assert config["jsApiList"] == ["updateAppMessageShareData", "updateTimelineShareData"]
    assert "jweixin.js" in page and config_of(again)["wx"] is not None
    assert len(fake_wechat.calls("cgi-bin/ticket/getticket")) == 1


async def test_ticket_is_shared_by_processes_through_redis(resources, fake_wechat, settings):
    from wechat import WeChatAPI

    async with WeChatAPI.from_settings(settings, redis=resources.redis) as other:
        first = await resources.wechat.jsapi.ticket()
        assert await other.jsapi.ticket() == first
    assert len(fake_wechat.calls("cgi-bin/ticket/getticket")) == 1


async def test_page_renders_without_share_config_when_wechat_fails(new_browser, make_listing, fake_wechat, resources):
    listing = await make_listing()
    fake_wechat.fail("cgi-bin/ticket/getticket", errcode=-1, times=None)
    async with new_browser(wechat=True) as wx:
        await wx.get(f"/h5/listings/{listing.code}")
        await wx.get(f"/h5/listings/{listing.code}?code=dave&state=h5")
        page = await wx.get(f"/h5/listings/{listing.code}")
    assert page.status_code == 200 and config_of(page.text)["wx"] is None


async def test_jssdk_endpoint_signs_only_this_sites_h5_urls(browser, settings):
    good = f"{settings.public_base_url}/h5/listings/A1?from=timeline"
    response = await browser.get("/h5/jssdk", params={"url": good})
    assert response.status_code == 200 and response.json()["url"] == good
    for bad in ("https://evil.example/h5/listings/A1", f"{settings.public_base_url}/api/mp/v1", good + "#x", ""):
        assert (await browser.get("/h5/jssdk", params={"url": bad})).status_code == 400
