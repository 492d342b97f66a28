"""The consultation form: a lead exactly as the mini-program leaves one, credited to whoever shared the link."""

from __future__ import annotations

from models import Client, FollowUp, Notification, ReferralEvent, TrackEvent, WechatUser
from models.enums import EventKind, Role, Source
from services import follows
from services.referrals import attribution
from tests.h5.test_pages import config_of


async def open_page(client, path: str) -> str:
    response = await client.get(path)
    assert response.status_code == 200
    return config_of(response.text)["token"]


async def test_a_consultation_creates_a_lead_for_the_listings_salesperson(browser, make_listing, sales, flush, words):
    listing = await make_listing(owner=sales)
    token = await open_page(browser, f"/h5/listings/{listing.code}")
    response = await browser.post(
        f"/h5/listings/{listing.code}/consult",
        json={"phone": "138-0000-1234", "name": "王先生", "need": "想租2000平", "t": token},
    )
    assert response.status_code == 201 and response.json()["ok"]
    client = await Client.get(phone_hash=__import__("models").pii.blind_index("phone", "13800001234"))
    assert client.contact_name == "王先生" and client.source == Source.OTHER and client.source_detail == "H5房源页"
    followup = await FollowUp.get(client=client)
    assert followup.content == "想租2000平" and followup.by_client
    notice = await Notification.get(recipient_id=client.owner_id)
    assert words(notice)["title"] == "H5房源页新线索" and listing.code in words(notice)["detail"]
    await flush()
    consult = await TrackEvent.get(kind=EventKind.CONSULT)
    assert consult.token == token and consult.listing_id == listing.id and consult.value == client.id


async def test_the_lead_is_credited_to_the_partner_who_shared_the_link(new_browser, make_listing, make_staff, sales):
    partner = await make_staff("赵经纪", Role.PARTNER, manager=sales)
    listing = await make_listing()
    async with new_browser() as stranger:
        token = await open_page(stranger, f"/h5/listings/{listing.code}?s=p{partner.id}&c=poster")
        response = await stranger.post(
            f"/h5/listings/{listing.code}/consult", json={"phone": "13800005678", "t": token}
        )
        assert response.status_code == 201
    client = await Client.get(referrer_id=partner.id)
    assert client.source == Source.REFERRAL and client.owner_id == sales.id
    assert await ReferralEvent.filter(scene__owner_id=partner.id, client_id=client.id).exists()


async def test_a_second_consultation_from_the_same_browser_merges_into_one_client(browser, make_listing):
    listing = await make_listing()
    token = await open_page(browser, f"/h5/listings/{listing.code}")
    for need in ("第一次", "第二次"):
        response = await browser.post(
            f"/h5/listings/{listing.code}/consult", json={"phone": "13800009999", "need": need, "t": token}
        )
        assert response.status_code == 201
    assert await Client.all().count() == 1 and await FollowUp.all().count() == 2
    assert await WechatUser.all().count() == 1


async def test_bad_consultations_get_clear_errors(browser, make_listing):
    listing = await make_listing()
    await open_page(browser, f"/h5/listings/{listing.code}")
    cases = [
        ({"phone": "12345"}, "phone"),
        ({}, "phone"),
        ({"phone": 13800001234}, "phone"),
        ({"phone": "13800001234", "name": "x" * 100}, "name"),
    ]
    for body, field in cases:
        response = await browser.post(f"/h5/listings/{listing.code}/consult", json=body)
        assert response.status_code == 400, body
        assert field in response.json()["error"]["fields"]
    assert (
        await browser.post(
            f"/h5/listings/{listing.code}/consult", content=b"{nope", headers={"Content-Type": "application/json"}
        )
    ).status_code == 400
    assert (await browser.post("/h5/listings/Z404/consult", json={"phone": "13800001234"})).status_code == 404
    assert await Client.all().count() == 0


async def test_no_consultation_on_a_listing_off_the_market(browser, make_listing):
    from models.enums import ListingStatus

    listing = await make_listing(status=ListingStatus.CLOSED)
    response = await browser.post(f"/h5/listings/{listing.code}/consult", json={"phone": "13800001234"})
    assert response.status_code == 404 and await Client.all().count() == 0


async def test_the_hidden_field_robots_fill_records_nothing(browser, make_listing):
    listing = await make_listing()
    response = await browser.post(
        f"/h5/listings/{listing.code}/consult", json={"phone": "13800001234", "website": "http://spam"}
    )
    assert response.status_code == 201 and await Client.all().count() == 0


async def test_a_plain_form_post_gets_a_page_back(browser, make_listing):
    listing = await make_listing()
    ok = await browser.post(f"/h5/listings/{listing.code}/consult", data={"phone": "13800001234"})
    assert ok.status_code == 201 and "提交成功" in ok.text
    bad = await browser.post(f"/h5/listings/{listing.code}/consult", data={"phone": "1"})
    assert bad.status_code == 400 and "请填写正确的手机号" in bad.text


async def test_consultations_are_rate_limited_per_ip(browser, make_listing, settings):
    listing = await make_listing()
    statuses = [
        (await browser.post(f"/h5/listings/{listing.code}/consult", json={"phone": "1"})).status_code
        for _ in range(settings.h5.consults_per_ip_per_min + 1)
    ]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {400}


async def test_a_follow_through_a_code_still_queued_keeps_first_touch_over_the_shared_page(
    new_browser, make_listing, make_staff, sales, resources, fake_wechat
):
    partner = await make_staff("赵经纪", Role.PARTNER, manager=sales)
    scene = await attribution.scene_for_account(sales)
    listing = await make_listing()
    async with new_browser(wechat=True) as wx:
        page = f"/h5/listings/{listing.code}?s=p{partner.id}&c=share"
        assert (await wx.get(page + "&code=bob&state=h5")).status_code == 302  # silent OAuth: openid o_bob
        token = await open_page(wx, page)
        await follows.queue(resources.redis, follows.Touch.FOLLOW, "o_bob", scene.scene)  # not yet written
        response = await wx.post(f"/h5/listings/{listing.code}/consult", json={"phone": "13800006789", "t": token})
        assert response.status_code == 201
    client = await Client.get(phone_hash=__import__("models").pii.blind_index("phone", "13800006789"))
    assert client.referrer_id == sales.id
    assert (await WechatUser.get(openid="o_bob")).referral_scene_id == scene.id
