"""Share posters: three templates, text that never overflows, stored once, sent by chat, served to the mini-program."""

from __future__ import annotations

import io
from dataclasses import replace
from urllib.parse import urlsplit

import pytest
from PIL import Image, ImageDraw

import app.worker
from media import poster
from models.enums import DealType, Role
from services import media, posters
from services.errors import PosterUnavailable
from tests.media.test_uploads import jpeg

LONG_TITLE = "苏州工业园区唯亭街道金陵东路88号华兴精密机械配套产业园B区7号楼单层标准厂房独门独院可分割出租"
LONG_NAME = "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜"


@pytest.fixture(scope="module")
def fonts():
    return poster.find_fonts()


def content(**overrides) -> poster.PosterContent:
    values = dict(
        title="花桥单层厂房 层高9米",
        place="苏州 · 昆山 · 花桥",
        deal="出租",
        price="28",
        price_unit="元/㎡·月",
        price_note="约8.4万元/月",
        facts=(
            ("面积", "3000㎡"),
            ("层高", "9米"),
            ("承重", "3吨/㎡"),
            ("配电", "630kVA"),
            ("消防", "丙二类"),
            ("产证", "独立产证"),
        ),
        features=("行车", "环评"),
        person="张三",
        brand="优选厂房",
        code="A12",
        qr_text="https://scrm.example/h5/listings/A12?s=s2&c=poster",
        cover=jpeg((1600, 1200)),
    )
    values.update(overrides)
    return poster.PosterContent(**values)


@pytest.mark.parametrize("template", poster.TEMPLATES)
@pytest.mark.parametrize(
    "variant",
    [
        {},
        {
            "title": LONG_TITLE,
            "person": LONG_NAME,
            "brand": "苏州工业园区优选产业空间服务有限公司" * 2,
            "place": "苏州 · 苏州工业园 · 唯亭 · " + "金陵东路88号" * 6,
            "price": "1234567",
            "price_note": "约" + "9" * 30 + "万元/月",
            "facts": tuple((f"标签{i}", "1234567.89㎡" * 2) for i in range(8)),
            "features": ("独门独院",) * 20,
        },
        {"title": "", "person": "", "cover": None, "facts": (), "features": (), "price_note": "", "brand": ""},
        {"cover": b"not an image"},
    ],
)
def test_every_template_renders_a_phone_sized_jpeg_whatever_the_text(template, variant, fonts):
    data = poster.render(content(**variant), template, fonts=fonts)
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "JPEG" and picture.size == (poster.WIDTH, poster.HEIGHT)


@pytest.mark.parametrize("text", [LONG_TITLE, LONG_NAME * 3, "A" * 200, "3000㎡ " * 40, "x"])
def test_fitted_text_stays_inside_its_width_and_lines(text, fonts):
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    font, lines = poster._fit(draw, text, fonts, 400, sizes=(46, 40, 34), lines=2, bold=True)
    assert 1 <= len(lines) <= 2
    assert all(draw.textlength(line, font=font) <= 400 for line in lines)
    if draw.textlength(text, font=fonts.get(34, True)) > 800:
        assert lines[-1].endswith("…") and font.size == 34


def test_numbers_and_latin_words_are_not_broken_across_lines(fonts):
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    lines = poster._wrap(draw, "厂房面积共计123456平方米 A12", fonts.get(40, True), 300)
    assert any("123456" in line for line in lines)


def test_a_configured_font_that_does_not_exist_is_reported():
    with pytest.raises(poster.FontMissing):
        poster.find_fonts("/nonexistent/font.ttf")


# ---- the service --------------------------------------------------------------------------------------


@pytest.fixture
async def sales(make_staff):
    return await make_staff("张三", Role.SALES, bind_openid="o-zhang")


@pytest.fixture
async def listing_with_cover(make_listing, sales, resources, settings):
    listing = await make_listing(code="A12", owner=sales, title=LONG_TITLE)
    uploads = type(
        "R",
        (),
        {"settings": replace(settings, media=replace(settings.media, ffmpeg="none")), "storage": resources.storage},
    )
    await media.add_upload(resources=uploads, actor=sales, listing=listing, data=jpeg((1600, 1200)))
    return listing


async def test_a_poster_is_rendered_once_and_its_code_opens_the_h5_page_credited_to_the_sharer(
    listing_with_cover, sales, resources, monkeypatch
):
    made = await posters.make(resources=resources, listing=listing_with_cover, sharer=sales)
    assert made.page_url.endswith(f"/h5/listings/A12?s=s{sales.id}&c=poster")
    stored = Image.open(io.BytesIO(await resources.storage.get(made.key)))
    assert stored.size == (750, 1334)
    calls = []
    monkeypatch.setattr(poster, "render", lambda *a, **kw: calls.append(a) or b"")
    again = await posters.make(resources=resources, listing=listing_with_cover, sharer=sales)
    assert again.key == made.key and calls == []
    listing_with_cover.rent = listing_with_cover.rent + 1
    await listing_with_cover.save()
    monkeypatch.undo()
    assert (await posters.make(resources=resources, listing=listing_with_cover, sharer=sales)).key != made.key


async def test_a_partners_poster_names_the_listings_salesperson(listing_with_cover, make_staff, sales, settings):
    partner = await make_staff("王伙伴", Role.PARTNER)
    content = await posters._content(listing_with_cover, partner, settings, "u")
    assert (content.person, content.person_role) == ("张三", "置业顾问")


async def test_sale_prices_show_the_total_and_the_unit_price(make_listing, settings):
    from decimal import Decimal

    listing = await make_listing(deal_type=DealType.SALE, rent=None, sale_price=Decimal("7500"), area=Decimal("3000"))
    assert posters.price_of(listing) == ("2250", "万元", "单价7500元/㎡")


async def test_without_a_font_the_service_says_so(listing_with_cover, sales, resources, monkeypatch):
    def missing(configured=""):
        raise poster.FontMissing("none")

    monkeypatch.setattr(poster, "find_fonts", missing)
    with pytest.raises(PosterUnavailable, match="no_font"):
        await posters.make(resources=resources, listing=listing_with_cover, sharer=sales)


# ---- by chat ------------------------------------------------------------------------------------------


async def run_jobs(resources) -> None:
    await app.worker.build(resources, burst=True).async_run()


def texts_to(fake_wechat, openid: str) -> list[str]:
    return [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json["touser"] == openid and c.json["msgtype"] == "text"
    ]


async def test_a_poster_asked_for_in_chat_arrives_as_an_image(http, wx, listing_with_cover, fake_wechat, resources):
    sent = await wx.text(http, "o-zhang", "生成海报 A12 大图")
    assert "大图样式" in sent.text and "生成海报 A12 简约" in sent.text
    await run_jobs(resources)
    upload = fake_wechat.calls("cgi-bin/media/upload")[-1]
    assert upload.files["media"][0] == "poster-A12.jpg"
    assert fake_wechat.calls("cgi-bin/message/custom/send")[-1].json["msgtype"] == "image"


async def test_when_wechat_refuses_the_image_the_chat_gets_a_link(http, wx, listing_with_cover, fake_wechat, resources):
    fake_wechat.fail("cgi-bin/media/upload", errcode=40005, times=None)
    await wx.text(http, "o-zhang", "生成海报 A12")
    await run_jobs(resources)
    [notice] = texts_to(fake_wechat, "o-zhang")
    assert "微信拒绝了海报图片" in notice and "/media/poster/" in notice


async def test_without_a_font_the_chat_is_told(http, wx, listing_with_cover, fake_wechat, resources, monkeypatch):
    def missing(configured=""):
        raise poster.FontMissing("none")

    monkeypatch.setattr(poster, "find_fonts", missing)
    await wx.text(http, "o-zhang", "生成海报 A12")
    await run_jobs(resources)
    assert "缺少中文字体" in texts_to(fake_wechat, "o-zhang")[0]
    assert not fake_wechat.calls("cgi-bin/media/upload")


# ---- the mini-program ---------------------------------------------------------------------------------

API = "/api/mp/v1"


async def test_the_mini_program_gets_a_poster_url_credited_to_its_user(http, login, listing_with_cover):
    headers = await login("alice")
    response = await http.get(
        f"{API}/listings/{listing_with_cover.id}/poster", params={"template": "brochure"}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["template"] == "brochure" and "c=poster" in body["page_url"] and "s=p" in body["page_url"]
    image = await http.get(urlsplit(body["url"]).path)  # public_base_url is not the test server
    assert image.status_code == 200 and image.content[:2] == b"\xff\xd8"


@pytest.mark.parametrize("query, status", [({"template": "fancy"}, 400), ({}, 200)])
async def test_the_mini_program_poster_checks_its_template(http, login, listing_with_cover, query, status):
    response = await http.get(f"{API}/listings/{listing_with_cover.id}/poster", params=query, headers=await login())
    assert response.status_code == status


async def test_no_poster_for_a_listing_off_the_market(http, login, make_listing):
    from models.enums import ListingStatus

    listing = await make_listing(status=ListingStatus.PAUSED)
    assert (await http.get(f"{API}/listings/{listing.id}/poster", headers=await login())).status_code == 404


async def test_scanning_a_poster_is_a_tracked_poster_scan_credited_to_the_sharer(
    http, listing_with_cover, sales, resources, settings
):
    from models import TrackEvent
    from models.enums import EventKind
    from services import tracking
    from tests.h5.conftest import PHONE_UA

    made = await posters.make(resources=resources, listing=listing_with_cover, sharer=sales)
    page = urlsplit(made.page_url)
    response = await http.get(f"{page.path}?{page.query}", headers={"User-Agent": PHONE_UA})  # a phone's camera app
    assert response.status_code == 200
    await tracking.flush(resources.redis, settings=settings)
    view = await TrackEvent.get(kind=EventKind.VIEW, listing_id=listing_with_cover.id)
    assert (view.channel, view.sharer_id) == ("poster", sales.id)
    assert await TrackEvent.filter(kind=EventKind.POSTER_SCAN, token=view.token).count() == 1
