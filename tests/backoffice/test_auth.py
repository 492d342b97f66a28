"""Signing in to the back office: the official account's QR code, one-time links, sessions, sign-out."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import parse_qs, urlparse

from models.enums import Role
from services import staff_sessions
from tests.factories import MANAGER, SALES
from tests.wx import WeChatSimulator


def qr_scene(fake_wechat, page: str) -> str:
    """The scene of the QR code a sign-in page shows (what WeChat would tell us when it is scanned)."""
    ticket = parse_qs(urlparse(re.search(r'class="qr" src="([^"]+)"', page).group(1).replace("&amp;", "&")).query)[
        "ticket"
    ][0]
    return fake_wechat.tickets[ticket]["scene"]


async def scan(wx: WeChatSimulator, http, openid: str, scene: str) -> str:
    sent = await wx.event(http, openid, "SCAN", event_key=scene)
    assert sent.status == 200
    return sent.text


async def test_the_site_address_leads_to_the_sign_in_page(browser):
    client = await browser()
    home = await client.get("/")
    assert home.status_code == 302 and home.headers["location"] == "/bo/"
    start = await client.get("/bo/")
    assert start.status_code == 302 and start.headers["location"] == "/bo/login?next=/bo/"


async def test_a_bound_salesperson_scans_confirms_in_chat_and_the_page_signs_in(browser, http, wx, team, fake_wechat):
    client = await browser()
    page = await client.get("/bo/login")
    assert page.status_code == 200 and "用微信扫一扫" in page.text
    scene = qr_scene(fake_wechat, page.text)
    assert scene.startswith("login:")
    created = fake_wechat.calls("cgi-bin/qrcode/create")[-1].json
    assert created["action_name"] == "QR_STR_SCENE" and created["expire_seconds"] == 300

    waiting = await client.get("/bo/login/state")
    assert 'data-state="waiting"' in waiting.text

    asked = await scan(wx, http, SALES, scene)
    assert asked.startswith("确认登录后台？") and "msgmenucontent=确认登录" in asked
    scanned = await client.get("/bo/login/state")
    assert 'data-state="scanned"' in scanned.text and "张三" in scanned.text
    assert (await client.get("/bo/")).status_code == 302  # not yet

    confirmed = await wx.text(http, SALES, "确认登录")
    assert "已确认" in confirmed.text
    done = await client.get("/bo/login/state")
    assert done.status_code == 204 and done.headers["hx-redirect"] == "/bo/"
    cookie = done.headers["set-cookie"]
    assert "bo_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/bo" in cookie
    start = await client.get("/bo/")
    assert start.status_code == 200 and "张三" in start.text and "销售" in start.text


async def test_only_the_browser_that_shows_the_code_gets_the_session(browser, http, wx, team, fake_wechat):
    shown = await browser()
    scene = qr_scene(fake_wechat, (await shown.get("/bo/login")).text)
    await scan(wx, http, SALES, scene)
    await wx.text(http, SALES, "确认登录")
    onlooker = await browser()
    nonce = scene.removeprefix("login:")
    onlooker.cookies.set("bo_login", f"{nonce}.guessed-secret")
    stolen = await onlooker.get("/bo/login/state")
    assert stolen.status_code == 200 and 'data-state="expired"' in stolen.text
    assert (await shown.get("/bo/login/state")).status_code == 204
    assert (await shown.get("/bo/login/state")).status_code == 200  # spent: a second claim gets nothing


async def test_unbound_users_and_partners_are_refused_on_the_page_and_in_chat(
    browser, http, wx, make_staff, fake_wechat
):
    await make_staff("合伙人老周", Role.PARTNER, bind_openid="o-partner")
    client = await browser()
    scene = qr_scene(fake_wechat, (await client.get("/bo/login")).text)

    stranger = await scan(wx, http, "o-stranger", scene)
    assert "没有绑定员工账号" in stranger
    page = await client.get("/bo/login/state")
    assert 'data-state="refused"' in page.text and "没有绑定员工账号" in page.text

    partner = await scan(wx, http, "o-partner", scene)
    assert "合作伙伴请使用小程序" in partner
    page = await client.get("/bo/login/state")
    assert "合作伙伴请使用小程序" in page.text
    assert "合作伙伴请使用小程序" in (await wx.text(http, "o-partner", "确认登录")).text
    assert (await client.get("/bo/login/state")).status_code == 200


async def test_following_the_account_through_the_sign_in_code_also_asks_to_confirm(
    browser, http, wx, team, fake_wechat
):
    client = await browser()
    scene = qr_scene(fake_wechat, (await client.get("/bo/login")).text)
    sent = await wx.event(http, MANAGER, "subscribe", event_key=f"qrscene_{scene}", ticket="t")
    assert sent.text.startswith("确认登录后台？")


async def test_an_expired_code_says_so_and_offers_a_new_one(browser, http, wx, team, fake_wechat, resources):
    client = await browser()
    scene = qr_scene(fake_wechat, (await client.get("/bo/login")).text)
    await resources.redis.delete(f"bo:attempt:{scene.removeprefix('login:')}")
    assert "已过期" in await scan(wx, http, SALES, scene)
    page = await client.get("/bo/login/state")
    assert 'data-state="expired"' in page.text and "换一个二维码" in page.text and "hx-get" not in page.text


async def test_the_page_still_offers_the_chat_link_when_wechat_cannot_make_a_code(browser, fake_wechat):
    fake_wechat.fail("cgi-bin/qrcode/create", errcode=-1, times=5)
    page = await (await browser()).get("/bo/login")
    assert page.status_code == 200 and "暂时无法生成" in page.text and "登录后台" in page.text


async def test_a_one_time_link_signs_in_once(browser, resources, team):
    url = await staff_sessions.issue_link(resources, team["manager"])
    path = url.removeprefix(resources.settings.public_base_url)
    client = await browser()
    form = await client.get(path)
    assert form.status_code == 200 and "进入后台" in form.text
    token = re.search(r'name="token" value="([^"]+)"', form.text).group(1)
    form_token = re.search(r'name="form_token" value="([^"]+)"', form.text).group(1)
    signed_in = await client.post("/bo/login/link", data={"token": token, "form_token": form_token})
    assert signed_in.status_code == 302 and signed_in.headers["location"] == "/bo/"
    assert "王经理" in (await client.get("/bo/")).text

    again = await browser()
    await again.get(path)
    form_token = again.cookies.get("bo_form")
    spent = await again.post("/bo/login/link", data={"token": token, "form_token": form_token})
    assert spent.status_code == 401 and "已用过或已过期" in spent.text


async def test_a_link_form_posted_from_another_site_signs_no_one_in(browser, resources, team):
    url = await staff_sessions.issue_link(resources, team["zhang"])
    token = parse_qs(urlparse(url).query)["token"][0]
    client = await browser()
    forged = await client.post("/bo/login/link", data={"token": token, "form_token": "x"})
    assert forged.status_code == 403 and "bo_session" not in client.cookies


async def test_signing_out_ends_the_session_and_needs_the_csrf_token(bo_client, team):
    client = await bo_client(team["zhang"])
    refused = await client.post("/bo/logout", data={"csrf": "wrong"})
    assert refused.status_code == 403
    assert (await client.get("/bo/")).status_code == 200
    out = await client.post_form("/bo/logout")
    assert out.status_code == 302 and out.headers["location"] == "/bo/login"
    assert (await client.get("/bo/")).status_code == 302


async def test_a_deactivated_account_is_signed_out_everywhere_at_once(bo_client, team, resources):
    laptop, phone = await bo_client(team["li"]), await bo_client(team["li"])
    team["li"].active = False
    await team["li"].save(update_fields=["active"])
    assert (await laptop.get("/bo/")).status_code == 302
    assert (await phone.get("/bo/")).status_code == 302
    assert await resources.redis.exists("bo:sessions:" + str(team["li"].id)) == 0


async def test_revoking_ends_every_session_of_an_account(bo_client, team, resources):
    laptop, phone = await bo_client(team["zhang"]), await bo_client(team["zhang"])
    assert await staff_sessions.end_all(resources, team["zhang"].id) == 2
    assert (await laptop.get("/bo/")).status_code == 302
    assert (await phone.get("/bo/")).status_code == 302


async def test_a_session_ends_after_the_idle_timeout_and_after_its_maximum_age(bo_client, team, resources):
    client = await bo_client(team["zhang"])
    token = client.cookies.get("bo_session")
    key = f"bo:session:{staff_sessions._hash(token)}"
    assert 0 < await resources.redis.ttl(key) <= resources.settings.backoffice.idle_timeout_s
    value = json.loads(await resources.redis.get(key))
    value["started"] = time.time() - resources.settings.backoffice.max_age_s - 1
    await resources.redis.set(key, json.dumps(value), keepttl=True)
    assert (await client.get("/bo/")).status_code == 302
    await resources.redis.delete(key)


async def test_an_htmx_request_without_a_session_is_sent_to_sign_in(browser):
    response = await (await browser()).get("/bo/", headers={"HX-Request": "true"})
    assert response.status_code == 204 and response.headers["hx-redirect"].startswith("/bo/login")


async def test_the_next_page_is_kept_but_never_another_site(browser):
    client = await browser()
    page = await client.get("/bo/login?next=//evil.example/")
    assert "next=/bo/" in page.text.replace("%2F", "/")


async def test_secure_cookies_follow_the_public_address(settings):
    from dataclasses import replace

    assert not settings.secure_cookies  # tests serve plain http
    assert replace(settings, public_base_url="https://scrm.example").secure_cookies
    forced = replace(settings, backoffice=replace(settings.backoffice, cookie_secure="true"))
    assert forced.secure_cookies
