"""GET /h5/listings/<code> and /h5/s/<staff code>: what a client sees, and what they never see."""

from __future__ import annotations

import json
import re

from models.enums import ListingStatus, ReviewStatus
from tests.h5.conftest import PHONE_UA


def config_of(html: str) -> dict:
    return json.loads(re.search(r'<script id="h5-config" type="application/json">(.*?)</script>', html, re.S).group(1))


async def test_listing_page_shows_gallery_facts_price_map_and_salesperson(browser, make_listing, sales):
    listing = await make_listing(owner=sales)
    response = await browser.get(f"/h5/listings/{listing.code.lower()}")
    assert response.status_code == 200
    page = response.text
    assert "花桥单层厂房带行车" in page
    assert page.count('class="slide slide-') == 4 and "360° 全景" in page and 'id="pano"' in page
    assert "pannellum.js" in page and "<video" in page
    for fact in ("2000 ㎡", "9 米", "3 吨/㎡", "400 kVA", "丙二类", "工业", "有独立产证", "不可排污", "行车"):
        assert fact in page
    assert "28 元/㎡·月" in page and "月租约 5.6万元" in page
    assert "uri.amap.com/marker?position=121.101234,31.301234" in page and "apis.map.qq.com/uri/v1/marker" in page
    assert "李顾问" in page and 'href="tel:13700001111"' in page
    assert f"/h5/s/s{sales.id}" in page


async def test_internal_notes_and_landlord_never_appear(browser, make_listing, sales):
    listing = await make_listing(owner=sales)
    page = (await browser.get(f"/h5/listings/{listing.code}")).text
    for secret in ("房东底价", "王房东", "13900000000"):
        assert secret not in page


async def test_sale_listing_shows_unit_and_total_price(browser, make_listing):
    listing = await make_listing(deal_type="sale", rent=None, sale_price="4500", area="5000")
    page = (await browser.get(f"/h5/listings/{listing.code}")).text
    assert "4500 元/㎡" in page and "总价约 2250万元" in page


async def test_unknown_or_malformed_code_is_a_polite_404(browser):
    for path in ("/h5/listings/Z999", "/h5/listings/%3Cscript%3E", "/h5/listings/A1'--", "/h5/s/p3", "/h5/s/s999"):
        response = await browser.get(path)
        assert response.status_code == 404, path
        assert "text/html" in response.headers["content-type"] and "没有找到" in response.text


async def test_closed_paused_and_pending_listings_show_similar_ones(browser, make_listing):
    similar = await make_listing(title="昆山相似厂房", area="2200")
    for overrides in (
        {"status": ListingStatus.CLOSED},
        {"status": ListingStatus.PAUSED},
        {"review_status": ReviewStatus.PENDING},
    ):
        gone = await make_listing(**overrides)
        response = await browser.get(f"/h5/listings/{gone.code}")
        assert response.status_code == 410
        assert "不在招商中" in response.text and "昆山相似厂房" in response.text
        assert f"/h5/listings/{similar.code}?c=similar" in response.text
        assert gone.title not in response.text


async def test_hostile_query_strings_are_harmless(browser, make_listing):
    listing = await make_listing()
    for query in (
        "t=%3Cscript%3Ealert(1)%3C/script%3E",
        "s=s99999999999999",
        "c=%00%ff",
        "t=" + "x" * 5000,
        "code=x&state=h5",
        "s=p-1&t=abc&c=<b>",
    ):
        response = await browser.get(f"/h5/listings/{listing.code}?{query}")
        assert response.status_code == 200, query
        assert "<script>alert" not in response.text


async def test_staff_portfolio_lists_their_on_market_listings(browser, make_listing, sales):
    mine = await make_listing(owner=sales, title="李顾问的仓库")
    await make_listing(owner=sales, title="已成交的厂房", status=ListingStatus.CLOSED)
    await make_listing(title="别人的厂房")
    response = await browser.get(f"/h5/s/s{sales.id}")
    assert response.status_code == 200
    assert "李顾问的在租在售房源" in response.text and "李顾问的仓库" in response.text
    assert f"/h5/listings/{mine.code}?c=portfolio" in response.text
    assert "已成交的厂房" not in response.text and "别人的厂房" not in response.text


async def test_first_visit_sets_a_signed_visitor_cookie_and_a_fresh_token_per_view(browser, make_listing):
    listing = await make_listing()
    first = await browser.get(f"/h5/listings/{listing.code}")
    assert "h5v" in first.cookies
    second = await browser.get(f"/h5/listings/{listing.code}")
    assert "h5v" not in second.cookies
    assert config_of(first.text)["token"] != config_of(second.text)["token"]
    share = config_of(first.text)["share"]
    assert share["link"].endswith(f"/h5/listings/{listing.code}?t={config_of(first.text)['token']}&c=share")
    assert share["title"] == listing.title and "28 元/㎡·月" in share["desc"] and share["imgUrl"] == "/media/t/1.jpg"


async def test_vendored_viewer_and_page_script_are_served(browser):
    for path in (
        "/h5/static/vendor/pannellum-2.5.7/pannellum.js",
        "/h5/static/h5.js",
        "/h5/static/h5.css",
        "/h5/static/vendor/weixin-js-sdk-1.6.5/jweixin.js",
    ):
        assert (await browser.get(path)).status_code == 200, path


async def test_page_outside_wechat_loads_no_jssdk(browser, make_listing):
    listing = await make_listing()
    page = (await browser.get(f"/h5/listings/{listing.code}")).text
    assert "jweixin.js" not in page and config_of(page)["wx"] is None
    assert PHONE_UA


async def test_a_hostile_title_cannot_break_out_of_the_page_or_its_config(browser, make_listing):
    listing = await make_listing(title="厂房</script><script>alert(1)</script>'\"&")
    page = (await browser.get(f"/h5/listings/{listing.code}")).text
    assert "<script>alert(1)" not in page
    assert config_of(page)["share"]["title"] == listing.title
