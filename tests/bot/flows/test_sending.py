"""把A61发给华兴精密张总: the link and the poster to forward, recorded in the client's timeline, and shown last
(marked as sent) when the client is matched again."""

from decimal import Decimal

import app.worker
from media import poster
from models import FollowUp, ListingSent
from models.enums import ListingStatus
from tests.factories import OTHER, SALES


async def test_sending_a_listing_gives_the_link_and_poster_and_records_it(
    team, say, make_listing, make_client, fake_wechat, resources
):
    client = await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61", title="花桥单层厂房")
    reply = await say(SALES, "把A61发给华兴精密张总")
    assert "A61 花桥单层厂房 → 张总（华兴精密）" in reply
    assert "/h5/listings/A61?s=" in reply and "c=chat" in reply and "海报正在生成" in reply
    sent = await ListingSent.get(client_id=client.id)
    assert (sent.contact_name, sent.sent_by_id) == ("张", team["zhang"].id)
    note = await FollowUp.get(client_id=client.id)
    assert note.content == "发送房源A61（花桥单层厂房）给张总" and note.done and note.next_at is None
    assert "发送房源A61" in await say(SALES, "查客户 华兴精密")
    await app.worker.build(resources, burst=True).async_run()
    assert fake_wechat.calls("cgi-bin/message/custom/send")[-1].json["msgtype"] == "image"


async def test_sending_it_again_says_when_it_was_sent_before(team, say, make_listing, make_client):
    await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61")
    await say(SALES, "把A61发给华兴精密")
    assert "已经发给过华兴精密" in await say(SALES, "把A61发给华兴精密张总")
    assert await ListingSent.all().count() == 2


async def test_matching_puts_listings_already_sent_last_and_marks_them(team, say, make_listing, make_client):
    await make_client(team["zhang"], "华兴精密", region="昆山", area_min=Decimal(1800), area_max=Decimal(2200))
    await make_listing(code="A1", rent=Decimal("24"))  # the better match
    await make_listing(code="A2", rent=Decimal("27"))
    before = await say(SALES, "给华兴精密匹配")
    assert before.index("A1") < before.index("A2")
    await say(SALES, "把A1发给华兴精密")
    after = await say(SALES, "给华兴精密匹配")
    assert "已发过的在后" in after and after.index("A2") < after.index("A1") and "已发）" in after


async def test_only_a_listing_on_the_market_goes_to_a_client(team, say, make_listing, make_client):
    await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61", status=ListingStatus.PAUSED)
    assert "A61现在不能发给客户" in await say(SALES, "把A61发给华兴精密")
    assert not await ListingSent.exists()


async def test_only_whoever_may_change_the_client_sends_to_it(team, say, make_listing, make_client):
    await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61")
    assert "不能查看或修改" in await say(OTHER, "把A61发给华兴精密")
    assert not await ListingSent.exists()


async def test_a_moments_text_has_the_facts_and_a_link_credited_to_the_sender(team, say, make_listing):
    await make_listing(code="A12", title="花桥单层厂房", features=["crane"])
    reply = await say(SALES, "A12 朋友圈文案")
    assert "复制下面这段发到朋友圈" in reply and "【出租】花桥单层厂房" in reply
    assert "价格：25元/㎡·月（约5万元/月）" in reply and "面积2000㎡｜层高9米" in reply and "行车" in reply
    assert "/h5/listings/A12?s=" in reply and "c=moments" in reply and "联系置业顾问：张三" in reply
    assert "c=share" in await say(SALES, "A12 群发文案")


async def test_no_text_for_a_listing_off_the_market(team, say, make_listing):
    await make_listing(code="A12", status=ListingStatus.CLOSED)
    assert "A12现在不能对外推广" in await say(SALES, "A12 朋友圈文案")


async def test_when_the_poster_of_a_sent_listing_cannot_be_made_the_chat_is_told(
    team, say, make_listing, make_client, fake_wechat, resources, monkeypatch
):
    def no_font(configured=""):
        raise poster.FontMissing("none")

    monkeypatch.setattr(poster, "find_fonts", no_font)
    await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61")
    assert "海报正在生成" in await say(SALES, "把A61发给华兴精密张总")
    await app.worker.build(resources, burst=True).async_run()
    [notice] = [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json["touser"] == SALES and c.json["msgtype"] == "text"
    ]
    assert "缺少中文字体" in notice
    assert not fake_wechat.calls("cgi-bin/media/upload")


async def test_when_wechat_refuses_the_poster_of_a_sent_listing_the_chat_gets_its_link(
    team, say, make_listing, make_client, fake_wechat, resources
):
    fake_wechat.fail("cgi-bin/media/upload", errcode=40005, times=None)
    await make_client(team["zhang"], "华兴精密")
    await make_listing(code="A61")
    await say(SALES, "把A61发给华兴精密")
    await app.worker.build(resources, burst=True).async_run()
    [notice] = [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json["touser"] == SALES and c.json["msgtype"] == "text"
    ]
    assert "微信拒绝了海报图片" in notice and "/media/poster/" in notice
