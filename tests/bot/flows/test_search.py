"""search_listings and match_client: ranking, reasons, region tree, paging, reply size."""

from decimal import Decimal

from models.enums import ListingStatus, PropertyType, ReviewStatus
from tests.factories import SALES


async def test_search_ranks_listings_with_a_reason_each(team, say, make_listing):
    await make_listing(code="A1", area=2000, rent=Decimal("27"))
    await make_listing(code="A2", area=2000, rent=Decimal("24"))
    reply = await say(SALES, "找昆山2000平左右的单层厂房 层高8米以上 租金25以内")
    assert reply.index("A2") < reply.index("A1")
    assert "面积✓ 区域✓ 租金✓ 层高✓" in reply and "租金超8%" in reply


async def test_a_city_includes_its_districts_and_towns(team, say, make_listing):
    await make_listing(code="A1", region="花桥")
    await make_listing(code="A2", region="昆山")
    await make_listing(code="A3", region="嘉善")
    reply = await say(SALES, "找苏州厂房")
    assert "A1" in reply and "A2" in reply and "A3" not in reply


async def test_hard_filters_drop_what_does_not_fit(team, say, make_listing):
    await make_listing(code="A1")
    await make_listing(code="A2", ceiling_height=Decimal("6"))
    await make_listing(code="A3", property_type=PropertyType.WAREHOUSE)
    await make_listing(code="A4", status=ListingStatus.NEGOTIATING)
    await make_listing(code="A5", review_status=ReviewStatus.PENDING)
    await make_listing(code="A6", area=Decimal("4000"))
    await make_listing(code="A7", rent=Decimal("40"))
    reply = await say(SALES, "找昆山2000平厂房 层高8米 租金25以内")
    assert "A1" in reply
    assert not any(code in reply for code in ("A2", "A3", "A4", "A5", "A6", "A7"))


async def test_required_features_are_hard_filters(team, say, make_listing):
    await make_listing(code="A1", features=["crane", "dock"])
    await make_listing(code="A2", features=["crane"])
    reply = await say(SALES, "找昆山厂房 带卸货平台")
    assert "A1" in reply and "A2" not in reply and "卸货平台✓" in reply


async def test_more_pages_through_the_results(team, say, make_listing):
    for i in range(1, 8):
        await make_listing(code=f"A{i}", area=Decimal(2000 + i))
    first = await say(SALES, "找昆山2000平厂房")
    assert "找到7套" in first and "还有2套" in first
    second = await say(SALES, "更多")
    assert "6. " in second and "7. " in second and "还有" not in second
    assert "没有更多" in await say(SALES, "更多")


async def test_a_long_result_page_fits_the_passive_reply_limit(team, say, make_listing):
    for i in range(1, 30):
        await make_listing(code=f"A{i}", area=Decimal(1900 + i * 5), features=["crane", "dock", "eia", "sewage"])
    reply = await say(SALES, "找昆山2000平左右的单层厂房 层高8米以上 承重2吨 租金25以内 带行车 卸货平台 环评 排污")
    assert len(reply.encode()) <= 2048 and "更多" in reply


async def test_match_client_uses_the_stored_requirement(team, say, make_listing, make_client):
    await make_listing(code="A1", area=Decimal("5000"), property_type=PropertyType.WAREHOUSE, region="嘉善")
    await make_listing(code="A2", area=Decimal("2000"))
    await make_client(team["zhang"], "宏达物流", region="嘉兴", area_min=4500, area_max=5500, property_type="warehouse")
    reply = await say(SALES, "给宏达物流匹配")
    assert "宏达物流的匹配房源（1套）" in reply and "A1" in reply and "A2" not in reply


async def test_monthly_budget_is_compared_per_square_metre(team, say, make_listing):
    await make_listing(code="A1", area=Decimal("2000"), rent=Decimal("25"))
    reply = await say(SALES, "找昆山2000平厂房 每月预算4.6万")
    assert "A1" in reply and "月租超9%" in reply


async def test_a_search_without_results_repeats_the_conditions_it_understood(team, say, make_listing):
    await make_listing(area=2000)
    reply = await say(SALES, "找苏州 仓库 3000-5000平 承重3吨")
    assert reply.startswith("没有符合条件的房源（条件：苏州 仓库 3000-5000㎡ 承重≥3t）")
