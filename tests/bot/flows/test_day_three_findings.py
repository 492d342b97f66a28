"""What the last day-of-chat walk (issue 13) found: a requirement changed by chat, a WeChat id that is the phone,
a time kept in the note it schedules, and a listing let or sold to a client in one message. Each through the
signed endpoint, with the permissions, locking, audit and 撤销 of the original write."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from tortoise import Tortoise

from models import AuditLog, Client, ClientContact, Deal, FollowUp, Listing, Requirement
from models.enums import DealType, ListingStatus, PropertyType
from services import clients
from services.errors import ChangedMeanwhile
from tests.bot.flows.conftest import WANG
from tests.factories import MANAGER, OTHER, SALES


async def _requirement(company: str) -> Requirement:
    return await Requirement.get(client__company=company)


async def test_a_new_size_replaces_the_old_bounds_and_shows_what_fits_now(day_one, say):
    reply = await say(SALES, "华兴精密 需求改成4000平")
    assert "需求：昆山 1800-2200㎡ → 昆山 3600-4400㎡" in reply and "A62" in reply and "撤销" in reply
    need = await _requirement("华兴精密")
    assert (need.area_min, need.area_max) == (Decimal(3600), Decimal(4400))
    entry = await AuditLog.filter(action="client.update").order_by("-id").first()
    assert entry.before["requirement"] == {"area_min": "1800.00", "area_max": "2200.00"}

    reply = await say(SALES, "华兴精密 面积改成3000到5000平")
    assert "3600-4400㎡ → 昆山 3000-5000㎡" in reply
    assert "已撤销对华兴精密的修改（需求）" in await say(SALES, "撤销")
    need = await _requirement("华兴精密")
    assert (need.area_min, need.area_max) == (Decimal(3600), Decimal(4400))


@pytest.mark.parametrize("words", ["新锐医疗器械 要仓库不要厂房", "新锐医疗器械 类型改成仓库"])
async def test_the_type_a_client_wants_is_changed_by_chat(day_one, say, words):
    reply = await say(SALES, words)
    assert "需求：未填 → 仓库" in reply and "A62" in reply
    assert (await _requirement("新锐医疗器械")).property_type == PropertyType.WAREHOUSE


async def test_a_budget_per_square_metre_replaces_a_monthly_budget(day_one, say):
    await Requirement.filter(client__company="新锐医疗器械").update(budget_month_max=Decimal(50000))
    reply = await say(SALES, "新锐医疗器械 预算改成30元")
    assert "月预算≤5万元" in reply.split("→")[0] and "租金≤30元/㎡·月" in reply.split("→")[1]
    need = await _requirement("新锐医疗器械")
    assert (need.rent_max, need.budget_month_max) == (Decimal(30), None)  # no stale ceiling left behind


async def test_a_new_region_is_the_requirements_place_and_one_undo_takes_it_back(day_one, say):
    reply = await say(SALES, "华兴精密 区域改成花桥")
    assert "区域：昆山 → 花桥" in reply and "需求：昆山 1800-2200㎡ → 花桥 1800-2200㎡" in reply and "A61" in reply
    assert (await _requirement("华兴精密")).region == "花桥"
    await say(SALES, "撤销")
    assert (await Client.get(company="华兴精密")).region == "昆山"
    assert (await _requirement("华兴精密")).region == "昆山"


async def test_only_whoever_may_change_the_client_changes_its_requirement(day_one, say):
    reply = await say(OTHER, "华兴精密 需求改成4000平")
    assert "张三的客户" in reply and "不能" in reply
    assert (await _requirement("华兴精密")).area_min == Decimal(1800)


async def test_a_requirement_changed_meanwhile_is_not_overwritten(day_one, settings):
    client = await Client.get(company="华兴精密").select_related("owner")
    stale = await Client.get(id=client.id)
    await clients.update(actor=client.owner, client=client, changes={"area_min": 3000}, settings=settings)
    with pytest.raises(ChangedMeanwhile):
        await clients.update(actor=client.owner, client=stale, changes={"area_min": 5000}, settings=settings)
    assert (await _requirement("华兴精密")).area_min == Decimal(3000)


@pytest.mark.parametrize("words", ["华兴精密 微信同号", "华兴精密 微信同手机", "华兴精密 微信就是手机号"])
async def test_a_wechat_id_that_is_the_phone(day_one, say, words):
    reply = await say(SALES, words)
    assert "微信：未填 → 13800001111" in reply
    assert (await Client.get(company="华兴精密")).wechat_id == "13800001111"
    assert "已撤销对华兴精密的修改（微信）" in await say(SALES, "撤销")
    assert (await Client.get(company="华兴精密")).wechat_id is None


async def test_the_wechat_of_a_contact_named_for_the_first_time(day_one, say, make_client, team):
    await make_client(team["zhang"], "恒丰五金", phone="13900005555", contact_name=None)
    reply = await say(SALES, "恒丰五金 孙总 微信同号")
    assert "微信：未填 → 13900005555" in reply and "联系人：未填 → 孙" in reply
    client = await Client.get(company="恒丰五金")
    assert (client.wechat_id, client.contact_name) == ("13900005555", "孙")


async def test_no_phone_on_record_changes_nothing_and_says_so(day_one, say, make_client, team):
    reply = await say(SALES, "华兴精密 孙总 微信同号")  # 华兴精密's contact is 张: 孙总's phone is not known
    assert "没有孙的手机号" in reply and "微信没有改" in reply
    await make_client(team["zhang"], "恒丰五金", contact_name="刘")
    assert "还没有手机号" in await say(SALES, "恒丰五金 微信同号")
    assert not await Client.filter(wechat_id_hash__not_isnull=True).exists()


async def test_the_time_that_schedules_the_next_contact_stays_in_the_note(day_one, say):
    reply = await say(WANG, "宏达物流 合同下周签")
    assert "已记录跟进：宏达物流" in reply and "下次跟进" in reply
    note = await FollowUp.get(client__company="宏达物流")
    assert note.content == "合同下周签"
    assert note.next_at is not None and note.next_at.weekday() == 0 and note.next_at - note.happened_at > timedelta(0)
    await say(WANG, "跟进 宏达物流 两台设备下周三进场")
    assert await FollowUp.filter(client__company="宏达物流").order_by("-id").values_list("content", flat=True) == [
        "两台设备下周三进场",
        "合同下周签",
    ]


@pytest.mark.parametrize(
    "words, kind",
    [("A67租给宏达物流了 年租金100万", DealType.RENT), ("A67卖给宏达物流了 总价800万", DealType.SALE)],
)
async def test_a_listing_let_or_sold_to_a_client_is_its_deal_and_closes_it_on_confirm(day_one, say, words, kind):
    reply = await say(WANG, words)
    assert "宏达物流 成交" in reply and "确认后A67标为已成交" in reply
    assert (await Listing.get(code="A67")).status == ListingStatus.VACANT  # nothing before 确认
    reply = await say(WANG, "确认")
    assert "已记录成交：宏达物流" in reply and "A67已标为已成交" in reply
    deal = await Deal.get(client__company="宏达物流")
    assert deal.deal_type == kind
    assert (await Listing.get(code="A67")).status == ListingStatus.CLOSED


@pytest.mark.parametrize("words", ["下周三 跟进 华兴精密 签合同", "跟进 华兴精密 下周三签合同"])
async def test_a_time_before_the_follow_up_word_schedules_it_like_one_after(day_one, say, words):
    reply = await say(SALES, words)
    assert "已记录跟进：华兴精密" in reply and "下次跟进" in reply
    note = await FollowUp.get(client__company="华兴精密")
    assert note.content.replace(" ", "") == "下周三签合同"
    assert note.next_at is not None and note.next_at.weekday() == 2 and note.next_at > note.happened_at
    assert "已撤销华兴精密的跟进" in await say(SALES, "撤销")


async def test_a_feature_is_added_to_the_requirement_not_put_in_its_place(day_one, say):
    await Listing.filter(code="A62").update(features=["crane"])
    await Requirement.filter(client__company="华兴精密").update(area_min=Decimal(3600), area_max=Decimal(4400))
    reply = await say(SALES, "华兴精密 需求加一个 要行车")
    assert "需求：昆山 3600-4400㎡ → 昆山 3600-4400㎡ 行车" in reply and "A62" in reply and "撤销" in reply
    reply = await say(SALES, "华兴精密 还要带办公的")
    assert "→ 昆山 3600-4400㎡ 行车+带办公" in reply
    assert (await _requirement("华兴精密")).features == ["crane", "office_included"]
    reply = await say(SALES, "华兴精密 需求去掉行车")
    assert "行车+带办公 → 昆山 3600-4400㎡ 带办公" in reply
    assert (await _requirement("华兴精密")).features == ["office_included"]
    assert "已撤销对华兴精密的修改（需求）" in await say(SALES, "撤销")
    assert (await _requirement("华兴精密")).features == ["crane", "office_included"]


async def test_a_ground_floor_is_added_to_the_named_clients_requirement(day_one, say):
    await AuditLog.all().delete()  # nothing recorded in the last ten minutes: which client is not known
    assert "哪个客户" in await say(SALES, "需求加上 一楼")
    assert "→ 昆山 单层厂房/仓库 1800-2200㎡" in await say(SALES, "华兴精密 需求加上 一楼")
    assert (await _requirement("华兴精密")).single_storey is True


async def test_a_requirement_added_to_without_a_name_is_the_client_i_just_recorded(day_one, say):
    await say(SALES, "跟进 新锐医疗器械 客户说要尽快")
    assert "已修改新锐医疗器械" in await say(SALES, "需求加上 一楼")
    assert "已修改新锐医疗器械" in await say(SALES, "需求加一个 要行车")
    need = await _requirement("新锐医疗器械")
    assert (need.single_storey, need.features) == (True, ["crane"])
    assert (await _requirement("华兴精密")).features == []


async def test_only_whoever_may_change_the_client_adds_to_its_requirement(day_one, say):
    assert "不能" in await say(OTHER, "华兴精密 需求加一个 要行车")
    assert (await _requirement("华兴精密")).features == []


async def test_a_second_contact_is_kept_beside_the_first_encrypted_and_on_the_card(day_one, say):
    reply = await say(SALES, "华兴精密 加个联系人 孙总 13912345678")
    assert "已给华兴精密添加联系人：孙 电话13912345678" in reply and "撤销" in reply
    client = await Client.get(company="华兴精密")
    assert (client.contact_name, client.phone) == ("张", "13800001111")
    rows = await Tortoise.get_connection("default").execute_query_dict("SELECT phone FROM client_contacts")
    assert "13912345678" not in str(rows)  # encrypted at rest
    assert "其他联系人：孙 电话13912345678" in await say(SALES, "查客户 华兴精密")
    assert "其他联系人：孙 电话13912345678" in await say(MANAGER, "查客户 华兴精密")
    assert "已经有电话13912345678了" in await say(SALES, "华兴精密 加个联系人 孙总 13912345678")
    assert await ClientContact.all().count() == 1
    assert "已撤销给华兴精密添加的联系人孙" in await say(SALES, "撤销")
    assert not await ClientContact.exists()


async def test_only_whoever_may_change_the_client_adds_a_contact(day_one, say):
    assert "不能" in await say(OTHER, "华兴精密 加个联系人 孙总 13912345678")
    assert not await ClientContact.exists()


async def test_a_contact_whose_phone_another_client_has_is_not_added(day_one, say):
    reply = await say(SALES, "华兴精密 加个联系人 钱总 13800003333")  # 利华电子's phone
    assert "已是李四的客户利华电子" in reply and "没有修改" in reply
    assert not await ClientContact.exists()
