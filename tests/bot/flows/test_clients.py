"""new_client, log_followup, client_info, update_stage through the signed endpoint."""

from datetime import datetime, timedelta, timezone

import pytest

from models import AuditLog, Client, FollowUp, Notification, StageChange
from models.enums import Role, Stage
from services import clients
from services.clients import OnDuplicate
from services.errors import Forbidden, ManagersOnly
from tests.factories import MANAGER, OTHER, SALES


async def test_new_client_saves_the_client_with_its_requirement_and_shows_top_matches(team, say, make_listing):
    for area in (1900, 2000, 2100, 2150):
        await make_listing(area=area)
    reply = await say(SALES, "新客户 华兴精密 张总 13812345678 要2000平单层厂房 昆山")
    client = await Client.get(company="华兴精密").prefetch_related("requirement")
    assert client.owner_id == team["zhang"].id and client.phone == "13812345678"
    assert (float(client.requirement.area_min), float(client.requirement.area_max)) == (1800, 2200)
    assert "已录入客户：华兴精密" in reply and "推荐房源（共4套）" in reply
    assert reply.count("面积✓") == 3 and "发「更多」" in reply


async def test_new_client_without_phone_says_what_is_missing(team, say):
    reply = await say(SALES, "新客户 宏达物流 仓库 3000平 嘉兴")
    assert "缺：电话、联系人" in reply


async def test_new_client_with_a_known_phone_offers_to_merge_and_1_merges(team, say, make_client):
    existing = await make_client(team["zhang"], "华兴精密机械有限公司", phone="13812345678")
    reply = await say(SALES, "新客户 华兴 王总 13812345678 3000平 太仓 厂房")
    assert "已有相同客户" in reply and "1. 合并到 华兴精密机械有限公司" in reply and "2. 仍然新建" in reply
    reply = await say(SALES, "1")
    assert "已合并到已有客户" in reply
    assert await Client.all().count() == 1
    requirement = await clients.requirement_of(existing)
    assert requirement.region == "太仓" and float(requirement.area_min) == 2700


async def test_new_client_with_the_same_normalized_company_is_a_duplicate(team, say, make_client):
    await make_client(team["zhang"], "苏州华兴精密有限公司")
    reply = await say(SALES, "新客户 华兴精密 张总 13900001111 2000平 昆山")
    assert "已有相同客户" in reply
    assert "仍然新建" in reply
    await say(SALES, "2")
    assert await Client.all().count() == 2


async def test_duplicate_of_another_salespersons_client_is_refused_with_masked_phone(team, say, make_client):
    await make_client(team["li"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "新客户 华兴精密 张总 13812345678 2000平 昆山")
    assert "李四的客户" in reply and "138****5678" in reply and "13812345678" not in reply
    assert await Client.all().count() == 1


async def test_followup_records_note_next_time_and_stage(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, "跟进 华兴精密 张总 今天带看了花桥那套 下周三下午3点再约")
    followup = await FollowUp.get(client_id=client.id)
    await client.refresh_from_db()
    assert "已记录跟进：华兴精密" in reply and "下次跟进" in reply and "15:00" in reply
    assert followup.next_at == client.next_followup_at and followup.next_at is not None
    assert followup.done is False and followup.reminded_at is None
    assert client.stage == Stage.VIEWING and client.deal_probability == 30
    assert "看了花桥" in followup.content
    assert await StageChange.filter(client_id=client.id, to_stage=Stage.VIEWING).exists()


async def test_a_new_followup_marks_earlier_ones_done(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, "跟进 华兴精密 电话沟通 明天上午10点再打")
    await say(SALES, "跟进 华兴精密 又聊了一次 后天下午2点见面")
    followups = await FollowUp.filter(client_id=client.id).order_by("id")
    assert [f.done for f in followups] == [True, False]


async def test_a_retried_message_records_one_followup(team, say, make_client):
    await make_client(team["zhang"], "华兴精密")
    first = await say(SALES, "跟进 华兴精密 明天10点再联系", msg_id=424242)
    again = await say(SALES, "跟进 华兴精密 明天10点再联系", msg_id=424242)
    assert first == again
    assert await FollowUp.all().count() == 1


async def test_followup_source_msg_id_is_unique_even_without_the_dedupe_cache(team, say, make_client, resources):
    await make_client(team["zhang"], "华兴精密")
    await say(SALES, "跟进 华兴精密 明天10点再联系", msg_id=515151)
    await resources.redis.flushdb()
    reply = await say(SALES, "跟进 华兴精密 明天10点再联系", msg_id=515151)
    assert "已记录过" in reply
    assert await FollowUp.all().count() == 1


async def test_ambiguous_client_gets_numbered_choices_and_a_number_picks(team, say, make_client):
    await make_client(team["zhang"], "华兴精密")
    second = await make_client(team["zhang"], "华兴物流", contact_name="王")
    reply = await say(SALES, "跟进 华兴 明天下午3点再联系")
    assert "有2个客户像「华兴」" in reply and "1. " in reply and "2. " in reply
    assert await FollowUp.all().count() == 0
    reply = await say(SALES, "2" if "2. 华兴物流" in reply else "1")
    assert "已记录跟进：华兴物流" in reply and "15:00" in reply  # the time survives the pending choice
    assert (await FollowUp.get()).client_id == second.id


async def test_a_person_name_resolves_to_the_contact(team, say, make_client):
    client = await make_client(team["zhang"], "金泰模具", contact_name="李")
    reply = await say(SALES, "记录 李总 电话沟通了一下 周五上午10点再打电话")
    assert "已记录跟进：金泰模具" in reply
    assert await FollowUp.filter(client_id=client.id).exists()


async def test_followup_for_an_unknown_client_says_how_to_register_it(team, say):
    reply = await say(SALES, "跟进 不存在公司 明天10点再联系")
    assert "没找到客户「不存在公司」" in reply and "新客户" in reply


async def test_sales_cannot_log_a_followup_on_another_salespersons_client(team, say, make_client):
    await make_client(team["li"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "跟进 华兴精密 明天10点再联系")
    assert "李四的客户" in reply and "138****5678" in reply
    assert await FollowUp.all().count() == 0


async def test_client_info_shows_contact_requirement_stage_owner_and_last_five_followups(team, say, make_client):
    client = await make_client(
        team["zhang"], "华兴精密", phone="13812345678", region="昆山", area_min=1800, area_max=2200
    )
    now = datetime.now(timezone.utc)
    for i in range(7):
        await clients.log_followup(
            actor=team["zhang"],
            client=client,
            content=f"第{i}次沟通",
            settings=None,
            now=now - timedelta(days=7 - i),
            next_at=now + timedelta(days=1),
        )
    reply = await say(SALES, "查客户 华兴精密")
    assert "13812345678" in reply and "昆山" in reply and "1800-2200㎡" in reply
    assert "初步意向" in reply and "负责人：张三" in reply and "下次跟进" in reply
    assert "第6次沟通" in reply and "第2次沟通" in reply and "第1次沟通" not in reply


async def test_manager_sees_their_teams_clients_in_full(team, say, make_client):
    await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(MANAGER, "查客户 华兴精密")
    assert "13812345678" in reply and "负责人：张三" in reply


async def test_another_salespersons_client_shows_masked_contact_only(team, say, make_client):
    await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(OTHER, "查客户 华兴精密")
    assert "138****5678" in reply and "13812345678" not in reply and "张三" in reply


async def test_update_stage_keeps_history_and_sets_probability(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, "华兴精密进入谈判")
    await client.refresh_from_db()
    assert "初步意向 → 谈判中" in reply and "60%" in reply
    assert client.stage == Stage.NEGOTIATING and client.deal_probability == 60
    change = await StageChange.get(client_id=client.id)
    assert (change.from_stage, change.to_stage, change.changed_by_id) == (
        Stage.INTENT,
        Stage.NEGOTIATING,
        team["zhang"].id,
    )


async def test_a_deal_with_terms_is_shown_then_wins_the_client_on_confirm(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, "华兴精密成交了 年租金120万 免租3个月")
    assert "确认" in reply and "没太明白" not in reply
    await say(SALES, "确认")
    await client.refresh_from_db()
    assert client.stage == Stage.WON


async def test_a_message_not_understood_is_logged_without_personal_data(team, say, caplog):
    with caplog.at_level("INFO", logger="bot.handlers"):
        await say(SALES, "张总 13812345678 哈哈哈")
    assert "某总 [号码] 哈哈哈" in caplog.text and "13812345678" not in caplog.text


async def test_every_change_writes_the_audit_log_with_before_and_after(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await say(SALES, "华兴精密成交了")
    entry = await AuditLog.get(action="client.stage", entity_id=client.id)
    assert entry.actor_id == team["zhang"].id
    assert (entry.before["stage"], entry.after["stage"]) == ("intent", "won")


async def test_manager_can_reassign_and_sales_cannot(team, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await clients.reassign(actor=team["manager"], client=client, to=team["li"])
    assert (await Client.get(id=client.id)).owner_id == team["li"].id
    with pytest.raises(ManagersOnly):
        await clients.reassign(actor=team["zhang"], client=client, to=team["zhang"])
    # 张三 was told the client went to 李四; the refused move sent nothing
    assert await Notification.filter(recipient_id=team["zhang"].id).count() == 1


async def test_the_new_and_the_previous_owner_of_a_reassigned_client_are_told(team, make_client, words):
    client = await make_client(team["zhang"], "华兴精密")
    await clients.reassign(actor=team["manager"], client=client, to=team["li"])
    new_owner, previous_owner = await Notification.all().order_by("id")
    assert new_owner.recipient_id == team["li"].id and words(new_owner)["detail"] == "华兴精密"
    assert previous_owner.recipient_id == team["zhang"].id
    assert words(previous_owner)["title"] == "王经理把你的客户转给了李四"


async def test_a_manager_taking_a_client_over_tells_the_previous_owner_only(team, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    await clients.reassign(actor=team["manager"], client=client, to=team["manager"])
    [notice] = await Notification.all()
    assert notice.recipient_id == team["zhang"].id


async def test_manager_reassigns_a_client_in_chat(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(MANAGER, "把华兴精密转给李四")
    assert "华兴精密已从张三转给李四" in reply
    assert (await Client.get(id=client.id)).owner_id == team["li"].id
    assert await AuditLog.filter(action="client.reassign", entity_id=client.id).exists()


async def test_sales_cannot_reassign_in_chat(team, say, make_client):
    await make_client(team["zhang"], "华兴精密")
    assert "只有经理或管理员" in await say(SALES, "把华兴精密转给李四")


async def test_cancel_drops_a_pending_choice(team, say, make_client):
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["zhang"], "华兴物流")
    await say(SALES, "跟进 华兴 明天下午3点再联系")
    assert "已取消" in await say(SALES, "取消")
    assert "没有待选择" in await say(SALES, "1")
    assert await FollowUp.all().count() == 0


async def test_a_won_client_without_amounts_tells_the_referrer_once_and_earns_nothing_yet(
    team, say, make_client, make_staff
):
    from models import Earning
    from models.enums import Role

    partner = await make_staff("老王", Role.PARTNER, manager=team["zhang"])
    client = await make_client(team["zhang"], "华兴精密")
    await Client.filter(id=client.id).update(referrer_id=partner.id)
    await say(SALES, "华兴精密成交了")
    await say(SALES, "跟进 华兴精密 签了合同 已经成交")
    assert not await Earning.exists()
    assert await Notification.filter(recipient_id=partner.id, dedupe_key=f"referral:won:{client.id}").exists()


async def test_a_place_inside_the_company_name_is_not_taken_as_the_clients_region(team, say):
    reply = await say(SALES, "新客户 苏州华兴精密有限公司 王总 13812345678")
    client = await Client.get().prefetch_related("requirement")
    assert client.region is None and client.requirement.region is None
    assert "缺：" in reply and "区域" in reply


async def test_the_requirement_shows_totals_in_wan_and_unit_prices_per_square_metre(team, say):
    reply = await say(SALES, "新客户 宏达物流 陈总 13900002222 仓库 5000平以上 太仓 买 总价2000万以内 单价3000元/平")
    assert "总价≤2000万元" in reply and "e+" not in reply
    reply = await say(SALES, "新客户 鼎盛物流 赵总 13900003333 厂房 2000平 昆山 每月预算5万 租金25元以内")
    assert "月预算≤5万元" in reply and "租金≤25元/㎡·月" in reply


async def test_a_client_entered_as_xiao_li_is_found_again_by_xiao_li(team, say):
    await say(SALES, "新客户 小李 15000001111 仓库 2000平 萧山")
    reply = await say(SALES, "跟进 小李 周五见面")
    assert reply.startswith("已记录跟进：李")


async def test_a_choice_does_not_repeat_a_contact_that_is_the_clients_name(team, say, make_client):
    await make_client(team["zhang"], None, contact_name="李")
    await make_client(team["zhang"], "华兴电子", contact_name="李")
    reply = await say(SALES, "跟进 李总 明天下午3点")
    assert "1. 李 初步意向" in reply or "2. 李 初步意向" in reply
    assert "李 李" not in reply


async def test_a_bare_client_name_shows_that_clients_record(team, say, make_client):
    await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(SALES, "华兴精密")
    assert reply.startswith("华兴精密（张）") and "电话13812345678" in reply


async def test_chit_chat_that_names_no_client_still_gets_the_hint(team, say, make_client):
    await make_client(team["zhang"], "华兴精密")
    assert "没太明白" in await say(SALES, "今天天气不错")


async def test_a_stage_word_in_a_followup_never_moves_a_won_client_back(team, say, make_client):
    client = await make_client(team["zhang"], "恒通", stage=Stage.WON)
    reply = await say(SALES, "跟进 恒通 谈价格 后天上午再谈")
    await client.refresh_from_db()
    assert client.stage == Stage.WON and not await StageChange.filter(client_id=client.id).exists()
    assert "阶段仍是已成交" in reply and "「恒通改为谈判中」" in reply
    reply = await say(SALES, "恒通改为谈判中")
    assert "已成交 → 谈判中" in reply


async def test_a_client_known_only_by_its_contact_is_not_named_twice(team, say):
    reply = await say(SALES, "新客户 张总 13800001111 厂房 2000平 昆山")
    assert reply.startswith("已录入客户：张（13800001111）")


async def test_client_info_shows_industry_and_source(team, say):
    await say(SALES, "新客户 德信 周总 13800002222 转介绍 做新能源电池的 要1万平 厂房 常熟")
    reply = await say(SALES, "查客户 德信")
    assert "行业：新能源电池 · 来源：转介绍" in reply


async def test_a_number_after_another_message_does_not_answer_an_older_choice(team, say, make_client, make_listing):
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["zhang"], "华兴电子")
    await make_listing()
    assert "回复序号" in await say(SALES, "跟进 华兴 带看了 明天下午3点再约")
    await say(SALES, "找昆山 2000平 厂房")
    reply = await say(SALES, "1")
    assert "没有待选择的问题" in reply and not await FollowUp.exists()


async def test_new_client_with_a_known_wechat_id_is_a_duplicate(team, say):
    await say(SALES, "新客户 老周 微信 zhou123 厂房 2000平 昆山")
    reply = await say(SALES, "新客户 周总 vx zhou123 仓库 3000平 太仓")
    assert "已有相同客户（电话、微信或公司名相同）" in reply and await Client.all().count() == 1


async def test_a_client_written_with_its_legal_form_is_the_same_client(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, "跟进 华兴精密有限公司 明天下午3点再约")
    assert "已记录跟进：华兴精密" in reply
    assert await FollowUp.filter(client_id=client.id).count() == 1


async def test_a_lead_shows_the_visitors_words_and_a_possible_duplicate(team, say, make_client):
    existing = await make_client(team["li"], "华兴精密", phone="13812345678")
    lead = await make_client(team["zhang"], "华兴精密机械", phone="13812345678", on_duplicate=OnDuplicate.MARK)
    assert lead.duplicate_of_id == existing.id
    await FollowUp.create(
        client=lead, content="我是张总，改约明天", by_client=True, happened_at=datetime.now(timezone.utc)
    )
    reply = await say(SALES, "查客户 华兴精密机械")
    assert "客户留言：我是张总，改约明天" in reply
    assert "可能与已有客户华兴精密重复" in reply


async def visitor_lead(resources, openid: str = "o-visitor", **body) -> Client:
    """A mini-program lead, as the API takes it."""
    from models import WechatUser
    from services import leads

    user = await WechatUser.create(openid=openid)
    values = {"company": "华兴精密机械", "contact_name": "张总", "phone": "13812345678", "need": "我想再看看花桥那套"}
    return await leads.create(resources, wechat_user_id=user.id, **{**values, **body})


async def test_the_salesperson_merges_a_lead_that_is_their_client(team, say, make_client, resources):
    existing = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    lead = await visitor_lead(resources)
    assert lead.duplicate_of_id == existing.id and lead.owner_id == team["zhang"].id
    reply = await say(SALES, "合并 华兴精密机械")
    assert "已合并：华兴精密机械并入华兴精密" in reply
    assert not await Client.filter(id=lead.id).exists()
    await existing.refresh_from_db()
    assert existing.wechat_user_id == lead.wechat_user_id  # confirmed by a person, not by a phone number
    words = await FollowUp.get(client_id=existing.id)
    assert words.by_client and words.content == "我想再看看花桥那套"
    assert await AuditLog.filter(action="client.merge_lead", entity_id=existing.id).exists()


async def test_a_lead_that_is_another_client_keeps_its_own_record(team, say, make_client, resources):
    await make_client(team["zhang"], "华兴精密", phone="13812345678")
    lead = await visitor_lead(resources)
    assert "已确认华兴精密机械是新客户" in await say(SALES, "不是重复 华兴精密机械")
    await lead.refresh_from_db()
    assert lead.duplicate_of_id is None
    assert "没有待确认是否重复" in await say(SALES, "合并 华兴精密机械")


async def test_only_whoever_may_change_both_merges_a_lead(team, say, make_client, resources):
    await make_client(team["zhang"], "华兴精密", phone="13812345678")
    lead = await visitor_lead(resources)
    assert "没有待确认是否重复" in await say(OTHER, "合并 华兴精密机械")  # 李四 cannot see it
    assert await Client.filter(id=lead.id).exists()


async def test_two_leads_alike_are_offered_by_number(team, say, make_client, resources):
    existing = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    await visitor_lead(resources, "o-a", company="华兴精密机械")
    second = await visitor_lead(resources, "o-b", company="华兴精密科技")
    asked = await say(SALES, "合并 华兴精密")
    assert "有2个待确认的客户" in asked
    number = 1 + asked.splitlines()[1:].index(next(line for line in asked.splitlines()[1:] if "科技" in line))
    assert "已合并：华兴精密科技并入华兴精密" in await say(SALES, str(number))
    assert not await Client.filter(id=second.id).exists() and await Client.filter(id=existing.id).exists()


OTHER_MANAGER = "o-zhao"


async def test_a_manager_without_a_team_neither_reads_nor_reassigns_another_teams_client(
    team, say, make_client, make_staff
):
    """Issue 11 item 4: a new manager with no team read a client's full phone and reassigned it."""
    await make_staff("赵经理", Role.MANAGER, bind_openid=OTHER_MANAGER)
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    reply = await say(OTHER_MANAGER, "查客户 华兴精密")
    assert "13812345678" not in reply and "138****5678" in reply
    reply = await say(OTHER_MANAGER, "把华兴精密转给赵经理")
    assert "转给" not in reply or "不能" in reply
    assert (await Client.get(id=client.id)).owner_id == team["zhang"].id
    assert "13812345678" not in await say(OTHER_MANAGER, "跟进 华兴精密 打了电话")
    assert await FollowUp.filter(client_id=client.id).count() == 0


async def test_a_manager_reassigns_only_within_their_team_and_an_admin_anywhere(team, make_client, make_staff):
    zhao = await make_staff("赵经理", Role.MANAGER)
    wang_wu = await make_staff("王五", Role.SALES, manager=zhao)
    client = await make_client(team["zhang"], "华兴精密")
    with pytest.raises(Forbidden):
        await clients.reassign(actor=team["manager"], client=client, to=wang_wu)
    with pytest.raises(Forbidden):
        await clients.reassign(actor=zhao, client=client, to=wang_wu)
    admin = await make_staff("管理员", Role.ADMIN)
    await clients.reassign(actor=admin, client=client, to=wang_wu)
    assert (await Client.get(id=client.id)).owner_id == wang_wu.id
    assert [c.id for c in await clients.resolve(zhao, "华兴精密")] == [client.id]
    assert await clients.resolve(team["manager"], "华兴精密") == []


async def test_a_note_without_a_time_keeps_the_planned_followup_and_says_so(team, say, make_client, resources):
    """Issue 11 item 3: the 15:00 appointment disappeared from the agenda and the reminders."""
    from services import reminders

    client = await make_client(team["zhang"], "巴斯精密")
    await say(SALES, "跟进 巴斯精密 明天下午3点带看")
    planned = (await Client.get(id=client.id)).next_followup_at
    reply = await say(SALES, "跟进 巴斯精密 又确认了一次电量需求")
    assert "仍然有效" in reply and "15:00" in reply and "取消提醒 巴斯精密" in reply
    assert (await Client.get(id=client.id)).next_followup_at == planned
    assert "15:00 巴斯精密" in await say(SALES, "明天跟进谁")
    assert await reminders.queue_due(resources.settings, now=planned + timedelta(minutes=1)) == 1


async def test_a_new_time_replaces_the_planned_followup(team, say, make_client):
    client = await make_client(team["zhang"], "巴斯精密")
    await say(SALES, "跟进 巴斯精密 明天下午3点带看")
    reply = await say(SALES, "跟进 巴斯精密 改到明天上午10点")
    assert "10:00" in reply and "仍然有效" not in reply
    pending = await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True)
    assert [f.next_at for f in pending] == [(await Client.get(id=client.id)).next_followup_at]
    assert "10:00 巴斯精密" in await say(SALES, "明天跟进谁")


async def test_cancelling_a_planned_followup_is_explicit(team, say, make_client):
    client = await make_client(team["zhang"], "巴斯精密")
    await say(SALES, "跟进 巴斯精密 明天下午3点带看")
    reply = await say(SALES, "取消提醒 巴斯精密")
    assert "已取消巴斯精密" in reply and "15:00" in reply
    assert (await Client.get(id=client.id)).next_followup_at is None
    assert not await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True).exists()
    assert "巴斯精密" not in await say(SALES, "明天跟进谁")
    assert "没有待提醒的跟进" in await say(SALES, "取消提醒 巴斯精密")
    assert await AuditLog.filter(action="followup.cancel", entity_id=client.id).exists()


async def test_a_note_after_the_planned_time_has_come_answers_it(team, make_client):
    client = await make_client(team["zhang"], "巴斯精密")
    now = datetime.now(timezone.utc)
    await clients.log_followup(
        actor=team["zhang"],
        client=client,
        content="约了",
        now=now - timedelta(hours=3),
        settings=None,
        next_at=now - timedelta(hours=1),
    )
    result = await clients.log_followup(actor=team["zhang"], client=client, content="见过了", now=now, settings=None)
    assert result.kept_next_at is None and client.next_followup_at is None
    assert not await FollowUp.filter(client_id=client.id, done=False, next_at__not_isnull=True).exists()


async def test_a_note_is_stored_as_written(team, make_client):
    client = await make_client(team["zhang"], "巴斯精密")
    result = await clients.log_followup(
        actor=team["zhang"],
        client=client,
        content="又确认了一次电量需求",
        now=datetime.now(timezone.utc),
        settings=None,
    )
    assert (await FollowUp.get(id=result.followup.id)).content == "又确认了一次电量需求"


async def test_contact_data_typed_into_a_note_is_encrypted_at_rest_and_masked_in_the_reminder(
    team, say, make_client, resources
):
    """Issue 11 item 10: phones and WeChat ids in notes were stored and sent in reminders in clear."""
    from tortoise import Tortoise

    from services import reminders

    client = await make_client(team["zhang"], "巴斯精密")
    await say(SALES, "跟进 巴斯精密 新联系人李工13912345678 微信ligong_bs 明天下午3点带看")
    followup = await FollowUp.get(client_id=client.id)
    assert "13912345678" in followup.content and "ligong_bs" in followup.content
    _, rows = await Tortoise.get_connection("default").execute_query(
        f"SELECT content FROM followups WHERE id = {followup.id}"
    )
    assert "13912345678" not in str(rows[0]["content"]) and "ligong_bs" not in str(rows[0]["content"])
    assert await reminders.queue_due(resources.settings, now=followup.next_at + timedelta(minutes=1)) == 1
    [reminder] = await Notification.filter(kind="followup_due")
    assert "139****5678" in reminder.payload["note"] and "13912345678" not in reminder.payload["note"]
    assert "ligong_bs" not in reminder.payload["note"] and "带看" in reminder.payload["note"]


async def test_a_phone_alone_looks_up_its_client(team, say, make_client):
    await make_client(team["zhang"], "康达物流", phone="13588886666", contact_name="周")
    for text in ("13588886666", "查客户 13588886666"):
        reply = await say(SALES, text)
        assert reply.startswith("康达物流（周）") and "13588886666" in reply


async def test_asking_for_a_clients_phone_shows_its_record(team, say, make_client):
    await make_client(team["zhang"], "康达物流", phone="13588886666")
    assert "电话13588886666" in await say(SALES, "康达物流电话多少")


async def test_a_client_is_found_by_its_contact_and_by_part_of_its_name(team, say, make_client):
    await make_client(team["zhang"], "康达物流", phone="13588886666", contact_name="周")
    assert (await say(SALES, "周总")).startswith("康达物流")
    assert (await say(SALES, "查客户 康达")).startswith("康达物流")


async def test_a_phone_of_someone_elses_client_shows_only_whose_it_is_masked(team, say, make_client):
    await make_client(team["li"], "康达物流", phone="13588886666")
    reply = await say(SALES, "13588886666")
    assert "李四的客户康达物流" in reply and "135****6666" in reply and "13588886666" not in reply
    assert "13588886666" in await say(MANAGER, "13588886666")  # their manager sees it in full


async def test_a_second_phone_of_a_merged_duplicate_is_kept_as_another_contact(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678", contact_name="张")
    await say(SALES, "新客户 华兴精密 王总 13900001111 3000平 太仓 厂房")
    await say(SALES, "1")
    assert (await Client.get(id=client.id)).phone == "13812345678"
    reply = await say(SALES, "查客户 华兴精密")
    assert "其他联系人：王 电话13900001111" in reply
    assert (await say(SALES, "13900001111")).startswith("华兴精密")
    assert "已有相同客户" in await say(SALES, "新客户 另一家 13900001111")


async def test_a_time_said_in_the_past_dates_the_followup_not_a_reminder(team, say, make_client):
    client = await make_client(team["zhang"], "华兴精密")
    reply = await say(SALES, "跟进 华兴精密 昨天下午带看了 客户没来")
    followup = await FollowUp.get(client_id=client.id)
    local = followup.happened_at.astimezone(timezone(timedelta(hours=8)))
    today = datetime.now(timezone(timedelta(hours=8))).date()
    assert followup.next_at is None and (local.date(), local.hour) == (today - timedelta(days=1), 14)
    assert "记为" in reply and "14:00" in reply


async def test_a_reminder_a_day_before_is_stored_and_sent_a_day_early(team, say, make_client, resources):
    from services import reminders

    client = await make_client(team["zhang"], "新锐医疗器械")
    reply = await say(SALES, "跟进 新锐医疗器械 客户说下个月5号来看房 提前一天提醒我")
    followup = await FollowUp.get(client_id=client.id)
    assert followup.next_at is not None and followup.next_at - followup.remind_at == timedelta(days=1)
    assert "已记录跟进：新锐医疗器械" in reply and "提前提醒你" in reply
    await reminders.schedule(resources, now=followup.remind_at + timedelta(minutes=1))
    assert await Notification.filter(followup_id=followup.id, kind=reminders.FOLLOWUP_DUE).exists()


async def test_winning_or_losing_closes_the_planned_followup_and_says_so(team, say, make_client, resources):
    won = await make_client(team["zhang"], "华兴精密", stage=Stage.NEGOTIATING)
    lost = await make_client(team["zhang"], "宏达物流")
    for name in ("华兴精密", "宏达物流"):
        await say(SALES, f"跟进 {name} 电话沟通 明天上午10点再打")
    reply = await say(SALES, "华兴精密成交了")
    assert "原定" in reply and "跟进提醒已关闭" in reply
    reply = await say(SALES, "跟进 宏达物流 客户选了别家 不租了")
    assert "已流失" in reply and "跟进提醒已关闭" in reply
    for client in (won, lost):
        assert (await Client.get(id=client.id)).next_followup_at is None
        assert not await FollowUp.filter(client_id=client.id, done=False).exists()


async def test_the_worker_checks_the_stage_again_before_reminding(team, make_client, settings, resources):
    from services import reminders

    client = await make_client(team["zhang"], "华兴精密")
    now = datetime.now(timezone.utc)
    await clients.log_followup(
        actor=team["zhang"], client=client, content="电话", now=now, settings=settings, next_at=now + timedelta(hours=1)
    )
    await Client.filter(id=client.id).update(stage=Stage.WON)  # e.g. won through another path, plans left open
    await reminders.schedule(resources, now=now + timedelta(hours=2))
    assert not await Notification.filter(client_id=client.id, kind=reminders.FOLLOWUP_DUE).exists()


async def test_a_client_that_accepts_two_regions_keeps_both_and_is_matched_in_either(team, say, make_listing):
    await make_listing(region="平湖", area=2000)
    await make_listing(region="花桥", area=2000)
    reply = await say(SALES, "新客户 华兴 张总 13800001111 要厂房 嘉善或者平湖都行 2000平")
    requirement = await clients.requirement_of(await Client.get(company="华兴"))
    assert requirement.regions == ["嘉善", "平湖"]
    assert "嘉善或平湖" in reply and "推荐房源（共1套）" in reply and "平湖" in reply


async def test_a_loosely_written_new_client_is_understood(team, say):
    await say(SALES, "新客户 昆山那个做五金的 姓刘 电话139 1234 5678 要个1500平左右的厂房 一楼 层高7米以上")
    client = await Client.get(phone_hash__not_isnull=True).prefetch_related("requirement")
    assert (client.contact_name, client.industry, client.company) == ("刘", "五金", None)
    assert client.requirement.region == "昆山" and client.requirement.single_storey is True
    assert float(client.requirement.ceiling_height_min) == 7


async def test_winning_a_client_with_one_listing_in_play_asks_whether_it_is_let_and_1_closes_it(
    team, say, make_client, make_listing
):
    from models import Listing
    from models.enums import ListingStatus

    client = await make_client(team["zhang"], "华兴精密")
    listing = await make_listing(code="A61", owner=team["zhang"])
    await say(SALES, "A61谈判中 华兴精密")
    reply = await say(SALES, "华兴精密成交了")
    assert "A61（谈判中）是不是已租给华兴精密了？" in reply and "1. 是，A61已租给华兴精密" in reply
    reply = await say(SALES, "1")
    await listing.refresh_from_db()
    assert listing.status == ListingStatus.CLOSED and listing.held_by_id == client.id and "A61：已" in reply
    assert (await Listing.get(id=listing.id)).status == ListingStatus.CLOSED


async def test_winning_a_client_with_no_or_several_listings_in_play_asks_nothing(team, say, make_client, make_listing):
    await make_client(team["zhang"], "华兴精密")
    assert "是不是已租" not in await say(SALES, "华兴精密成交了")
    await make_client(team["zhang"], "宏达物流")
    for code in ("A71", "A72"):
        await make_listing(code=code, owner=team["zhang"])
        await say(SALES, f"{code}带看预约 宏达物流")
    assert "是不是已租" not in await say(SALES, "宏达物流签了")


async def test_a_note_that_opens_with_my_client_is_a_followup_with_its_time(team, say, make_client):
    client = await make_client(team["zhang"], "宏达物流")
    reply = await say(SALES, "宏达物流 过完年再说")
    assert "已记录跟进：宏达物流" in reply
    note = await FollowUp.get(client_id=client.id)
    assert note.next_at is not None and note.next_at.month == 2  # 正月初八
    assert "已记录跟进：宏达物流" in await say(SALES, "宏达物流张总刚才来电话说合同下周一寄回来")


async def test_a_note_that_names_no_client_asks_for_it_and_keeps_nothing(team, say, make_client):
    await make_client(team["zhang"], "宏达物流")
    reply = await say(SALES, "下午带看 结果客户没来")
    assert "哪个客户" in reply and "跟进 华兴精密 下午带看 结果客户没来" in reply
    assert not await FollowUp.exists()


async def test_someone_elses_client_or_a_lookup_is_never_taken_for_a_note(team, say, make_client):
    await make_client(team["li"], "康达物流")
    await make_client(team["zhang"], "新锐医疗器械")
    assert "没太明白" in await say(SALES, "康达物流 报价发过去了 等回复")
    assert "负责人：张三" in await say(SALES, "麻烦帮我查一下新锐医疗器械")  # a look-up, politely
    assert not await FollowUp.exists()
