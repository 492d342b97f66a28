"""Photos and videos by chat: name a listing, send them, get one report; arrange the gallery by command.

Messages go through the signed, encrypted endpoint (werobot); the media is fetched from the fake WeChat
server by the background job.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

import app.worker
from models import ListingMedia
from models.enums import MediaKind
from services import media
from tests.factories import MANAGER, OTHER, SALES
from tests.media.test_uploads import MP4, jpeg


@pytest.fixture(autouse=True)
def _prompt_report(monkeypatch):
    monkeypatch.setattr(media, "REPORT_DELAY_S", 0.0)


async def run_jobs(resources) -> None:
    await app.worker.build(resources, burst=True).async_run()


def sent_texts(fake_wechat, openid: str) -> list[str]:
    return [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json["touser"] == openid and c.json["msgtype"] == "text"
    ]


async def test_photos_sent_after_a_listing_code_join_its_gallery_and_one_report_follows(
    http, wx, say, team, make_listing, fake_wechat, resources
):
    listing = await make_listing(owner=team["zhang"])
    card = await say(SALES, listing.code)
    assert "现在发照片或视频即加入相册" in card
    ids = [
        fake_wechat.add_media(jpeg((1600, 1200), gps=True)),
        fake_wechat.add_media(jpeg((4096, 2048))),
        fake_wechat.add_media(MP4, "video"),
    ]
    first = await wx.media(http, SALES, "image", ids[0])
    assert f"正在加入{listing.code}的相册" in first.text
    assert (await wx.media(http, SALES, "image", ids[1])).reply is None  # one acknowledgement per burst
    assert (await wx.media(http, SALES, "video", ids[2])).reply is None
    await run_jobs(resources)
    items = await media.list_for_listing(listing.id)
    assert [(i.position, i.kind, i.is_cover) for i in items] == [
        (1, MediaKind.PHOTO, True),
        (2, MediaKind.PANORAMA, False),
        (3, MediaKind.VIDEO, False),
    ]
    stored = Image.open(io.BytesIO(await resources.storage.get(items[0].original_key)))
    assert not stored.getexif().get_ifd(0x8825)  # the GPS position is gone
    [report] = sent_texts(fake_wechat, SALES)
    assert f"{listing.code}已添加照片1个（第1个）、全景图1个（第2个）、视频1个（第3个），相册共3个" in report
    assert f"{listing.code} 删除第3张" in report and f"{listing.code} 封面第2张" in report


async def test_refused_and_expired_files_are_reported_with_the_reason(
    http, wx, say, team, make_listing, fake_wechat, resources
):
    listing = await make_listing(owner=team["zhang"])
    await say(SALES, listing.code)
    good = fake_wechat.add_media(jpeg())
    not_an_image = fake_wechat.add_media(b"<html>not a photo</html>")
    expired = fake_wechat.add_media(jpeg())
    fake_wechat.expire_media(expired)
    for media_id in (good, not_an_image, expired):
        await wx.media(http, SALES, "image", media_id)
    await run_jobs(resources)
    assert await ListingMedia.filter(listing_id=listing.id).count() == 1
    [report] = sent_texts(fake_wechat, SALES)
    assert "已添加照片1个" in report and "2个未能添加" in report
    assert "只能添加照片" in report and "超过3天" in report


async def test_a_redelivered_message_adds_the_photo_once(http, wx, say, team, make_listing, fake_wechat, resources):
    listing = await make_listing(owner=team["zhang"])
    await say(SALES, listing.code)
    media_id = fake_wechat.add_media(jpeg())
    await wx.media(http, SALES, "image", media_id, msg_id=424242)
    await wx.media(http, SALES, "image", media_id, msg_id=424242)  # WeChat's retry of the same message
    await run_jobs(resources)
    assert await ListingMedia.filter(listing_id=listing.id).count() == 1


async def test_a_photo_without_a_listing_in_context_asks_which_listing(http, wx, team, fake_wechat):
    sent = await wx.media(http, SALES, "image", fake_wechat.add_media(jpeg()))
    assert "请先发房源编号" in sent.text


async def test_someone_elses_listing_gets_no_photos(http, wx, say, team, make_listing, fake_wechat, resources):
    listing = await make_listing(owner=team["li"])
    card = await say(SALES, listing.code)
    assert "现在发照片" not in card
    sent = await wx.media(http, SALES, "image", fake_wechat.add_media(jpeg()))
    assert "请先发房源编号" in sent.text
    assert "只有" in await say(SALES, f"{listing.code} 全景")


async def test_a_new_listing_is_the_one_photos_go_to(http, wx, say, team, fake_wechat, resources):
    reply = await say(MANAGER, "新房源 花桥 单层厂房 3000平 层高9米 租金28元")
    assert "现在发照片或视频给我" in reply
    await wx.media(http, MANAGER, "image", fake_wechat.add_media(jpeg()))
    await run_jobs(resources)
    assert await ListingMedia.filter(listing__owner_id=team["manager"].id).count() == 1


async def test_a_panorama_marked_in_chat_is_stored_as_one(http, wx, say, team, make_listing, fake_wechat, resources):
    listing = await make_listing(owner=team["zhang"])
    assert "全景图" in await say(SALES, f"{listing.code} 全景")
    await wx.media(http, SALES, "image", fake_wechat.add_media(jpeg((3000, 2000))))
    await run_jobs(resources)
    assert [i.kind for i in await media.list_for_listing(listing.id)] == [MediaKind.PANORAMA]


@pytest.fixture
async def gallery(team, make_listing, resources):
    """A listing of 张三's with photos a, b, c, d (a is the cover)."""
    from tests.media.conftest import stored

    listing = await make_listing(owner=team["zhang"])
    for name in "abcd":
        await media.add(actor=team["zhang"], listing=listing, kind=MediaKind.PHOTO, stored=stored(name), caption=name)
    return listing


async def _captions(listing) -> list[str]:
    return [i.caption for i in await media.list_for_listing(listing.id)]


async def test_delete_cover_and_move_by_command(say, gallery):
    code = gallery.code
    assert "已删除" in await say(SALES, f"{code} 删除第3张") and await _captions(gallery) == ["a", "b", "d"]
    assert "设为" in await say(SALES, f"{code} 封面第2张")
    assert [i.is_cover for i in await media.list_for_listing(gallery.id)] == [False, True, False]
    assert "设为" in await say(SALES, f"{code}第3张设为封面")
    assert "已把第3个移到第1个" in await say(SALES, f"{code} 第3张移到第1")
    assert await _captions(gallery) == ["d", "a", "b"]


async def test_gallery_listing_kind_caption_and_vr_link_by_command(say, gallery):
    code = gallery.code
    assert "标为全景图" in await say(SALES, f"{code} 第2张是全景")
    assert "外立面" in await say(SALES, f"{code} 第1张说明 外立面")
    assert "VR看房" in await say(SALES, f"{code} VR https://vr.example.com/t/1")
    listing_text = await say(SALES, f"{code} 相册")
    assert "1. 照片 4000×3000【封面】 外立面" in listing_text and "2. 全景图" in listing_text
    assert "5. VR看房" in listing_text


@pytest.mark.parametrize(
    "command, reply",
    [
        ("{code} 删除第9张", "共4个"),
        ("{code} 封面第0张", "共4个"),
        ("{code} VR javascript:alert(1)", "http"),
    ],
)
async def test_bad_gallery_commands_say_what_is_wrong(say, gallery, command, reply):
    assert reply in await say(SALES, command.format(code=gallery.code))


async def test_only_the_owner_or_a_manager_arranges_the_gallery(say, gallery):
    assert "只有" in await say(OTHER, f"{gallery.code} 删除第1张")
    assert "已删除" in await say(MANAGER, f"{gallery.code} 删除第1张")


async def test_photos_queued_behind_a_dead_drain_get_a_new_one(
    http, wx, say, team, make_listing, fake_wechat, resources
):
    listing = await make_listing(owner=team["zhang"])
    await say(SALES, listing.code)
    await resources.redis.set(f"media:pending:{SALES}:{listing.id}", 3)  # a drain that died with 3 files left
    await wx.media(http, SALES, "image", fake_wechat.add_media(jpeg()))
    await run_jobs(resources)
    assert await ListingMedia.filter(listing_id=listing.id).count() == 1
