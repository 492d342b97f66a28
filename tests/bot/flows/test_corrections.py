"""edit_client, edit_listing, undo and delete_client through the signed endpoint."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from models import AuditLog, Client, FollowUp, Listing, Notification
from models.enums import PropertyType, Stage
from services import clients, undo
from services.errors import ChangedMeanwhile, NothingToUndo
from tests.factories import MANAGER, OTHER, SALES


async def test_a_phone_is_corrected_with_its_lookup_hash_and_an_audit_entry(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "修改 华兴精密 电话 13812345679")
    assert "已修改华兴精密" in reply and "电话：13812345678 → 13812345679" in reply
    await client.refresh_from_db()
    assert client.phone == "13812345679" and client.version == 2
    assert [c.id for c in await clients.duplicates(phone="13812345679", company=None, settings=None)] == [client.id]
    entry = await AuditLog.get(action="client.update")
    assert entry.actor_id == team["zhang"].id and "13812345678" not in str(entry.before)


async def test_a_contact_is_corrected_without_the_title(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", contact_name="张")
    reply = await say(SALES, "华兴精密 联系人改成 李总")
    await client.refresh_from_db()
    assert client.contact_name == "李" and "联系人：张 → 李" in reply


async def test_someone_elses_client_is_not_corrected(team, say, make_client):
    client = await make_client(team["li"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "修改 华兴精密 电话 13812345679")
    await client.refresh_from_db()
    assert client.phone == "13812345678" and "李四的客户" in reply and "13812345678" not in reply


async def test_a_change_made_meanwhile_is_not_overwritten(team, make_client, settings):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    stale = await Client.get(id=client.id)
    await clients.update(actor=team["zhang"], client=client, changes={"industry": "五金"}, settings=settings)
    with pytest.raises(ChangedMeanwhile):
        await clients.update(actor=team["zhang"], client=stale, changes={"industry": "机械"}, settings=settings)
    assert (await Client.get(id=client.id)).industry == "五金"


async def test_a_listing_becomes_a_warehouse_and_its_chat_title_follows(team, say):
    await say(SALES, "新房源 花桥 单层厂房 3000平 层高9米 租金28元")
    listing = await Listing.get()
    reply = await say(SALES, f"{listing.code}改成仓库")
    await listing.refresh_from_db()
    assert listing.property_type == PropertyType.WAREHOUSE and "仓库" in listing.title and "厂房" not in listing.title
    assert "类型：厂房 → 仓库" in reply


async def test_a_rent_cut_is_a_change_of_the_listing_not_a_search(team, say, make_listing):
    listing = await make_listing(owner=team["zhang"], rent=Decimal("28"))
    reply = await say(SALES, f"{listing.code} 租金降到26")
    await listing.refresh_from_db()
    assert listing.rent == Decimal("26") and "租金：28元/㎡·月 → 26元/㎡·月" in reply
    assert await AuditLog.filter(action="listing.update", entity_id=listing.id).exists()


async def test_only_the_owner_or_a_manager_changes_a_listing(team, say, make_listing):
    listing = await make_listing(owner=team["li"], rent=Decimal("28"))
    reply = await say(SALES, f"{listing.code} 租金降到26")
    assert "负责人或经理" in reply and (await Listing.get(id=listing.id)).rent == Decimal("28")
    reply = await say(MANAGER, f"{listing.code} 租金降到26")
    assert (await Listing.get(id=listing.id)).rent == Decimal("26")


async def test_undo_takes_back_my_last_followup_and_restores_the_plan_it_replaced(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, "跟进 华兴精密 电话沟通 明天上午10点再打")
    planned = (await Client.get(id=client.id)).next_followup_at
    await say(SALES, "跟进 华兴精密 又聊了一次 后天下午2点见面")
    reply = await say(SALES, "撤销")
    assert "已撤销华兴精密的跟进「又聊了一次" in reply
    [left] = await FollowUp.filter(client_id=client.id)
    assert left.done is False and left.next_at == planned
    assert (await Client.get(id=client.id)).next_followup_at == planned


async def test_undo_takes_back_a_stage_a_followup_moved(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, "跟进 华兴精密 今天带看了 下周三下午3点再约")
    assert (await Client.get(id=client.id)).stage == Stage.VIEWING
    await say(SALES, "撤销")
    assert (await Client.get(id=client.id)).stage == Stage.INTENT


async def test_undo_restores_a_corrected_phone(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    await say(SALES, "修改 华兴精密 电话 13812345679")
    reply = await say(SALES, "撤销")
    assert "已撤销对华兴精密的修改（电话）" in reply
    assert (await Client.get(id=client.id)).phone == "13812345678"


async def test_undo_takes_back_only_my_own_records_within_ten_minutes(team, say, make_client, settings, resources):
    client = await make_client(team["zhang"], "华兴精密")
    await say(OTHER, "撤销")  # 李四 recorded nothing
    await say(SALES, "跟进 华兴精密 电话沟通")
    reply = await say(OTHER, "撤销")
    assert "没有可撤销的记录" in reply and await FollowUp.filter(client_id=client.id).count() == 1
    later = datetime.now(timezone.utc) + undo.UNDO_WINDOW + timedelta(minutes=1)
    with pytest.raises(NothingToUndo):
        await undo.undo_last(actor=team["zhang"], now=later, settings=settings, redis=resources.redis)
    assert await FollowUp.filter(client_id=client.id).count() == 1


async def test_undo_twice_goes_one_record_further_back(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    await say(SALES, "跟进 华兴精密 电话沟通")
    await say(SALES, "修改 华兴精密 电话 13812345679")
    await say(SALES, "撤销")
    reply = await say(SALES, "撤销")
    assert "跟进" in reply
    assert (await Client.get(id=client.id)).phone == "13812345678"
    assert not await FollowUp.filter(client_id=client.id).exists()


async def test_a_won_deal_is_not_undone_by_undo(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", stage=Stage.NEGOTIATING)
    await say(SALES, "华兴精密成交了")
    reply = await say(SALES, "撤销")
    assert "成交不能撤销" in reply and (await Client.get(id=client.id)).stage == Stage.WON


async def test_a_deleted_client_is_hidden_everywhere_and_kept_in_the_audit_log(team, say, make_client, settings):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    await say(SALES, "跟进 华兴精密 明天10点再联系")
    reply = await say(SALES, "删除客户 华兴精密")
    assert "已删除客户华兴精密" in reply
    row = await Client.get(id=client.id)
    assert row.deleted_at is not None and row.next_followup_at is None
    assert not await FollowUp.filter(client_id=client.id, done=False).exists()
    assert "没找到客户" in await say(SALES, "查客户 华兴精密")
    assert "没有电话是13812345678的客户" in await say(SALES, "13812345678")
    assert await clients.duplicates(phone="13812345678", company="华兴精密", settings=settings) == []
    entry = await AuditLog.get(action="client.delete", entity_id=client.id)
    assert entry.actor_id == team["zhang"].id and entry.before["company"] == "华兴精密"


async def test_undo_brings_back_a_client_deleted_by_mistake(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, "删除客户 华兴精密")
    reply = await say(SALES, "撤销")
    assert "已恢复" in reply and (await Client.get(id=client.id)).deleted_at is None


async def test_a_salesperson_does_not_delete_someone_elses_client_but_their_manager_does(team, say, make_client):
    client = await make_client(team["li"], "华兴精密")
    await say(SALES, "删除客户 华兴精密")
    assert (await Client.get(id=client.id)).deleted_at is None
    await say(MANAGER, "删除客户 华兴精密")
    assert (await Client.get(id=client.id)).deleted_at is not None


async def test_a_deleted_client_gets_no_reminder(team, make_client, settings, resources):
    from services import reminders

    client = await make_client(team["zhang"], "华兴精密")
    now = datetime.now(timezone.utc)
    await clients.log_followup(
        actor=team["zhang"], client=client, content="电话", now=now, settings=settings, next_at=now + timedelta(hours=1)
    )
    await clients.delete(actor=team["zhang"], client=client, now=now)
    await reminders.schedule(resources, now=now + timedelta(hours=2))
    assert not await Notification.filter(client_id=client.id, kind=reminders.FOLLOWUP_DUE).exists()


async def test_undo_of_a_new_client_deletes_it_and_a_second_undo_does_not_bring_it_back(team, say):
    await say(SALES, "新客户 宏达物流 王总 13900001111 仓库 3000平 嘉兴")
    client = await Client.get(company="宏达物流")
    assert "已撤销录入的客户宏达物流" in await say(SALES, "撤销")
    assert (await Client.get(id=client.id)).deleted_at is not None
    assert "没有可撤销的记录" in await say(SALES, "撤销")
    assert (await Client.get(id=client.id)).deleted_at is not None


async def test_undo_does_not_reach_past_a_change_it_cannot_take_back(team, say, make_client, make_listing):
    client = await make_client(team["zhang"], "华兴精密")
    listing = await make_listing(code="A61", owner=team["zhang"])
    await say(SALES, "跟进 华兴精密 电话沟通")
    await say(SALES, "A61谈判中 华兴精密")
    reply = await say(SALES, "撤销")
    assert "最近的一条操作是改房源状态" in reply and "不能取消" in reply
    await listing.refresh_from_db()
    assert (await Client.get(id=client.id)).stage == Stage.NEGOTIATING and listing.held_by_id == client.id
    assert await FollowUp.filter(client_id=client.id).count() == 1


async def test_a_new_region_replaces_the_alternatives(team, say, make_client):
    from models import Requirement

    client = await make_client(team["zhang"], "华兴精密", region="嘉善", regions=["嘉善", "平湖"])
    await say(SALES, "华兴精密 区域改成 昆山")
    requirement = await Requirement.get(client_id=client.id)
    assert (requirement.region, requirement.regions) == ("昆山", ["昆山"])


async def test_a_phone_another_client_has_is_not_given_to_a_second_one(team, say, make_client):
    await make_client(team["li"], "康达物流", phone="13588886666")
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "修改 华兴精密 电话 13588886666")
    assert "已是李四的客户康达物流（135****6666）" in reply and "13588886666" not in reply
    assert (await Client.get(id=client.id)).phone == "13812345678"


async def test_undo_takes_back_a_stage_change(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", stage=Stage.VIEWING)
    await say(SALES, "华兴精密进入谈判")
    reply = await say(SALES, "撤销")
    assert "已撤销华兴精密的阶段变更，回到带看中" in reply
    assert (await Client.get(id=client.id)).stage == Stage.VIEWING
