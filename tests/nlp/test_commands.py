"""Commands beyond search and record: v2 contract intents and the chat's own (edit, delete, look-ups, figures,
sending, resubmitting, replying), with the slots each carries."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

import nlp

NOW = datetime.fromisoformat("2026-11-25T09:00:00+08:00")


def parsed(text: str) -> tuple[str, dict]:
    result = nlp.parse(text, NOW)
    return result.intent, result.to_json()["slots"]


@pytest.mark.parametrize(
    "text, intent, slots",
    [
        ("取消提醒 华兴精密", "cancel_followup", {"client": "华兴精密"}),
        ("宏达物流先不用提醒了", "cancel_followup", {"client": "宏达物流"}),
        ("撤销", "undo", {}),
        ("刚才那条记错了 删掉", "undo", {}),
        ("我的佣金", "my_commission", {}),
        ("提现1.5万", "withdraw", {"amount": 15000.0}),
        ("A12 数据", "listing_stats", {"listing": "A12"}),
        ("登录后台", "login", {}),
        ("A12 朋友圈文案", "share_text", {"listing": "A12"}),
        ("修改 华兴精密 电话 13812345679", "edit_client", {"client": "华兴精密", "phone": "13812345679"}),
        ("华兴精密 联系人改成 李总", "edit_client", {"client": "华兴精密", "contact_name": "李"}),
        ("鑫达模具 需求改成4000平", "edit_client", {"client": "鑫达模具", "area_min": 3600.0, "area_max": 4400.0}),
        (
            "鑫达模具 面积改成3000到5000平",
            "edit_client",
            {"client": "鑫达模具", "area_min": 3000.0, "area_max": 5000.0},
        ),
        ("鑫达模具 预算改成30元", "edit_client", {"client": "鑫达模具", "rent_max": 30.0}),
        ("鑫达模具 预算改成每月10万", "edit_client", {"client": "鑫达模具", "budget_month_max": 100000.0}),
        ("鑫达模具 区域改成昆山", "edit_client", {"client": "鑫达模具", "region": "昆山"}),
        ("鑫达模具 要仓库不要厂房", "edit_client", {"client": "鑫达模具", "property_type": "warehouse"}),
        ("鑫达模具 不要厂房了 要仓库", "edit_client", {"client": "鑫达模具", "property_type": "warehouse"}),
        ("鑫达模具 类型改成仓库", "edit_client", {"client": "鑫达模具", "property_type": "warehouse"}),
        (
            "华兴精密 孙总 微信同号",
            "edit_client",
            {"client": "华兴精密", "contact_name": "孙", "wechat_is_phone": True},
        ),
        ("华兴精密 微信同手机", "edit_client", {"client": "华兴精密", "wechat_is_phone": True}),
        ("华兴精密 微信就是手机号", "edit_client", {"client": "华兴精密", "wechat_is_phone": True}),
        ("A69改成仓库", "edit_listing", {"listing": "A69", "property_type": "warehouse"}),
        ("A67 租金降到26", "edit_listing", {"listing": "A67", "rent": 26.0}),
        ("删除客户 康达物流", "delete_client", {"client": "康达物流"}),
        ("13588886666", "client_info", {"phone": "13588886666"}),
        ("查客户 13588886666", "client_info", {"phone": "13588886666"}),
        ("康达物流电话多少", "client_info", {"client": "康达物流"}),
        ("我的数据", "my_stats", {}),
        ("李四的客户", "staff_clients", {"staff": "李四"}),
        ("张三今天跟进了哪些", "staff_followups", {"staff": "张三", "day": "2026-11-25"}),
        ("本周团队业绩", "team_stats", {"period": "week"}),
        ("把A61发给华兴精密张总", "send_listing", {"listing": "A61", "client": "华兴精密", "contact_name": "张"}),
        ("A69 重新提交", "resubmit_listing", {"listing": "A69"}),
        ("生成海报 A12", "poster", {"listing": "A12"}),
    ],
)
def test_commands(text, intent, slots):
    assert parsed(text) == (intent, slots)


def test_reply_to_a_visitor_keeps_the_reply_as_written():
    intent, slots = parsed("回复 赵 好的，明天上午带您看")
    assert intent == "reply_visitor" and slots == {"visitor": "赵", "content": "好的，明天上午带您看"}


def test_a_deal_with_terms_is_recorded_with_decimal_money():
    result = nlp.parse("华兴精密成交了 年租金120万 免租3个月", NOW)
    assert result.intent == "record_deal"
    assert result.slots["annual_rent"] == Decimal("1200000") and isinstance(result.slots["annual_rent"], Decimal)
    assert result.slots["rent_free_months"] == 3.0
    assert nlp.parse("华兴精密成交了", NOW).intent == "update_stage"  # no term: the stage alone


@pytest.mark.parametrize(
    "text, start",
    [
        ("华兴精密成交 年租金120万 租期5年 2027年1月1日起租", "2027-01-01"),
        ("华兴精密签了 年租120万 3月1日起租", "2027-03-01"),  # March has passed in November: next year's
        ("华兴精密签了 月租金8万 起租日12月15日", "2026-12-15"),
    ],
)
def test_a_deal_keeps_the_day_its_lease_starts(text, start):
    assert parsed(text)[1]["lease_start"] == start


def test_a_deal_that_names_no_client_has_none():
    assert parsed("A12签了 年租金120万")[1] == {"listing": "A12", "annual_rent": 1200000.0}
    assert "client" not in parsed("成交了 月租金8万 免租2个月")[1]


def test_a_withdrawal_keeps_the_real_name_written_after_the_amount():
    assert parsed("提现 2500 王大明")[1] == {"amount": 2500.0, "real_name": "王大明"}
    assert parsed("提现五百块")[1] == {"amount": 500.0}


def test_a_status_change_is_not_an_edit():
    assert parsed("把A12改成已租 华兴精密") == (
        "listing_status",
        {"listing": "A12", "listing_status": "closed", "client": "华兴精密"},
    )


def test_a_client_named_like_a_title_is_no_colleague():
    assert parsed("李总的客户")[0] != "staff_clients"


@pytest.mark.parametrize("text", ["这个怎么弄", "我能发什么", "不会用 教教我", "怎么记跟进啊"])
def test_help_in_ones_own_words(text):
    assert parsed(text)[0] == "help"


@pytest.mark.parametrize("text", ["我有哪些过期没跟的", "逾期的有哪些", "哪些客户该联系了", "今天要干啥"])
def test_pending_work_asked_without_the_words_followup_or_todo(text):
    assert parsed(text)[0] == "agenda"


@pytest.mark.parametrize(
    "text, client",
    [
        ("哪些房源适合李总", "李总"),
        ("有什么房子适合康达物流吗", "康达物流"),
        ("恒力机械能配哪些房子", "恒力机械"),
    ],
)
def test_listings_that_suit_a_named_client_keep_the_client(text, client):
    assert parsed(text) == ("match_client", {"client": client})


def test_a_followup_opening_word_decides_whatever_follows():
    intent, slots = parsed("跟进 新锐医疗器械 客户说下个月5号来看房 提前一天提醒我")
    assert intent == "log_followup" and slots["remind_before_min"] == 1440
    assert parsed("跟进谁")[0] == "agenda"


def test_a_loosely_written_new_client():
    intent, slots = parsed("新客户 昆山那个做五金的 姓刘 电话139 1234 5678 要个1500平左右的厂房 一楼 层高7米以上")
    assert intent == "new_client"
    assert {k: slots.get(k) for k in ("company", "contact_name", "industry", "region", "phone")} == {
        "company": None,
        "contact_name": "刘",
        "industry": "五金",
        "region": "昆山",
        "phone": "13912345678",
    }


def test_alternative_places_are_all_kept():
    slots = parsed("新客户 宏图包装 孙经理 13700001111 嘉善或者平湖都行 仓库3000平")[1]
    assert slots["region"] == "嘉善" and slots["regions"] == ["嘉善", "平湖"]
    assert "regions" not in parsed("找昆山张浦的厂房 2000平")[1]  # a town in its city is one place


def test_a_raised_dock_warehouse():
    intent, slots = parsed("新房源 太仓浏河 高台库 8000平 房东黄总 13900002222")
    assert intent == "new_listing" and slots["property_type"] == "warehouse" and slots["features"] == ["dock"]
    assert slots["contact_name"] == "黄" and slots["phone"] == "13900002222"  # the landlord's


def test_a_ground_floor_of_a_multi_storey_building_is_not_a_single_storey_factory():
    slots = parsed("录个房源：昆山张浦 标准厂房一楼 2000平 层高8米 租金22 房东姓陈 13800001111")[1]
    assert slots["single_storey"] is False and slots["property_type"] == "factory" and slots["contact_name"] == "陈"
    assert parsed("新房源 周市 四层厂房 每层2000平 共8000平 一楼层高7米")[1]["single_storey"] is False
    assert parsed("新房源 花桥 单层厂房 一楼 3200平")[1]["single_storey"] is True


def test_a_client_asking_for_a_ground_floor_wants_single_storey_access():
    assert parsed("新客户 昆山 多层厂房 一楼 1500平")[1]["single_storey"] is True


def test_redact_masks_personal_data():
    assert nlp.redact("张总 13812345678 微信 zhang_888 你好呀") == "某总 [号码] 微信 [微信] 你好呀"


def test_a_building_of_several_storeys_is_not_single_storey():
    assert parsed("新房源 昆山 研发楼 5层 每层800平 共4000平")[1]["single_storey"] is False
    assert "single_storey" not in parsed("新房源 昆山 厂房 层高8米 4000平")[1]


def test_who_was_met_is_the_client():
    slots = parsed("记录一下 今天跟东升电子的李经理见面了 他们要扩产")[1]
    assert slots["client"] == "东升电子" and slots["contact_name"] == "李"
    assert parsed("跟进 和兴机械 明天再联系")[1]["client"] == "和兴机械"


def test_places_offered_as_alternatives_are_no_company():
    slots = parsed("新客户 嘉善或者平湖都行 要3000平厂房 姓李 13900001111")[1]
    assert "company" not in slots and slots["regions"] == ["嘉善", "平湖"] and slots["contact_name"] == "李"


def test_how_a_client_came_is_no_company():
    slots = parsed("新客户 抖音来的 王先生 18912345678 想租个两三千平的仓库")[1]
    assert "company" not in slots and slots["source"] == "douyin" and slots["contact_name"] == "王"
    slots = parsed("新客户 老客户介绍的 明辉食品 蔡总 要冷库")[1]
    assert slots["company"] == "明辉食品" and slots["source"] == "referral" and slots["contact_name"] == "蔡"


def test_a_visitor_asking_for_listings_leaves_contact_data_for_the_lead():
    intent, slots = parsed("你好，我想在昆山租个2000平左右的厂房，我姓赵，电话18662345678")
    assert intent == "search_listings"
    assert slots["contact_name"] == "赵" and slots["phone"] == "18662345678" and slots["region"] == "昆山"
    assert "contact_name" not in parsed("帮陈总找个厂房 3000平")[1]  # a client named, no contact data left


def test_conditions_without_a_property_word_are_a_search():
    intent, slots = parsed("昆山 单层 层高8米 2000平左右")
    assert intent == "search_listings" and slots["single_storey"] is True and slots["ceiling_height_min"] == 8.0


def test_land_priced_per_mu_is_a_price_per_m2():
    for text in ("新房源 海宁 工业用地 50亩 出售 单价80万一亩", "新房源 海宁 工业用地 50亩 出售 80万/亩"):
        assert parsed(text)[1]["sale_price"] == pytest.approx(1200.0, abs=0.01)  # 1 mu = 666.67 m²


def test_a_price_per_m2_without_a_period_is_a_monthly_rent():
    assert parsed("新客户 华阳五金 要一楼厂房 两千平左右 预算每平15块")[1]["rent_max"] == 15.0


def test_a_deposit_paid_wins_the_client_even_with_the_signing_ahead():
    assert parsed("回访 金源机械 已经交了定金 下周一签合同")[1]["stage"] == "won"


def test_spoken_day_words_and_fillers():
    assert parsed("明儿有啥事") == ("agenda", {"day": "2026-11-26"})
    slots = parsed("跟进顺发物流刘总嗯他说下礼拜三再过来看一下")[1]
    assert slots["client"] == "顺发物流" and slots["contact_name"] == "刘"


def test_a_client_coming_somewhere_to_see_has_not_viewed_yet():
    assert "stage" not in parsed("跟进 亿达电器 客户下个月10号来昆山看房")[1]
    assert parsed("跟进 亿达电器 今天带看了昆山的房")[1]["stage"] == "viewing"


def test_a_name_ends_before_a_verb_done():
    assert parsed("刚刚跟瑞祥物流通了电话 他们想下周二来看仓库")[1]["client"] == "瑞祥物流"


def test_more_ways_to_say_a_command():
    assert parsed("登记个房源 张家港 冷库 2500平 房东周女士 13812349999")[0] == "new_listing"
    assert parsed("查下这个号码 18761234567") == ("client_info", {"phone": "18761234567"})
    assert parsed("明天跟谁") == ("agenda", {"day": "2026-11-26"})
    assert parsed("有哪些功能")[0] == "help"


def test_a_trade_before_a_new_clients_name_is_its_industry():
    slots = parsed("新客户 做机加工的 永恒机械 毛总 要单层 1500平")[1]
    assert slots["company"] == "永恒机械" and slots["industry"] == "机加工" and slots["contact_name"] == "毛"


def test_a_surname_alone_beside_a_visitors_phone_is_the_contact():
    assert parsed("想在昆山找个5000平仓库 电话13588881234 刘")[1]["contact_name"] == "刘"


def test_renting_elsewhere_loses_the_client_and_a_condition_to_sign_is_negotiating():
    assert parsed("跟进 天一纺织 已经在别的园区租好了")[1]["stage"] == "lost"
    assert parsed("回访 君诚汽配 客户说价格再降两块就签")[1]["stage"] == "negotiating"


def test_a_days_business_is_the_agenda_but_a_greeting_is_not():
    assert parsed("明儿有啥事") == ("agenda", {"day": "2026-11-26"})
    assert parsed("你好 在吗 有什么事")[0] == "unknown"


def test_a_place_inside_a_company_name_is_part_of_the_name():
    assert parsed("查一下 嘉华新材") == ("client_info", {"client": "嘉华新材"})
    slots = parsed("新客户 转介绍的 嘉华新材 邵总 需要买地 30亩 海宁或者桐乡")[1]
    assert slots["company"] == "嘉华新材" and slots["regions"] == ["海宁", "桐乡"] and slots["source"] == "referral"


def test_signing_on_a_day_ahead_is_negotiating_and_viewing_done_beats_considering():
    assert parsed("跟进 天地物流 谈的差不多了 下周三签")[1]["stage"] == "negotiating"
    assert parsed("跟进 天地物流 合同已经签了")[1]["stage"] == "won"
    assert parsed("跟进 海鸿物流 看完了 客户在考虑")[1]["stage"] == "viewing"


def test_selling_is_a_sale():
    assert parsed("苏州有没有厂房卖 5000平左右")[1]["deal_type"] == "sale"


def test_a_title_without_a_surname_ends_a_company_name():
    assert parsed("今天中午跟天工机械老板吃了饭 聊了下需求")[1]["client"] == "天工机械"
    assert parsed("跟进 联想仓储 已经签完合同了")[1] == {
        "client": "联想仓储",
        "stage": "won",
        "content": "已经签完合同了",
    }


@pytest.mark.parametrize("text", ["华兴精密 租金谈到24", "华兴精密 价格降到23 还在考虑", "找仓库 不要厂房"])
def test_news_of_a_negotiation_or_a_search_is_no_requirement_change(text):
    assert parsed(text)[0] != "edit_client"


def test_a_budget_too_small_for_a_month_is_the_rent_per_m2():
    assert parsed("找仓库 预算30元")[1] == {"property_type": "warehouse", "rent_max": 30.0}
    assert parsed("新客户 鑫达模具 每月预算5万")[1]["budget_month_max"] == 50000.0


@pytest.mark.parametrize(
    "text, intent, slots",
    [
        ("帮我查下 13800002222", "client_info", {"phone": "13800002222"}),
        (
            "华兴精密 面积要改一下 改成3000平",
            "edit_client",
            {"client": "华兴精密", "area_min": 2700.0, "area_max": 3300.0},
        ),
        ("华兴精密 需求面积改成3000", "edit_client", {"client": "华兴精密", "area_min": 2700.0, "area_max": 3300.0}),
        (
            "把A61和A62都发给华兴精密",
            "send_listing",
            {"listing": "A61", "listings": ["A61", "A62"], "client": "华兴精密"},
        ),
        ("新锐医疗器械 什么需求", "client_info", {"client": "新锐医疗器械"}),
        ("新锐医疗器械的需求是什么", "client_info", {"client": "新锐医疗器械"}),
        ("华兴精密要多大的", "client_info", {"client": "华兴精密"}),
        ("康达物流 取消提醒", "cancel_followup", {"client": "康达物流"}),
        (
            "华兴精密的联系人换成孙总了 电话13912340000",
            "edit_client",
            {"client": "华兴精密", "contact_name": "孙", "phone": "13912340000"},
        ),
        ("大华机械。需求改成2500平", "edit_client", {"client": "大华机械", "area_min": 2250.0, "area_max": 2750.0}),
        ("张三这周的数据", "my_stats", {"staff": "张三", "period": "week"}),
        ("看看李四本月业绩", "my_stats", {"staff": "李四", "period": "month"}),
        ("团队今天的跟进", "team_stats", {"period": "today"}),
        ("本周新增了几个客户", "my_stats", {"period": "week"}),
        ("李四最近怎么样", "my_stats", {"staff": "李四"}),
        ("新锐医疗器械预算降到20", "edit_client", {"client": "新锐医疗器械", "rent_max": 20.0}),
        ("新锐医疗器械 要求层高改成10米", "edit_client", {"client": "新锐医疗器械", "ceiling_height_min": 10.0}),
        ("新锐医疗器械 不要太仓了 改成昆山", "edit_client", {"client": "新锐医疗器械", "region": "昆山"}),
        ("给华兴精密发一下A61", "send_listing", {"listing": "A61", "client": "华兴精密"}),
        ("新锐医疗器械 周总 微信 zhou_xr2024", "edit_client", {"client": "新锐医疗器械", "wechat_id": "zhou_xr2024"}),
        ("华兴精密 联系人 张总 手机换了 13800001112", "edit_client", {"client": "华兴精密", "phone": "13800001112"}),
        ("华兴精密，需求改成２５００平", "edit_client", {"client": "华兴精密", "area_min": 2250.0, "area_max": 2750.0}),
        (
            "永达仓储 区域改成 嘉善或者平湖",
            "edit_client",
            {"client": "永达仓储", "region": "嘉善", "regions": ["嘉善", "平湖"]},
        ),
    ],
)
def test_a_days_findings_in_everyday_words(text, intent, slots):
    assert parsed(text) == (intent, slots)


@pytest.mark.parametrize(
    "text",
    [
        "提醒我明天上午9点给华兴精密打电话",
        "明天上午9点提醒我给华兴精密打电话",
        "提醒我 明天9点给华兴精密回个电话",
        "明天9点提醒我 看一下华兴精密的合同",
    ],
)
def test_a_reminder_asked_for_is_a_followup_with_its_time_and_words(text):
    intent, slots = parsed(text)
    assert intent == "log_followup" and slots["client"] == "华兴精密"
    assert slots["next_at"] == "2026-11-26T09:00:00+08:00" and slots["content"] == text


def test_spoken_fillers_before_the_client_are_no_part_of_it():
    intent, slots = parsed("那个华兴精密啊 张总刚刚打电话来说 老板下周二下午想过来再看一下A61")
    assert (intent, slots["client"]) == ("log_followup", "华兴精密")
    assert slots["content"] == "张总刚刚打电话来说 老板下周二下午想过来再看一下A61"
    assert nlp.opens_with("嗯 康达物流那边 赵总说 合同还在看", "康达物流")
    assert parsed("跟进 嗯 康达物流那边 赵总说 合同还在看")[1]["client"] == "康达物流"


def test_a_client_coming_to_see_a_listing_has_not_viewed_it_yet():
    assert "stage" not in parsed("跟进 新锐医疗器械 周总说下周一上午十点过来看看A62")[1]


def test_a_client_taken_with_ba_is_the_client_and_not_in_the_note():
    slots = parsed("把华兴精密的下次跟进改到周五")[1]
    assert (slots["client"], slots["content"]) == ("华兴精密", "下次跟进改到周五")


def test_a_time_said_before_the_client_schedules_the_note_and_stays_in_it():
    intent, slots = parsed("跟进 后天上午十点 华兴精密 带看A61")
    assert (intent, slots["client"], slots["next_at"]) == ("log_followup", "华兴精密", "2026-11-27T10:00:00+08:00")
    assert slots["content"] == "后天上午十点 带看A61"
    assert nlp.opens_with("后天上午十点 华兴精密 带看A61", "华兴精密")


def test_a_time_said_before_the_follow_up_word_is_the_notes_like_one_after_the_client():
    before, after = parsed("下周三 跟进 华兴精密 签合同")[1], parsed("跟进 华兴精密 下周三签合同")[1]
    assert (before["client"], before["next_at"], before["stage"]) == ("华兴精密", after["next_at"], "negotiating")
    assert before["content"] == "下周三 签合同"


@pytest.mark.parametrize(
    "text, slots",
    [
        ("华兴精密 需求加一个 要行车", {"client": "华兴精密", "features": ["crane"], "features_change": "add"}),
        ("华兴精密 还要带办公的", {"client": "华兴精密", "features": ["office_included"], "features_change": "add"}),
        ("需求去掉行车", {"features": ["crane"], "features_change": "remove"}),
        ("华兴精密 需求加上 一楼", {"client": "华兴精密", "single_storey": True}),
    ],
)
def test_what_a_client_also_wants_or_no_longer_wants_changes_its_requirement(text, slots):
    assert parsed(text) == ("edit_client", slots)


def test_more_news_after_hai_yao_is_a_note_not_a_requirement():
    assert parsed("华兴精密 还要再考虑一下 预算200万")[0] == "log_followup"


@pytest.mark.parametrize(
    "text", ["华兴精密 加个联系人 孙总 13912345678", "给华兴精密添加联系人：孙总 电话139 1234 5678"]
)
def test_another_contact_of_a_client_is_added_not_put_in_place_of_the_first(text):
    assert parsed(text) == ("add_contact", {"client": "华兴精密", "contact_name": "孙", "phone": "13912345678"})
