"""new_listing, review in chat, listing_status with holds and history, concurrent holds."""

import asyncio
from decimal import Decimal

from models import Listing, ListingStatusChange, Notification
from models.enums import ListingStatus, ReviewStatus, Role, Stage
from tests.factories import MANAGER, OTHER, SALES


async def test_a_salespersons_new_listing_waits_for_review_and_the_manager_is_told(team, say):
    reply = await say(SALES, "新房源 花桥 单层厂房 3000平 层高9米 租金28元")
    listing = await Listing.get()
    assert listing.review_status == ReviewStatus.PENDING and listing.town == "花桥" and listing.city == "苏州"
    assert f"已录入房源：{listing.code} 花桥" in reply and "审核" in reply and "缺：承重、配电" in reply
    notice = await Notification.get(recipient_id=team["manager"].id)
    assert notice.payload["listing"] == listing.code and notice.kind == "notice"


async def test_a_pending_listing_is_not_matched(team, say):
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    reply = await say(SALES, "找昆山2000平厂房")
    assert "没有符合条件的房源" in reply


async def test_manager_approves_in_chat_and_owners_of_fitting_clients_are_told(team, say, make_client, words):
    client = await make_client(
        team["li"], "华兴精密", region="昆山", area_min=1800, area_max=2200, property_type="factory"
    )
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    reply = await say(MANAGER, f"通过 {listing.code}")
    await listing.refresh_from_db()
    assert listing.review_status == ReviewStatus.APPROVED and listing.reviewed_by_id == team["manager"].id
    assert "已通过审核" in reply and "匹配到1个客户" in reply and "华兴精密（李四）面积✓" in reply
    told = await Notification.get(recipient_id=team["li"].id)
    assert told.client_id == client.id and listing.code in words(told)["detail"]
    assert await Notification.filter(recipient_id=team["zhang"].id, dedupe_key__contains="reviewed").exists()
    assert listing.code in await say(SALES, "找昆山2000平厂房")


async def test_manager_rejects_with_a_reason(team, say, words):
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    reply = await say(MANAGER, f"驳回 {listing.code} 产证不全")
    await listing.refresh_from_db()
    assert listing.review_status == ReviewStatus.REJECTED and listing.review_note == "产证不全"
    assert "已驳回：产证不全" in reply
    notice = await Notification.get(recipient_id=team["zhang"].id)
    assert "产证不全" in words(notice)["detail"]


async def test_sales_cannot_approve(team, say):
    await say(OTHER, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    reply = await say(SALES, f"通过 {listing.code}")
    assert "只有经理或管理员" in reply
    assert (await Listing.get()).review_status == ReviewStatus.PENDING


async def test_a_managers_own_listing_skips_review(team, say):
    reply = await say(MANAGER, "新房源 昆山 仓库 5000平 租金20元")
    assert (await Listing.get()).review_status == ReviewStatus.APPROVED
    assert "直接上架" in reply


async def test_new_listing_without_area_is_not_saved_and_says_what_is_missing(team, say):
    reply = await say(SALES, "新房源 花桥 单层厂房 租金28元")
    assert "缺面积" in reply and await Listing.all().count() == 0


async def test_listing_status_change_keeps_history(team, say, make_listing, make_client):
    listing = await make_listing()
    await make_client(team["zhang"], "华兴精密")
    await say(SALES, f"{listing.code}带看预约")
    reply = await say(SALES, f"{listing.code}谈判中 华兴精密")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.NEGOTIATING and listing.held_by_id is not None and listing.version == 3
    assert "谈判中（华兴精密）" in reply and "状态记录" in reply and "带看预约中" in reply
    assert await ListingStatusChange.filter(listing_id=listing.id).count() == 2


async def test_a_deal_on_a_listing_moves_the_client_to_negotiating_in_the_reply(team, say, make_listing, make_client):
    listing = await make_listing()
    await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, f"{listing.code}谈判中 华兴精密")
    assert "华兴精密：初步意向 → 谈判中（成交概率60%）" in reply


async def test_signing_a_listing_for_a_client_closes_it_and_wins_the_client(team, say, make_listing, make_client):
    listing = await make_listing()
    await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, f"{listing.code}签约了 华兴精密")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.CLOSED
    assert "华兴精密：初步意向 → 已成交" in reply


async def test_a_listing_held_by_another_salespersons_client_is_refused_with_who_holds_it(
    team, say, make_listing, make_client
):
    listing = await make_listing()
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["li"], "宏达物流")
    await say(SALES, f"{listing.code}谈判中 华兴精密")
    reply = await say(OTHER, f"{listing.code}谈判中 宏达物流")
    assert "已被张三的客户华兴精密占用" in reply
    reply = await say(OTHER, f"{listing.code}已租")
    assert "只有张三或经理能改" in reply
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.NEGOTIATING


async def test_the_holder_can_close_the_deal_and_release_it(team, say, make_listing, make_client):
    listing = await make_listing()
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, f"{listing.code}谈判中 华兴精密")
    await say(SALES, f"{listing.code}已租")
    await listing.refresh_from_db()
    assert (listing.status, listing.held_by_id) == (ListingStatus.CLOSED, client.id)
    await say(SALES, f"{listing.code}重新上架")
    await listing.refresh_from_db()
    assert (listing.status, listing.held_by_id) == (ListingStatus.VACANT, None)


async def test_two_simultaneous_holds_exactly_one_wins(team, say, make_listing, make_client):
    listing = await make_listing()
    zhang_client = await make_client(team["zhang"], "华兴精密")
    li_client = await make_client(team["li"], "宏达物流")
    replies = await asyncio.gather(
        say(SALES, f"{listing.code}谈判中 华兴精密"), say(OTHER, f"{listing.code}谈判中 宏达物流")
    )
    won = [r for r in replies if "谈判中（" in r]
    refused = [r for r in replies if "占用" in r or "刚被别人修改" in r]
    assert len(won) == 1 and len(refused) == 1, replies
    await listing.refresh_from_db()
    assert listing.held_by_id in (zhang_client.id, li_client.id) and listing.version == 2
    assert await ListingStatusChange.filter(listing_id=listing.id).count() == 1


async def test_unknown_listing_code_says_so(team, say):
    assert "没有房源A999" in await say(SALES, "A999已租")


async def test_approve_without_a_code_lists_what_waits_for_review(team, say):
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    reply = await say(MANAGER, "通过")
    assert "待审核" in reply and listing.code in reply and "驳回 A12 理由" in reply


async def test_reject_without_a_reason_asks_for_one(team, say):
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    assert "请写明驳回理由" in await say(MANAGER, f"驳回 {listing.code}")
    assert (await Listing.get()).review_status == ReviewStatus.PENDING


async def test_status_words_around_the_code_are_not_taken_for_a_client(team, say, make_listing):
    listing = await make_listing(owner=team["zhang"])
    reply = await say(SALES, f"{listing.code}已经租出去了")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.CLOSED and listing.held_by_id is None and "已租/售" in reply


async def test_a_configured_town_the_parser_does_not_know_is_still_the_region(team, say):
    await say(MANAGER, "新房源 陈江 仓库 6000平 层高10米 租金22元")
    listing = await Listing.get()
    assert (listing.city, listing.district, listing.town) == ("惠州", "仲恺", "陈江")


async def test_a_bare_listing_code_shows_its_card_with_history(team, say, make_listing):
    listing = await make_listing()
    await say(SALES, f"{listing.code}带看预约")
    reply = await say(SALES, f"{listing.code}什么情况")
    assert reply.startswith(listing.code) and "状态记录" in reply and "带看预约" in reply


async def test_an_unknown_listing_code_says_so(team, say):
    assert "A999" in await say(SALES, "A999")


async def test_a_viewing_booked_for_a_named_client_records_the_client_and_moves_it_to_viewing(
    team, say, make_listing, make_client
):
    listing = await make_listing()
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, f"{listing.code}带看预约 华兴精密")
    change = await ListingStatusChange.get(listing_id=listing.id)
    await client.refresh_from_db()
    assert change.client_id == client.id and client.stage == Stage.VIEWING
    assert "带看预约中（华兴精密）" in reply and "初步意向 → 带看中" in reply
    await listing.refresh_from_db()
    assert listing.held_by_id is None


async def test_reviewing_an_already_rejected_listing_says_so_plainly(team, say, make_listing):
    listing = await make_listing(review_status=ReviewStatus.REJECTED)
    reply = await say(MANAGER, f"驳回 {listing.code} 产证不全")
    assert reply == f"{listing.code}已驳回，无需再审"


async def test_pending_reviews_are_counted_in_the_heading(team, say, make_listing):
    await make_listing(review_status=ReviewStatus.PENDING)
    await make_listing(review_status=ReviewStatus.PENDING)
    reply = await say(MANAGER, "通过")
    assert reply.startswith("待审核房源（共2套）：")


async def test_more_pending_reviews_than_shown_give_the_total(team, say, make_listing):
    for _ in range(12):
        await make_listing(review_status=ReviewStatus.PENDING)
    reply = await say(MANAGER, "驳回")
    assert reply.startswith("待审核房源（共12套，最早的10套如下）：") and reply.count("\n· ") == 10


async def test_closing_a_held_listing_for_another_client_says_who_must_change_it_first(
    team, say, make_listing, make_client
):
    listing = await make_listing()
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["li"], "宏达物流")
    await say(SALES, f"{listing.code}谈判中 华兴精密")
    reply = await say(OTHER, f"{listing.code}已租 宏达物流")
    assert "不能再记给其他客户" in reply and "请张三或经理先改状态" in reply and "谈" not in reply.split("（")[0]


async def test_a_sale_listings_card_gives_its_total_price(team, say, make_listing):
    listing = await make_listing(deal_type="sale", rent=None, sale_price=Decimal("4500"), area=Decimal("5000"))
    reply = await say(SALES, listing.code)
    assert "售4500元/㎡" in reply and "总价约2250万元" in reply


async def test_only_the_owner_or_a_manager_pauses_or_relists_a_listing(team, say, make_listing):
    listing = await make_listing(owner=team["li"])
    assert "负责人或经理" in await say(SALES, f"{listing.code}暂停推广")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.VACANT
    await say(MANAGER, f"{listing.code}暂停推广")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.PAUSED


async def test_only_the_owner_or_a_manager_closes_a_listing_without_a_deal(team, say, make_listing):
    """Issue 11 item 8: 「A4已租」 with no client took a colleague's listing off the market."""
    listing = await make_listing(owner=team["li"])
    reply = await say(SALES, f"{listing.code}已租")
    assert "负责人或经理" in reply
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.VACANT
    await say(OTHER, f"{listing.code}已租")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.CLOSED


async def test_a_manager_of_another_team_does_not_pause_a_listing(team, say, make_listing, make_staff):
    await make_staff("赵经理", Role.MANAGER, bind_openid="o-zhao")
    listing = await make_listing(owner=team["li"])
    assert "负责人或经理" in await say("o-zhao", f"{listing.code}暂停推广")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.VACANT


async def test_a_new_listing_keeps_its_landlord_encrypted_and_shows_them_to_owner_and_managers(team, say):
    from tortoise import Tortoise

    reply = await say(SALES, "录个房源：嘉善 高台库 3000平 房东王总 13900002222 租金25")
    listing = await Listing.get()
    assert listing.landlord_name == "王" and listing.landlord_phone == "13900002222"
    assert "房东：王 13900002222" in reply
    assert listing.property_type.value == "warehouse" and "dock" in listing.features
    _, rows = await Tortoise.get_connection("default").execute_query(
        "SELECT landlord_phone FROM listings WHERE id = " + str(listing.id)
    )
    assert "13900002222" not in str(rows[0]["landlord_phone"])
    assert "13900002222" in await say(MANAGER, listing.code)
    assert "13900002222" in await say(SALES, listing.code)
    card = await say(OTHER, listing.code)
    assert "房东" not in card and "13900002222" not in card


async def test_a_rejected_listings_card_gives_the_reason_and_the_owner_resubmits_it(team, say, words):
    await say(SALES, "新房源 花桥 单层厂房 2000平 层高9米 租金28元")
    listing = await Listing.get()
    await say(MANAGER, f"驳回 {listing.code} 产证不全")
    card = await say(SALES, listing.code)
    assert "已驳回，理由：产证不全" in card and f"「{listing.code} 重新提交」" in card
    assert "负责人或经理" in await say(OTHER, f"{listing.code} 重新提交")
    reply = await say(SALES, f"{listing.code} 重新提交")
    await listing.refresh_from_db()
    assert listing.review_status == ReviewStatus.PENDING and "已重新提交审核" in reply
    titles = [words(n)["title"] for n in await Notification.filter(recipient_id=team["manager"].id)]
    assert titles == ["房源待审核", "房源重新提交审核"]
    assert "已通过审核" in await say(MANAGER, f"通过 {listing.code}")
    assert "只有被驳回的房源" in await say(SALES, f"{listing.code} 重新提交")


async def test_a_new_listing_never_takes_a_code_a_listing_brought_with_it(team, say, make_listing):
    brought = await make_listing(code="X1")
    await Listing.filter(id=brought.id).update(code=f"A{brought.id + 1}")  # an imported listing's own code
    reply = await say(SALES, "新房源 花桥 单层厂房 3000平 层高9米 租金28元")
    created = await Listing.filter(owner_id=team["zhang"].id).order_by("-id").first()
    assert created.id == brought.id + 1 and created.code == f"B{created.id}"
    assert f"已录入房源：B{created.id}" in reply
