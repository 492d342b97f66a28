"""A fourth working day of the team in chat (issue 13, last pass): 张三, 李四 and 王五 and their manager correct what
they recorded (a client's requirement, a phone, a WeChat id that is the phone), let and sell listings in one
message, ask for reminders and look clients up in their own words: spoken run-on sentences with fillers (`嗯`,
`那个…啊`), typos, full-width digits and commas, through the signed endpoint, on the day-one data of the second
day's scenario.

Every message is answered, never with 没太明白 or an error; the replies that matter say what was done; at the end
what they told the chat is all there (notes with the times they said, requirements as last changed, the deals
and the listings they let) and nothing was changed that nobody asked for.
"""

from __future__ import annotations

from decimal import Decimal

from models import Client, Deal, FollowUp, Listing, ListingSent, Requirement
from models.enums import DealType, ListingStatus, PropertyType, Stage
from tests.bot.flows.conftest import WANG
from tests.factories import MANAGER, OTHER, SALES

NOT_UNDERSTOOD = "没太明白"
BROKEN = ("出错", "系统繁忙", "Traceback", "error")

# (who, message as typed, words the reply must contain)
MORNING = [
    (SALES, "早上好 今天啥安排", ()),
    (SALES, "华兴精密 需求改成2500平左右 单层", ("需求：昆山 1800-2200㎡ → 昆山 单层厂房/仓库 2250-2750㎡", "撤销")),
    (SALES, "华兴精密 预算改成25块", ("租金≤25元/㎡·月",)),
    (SALES, "华兴精密 孙总 微信同号", ("没有孙的手机号", "微信没有改")),
    (SALES, "华兴精密 微信同号", ("微信：未填 → 13800001111",)),
    (SALES, "新锐医疗器械 要仓库不要厂房", ("需求：未填 → 仓库", "A62")),
    (SALES, "新锐医疗器械 区域改成太仓", ("区域：未填 → 太仓", "暂无匹配房源")),
    (SALES, "新锐医疗器械，周总说下周一上午十点过来看看A62", ("已记录跟进：新锐医疗器械", "(周一) 10:00")),
    (SALES, "新锐医疗器械 什么需求", ("需求：太仓 仓库",)),
    (SALES, "帮我查下 13800002222", ("新锐医疗器械（周）",)),
    (SALES, "周总电话多少", ("13800002222",)),
    (SALES, "新锐医疗器械 周总 微信 zhou_xr2024", ("微信：未填 → zhou_xr2024",)),
    (SALES, "跟进 华兴精密 张总说A61价格还是高了 下周三之前给答复", ("已记录跟进：华兴精密", "(周三)")),
    (SALES, "华兴精密 明天下午3点 再去一趟现场。", ("已记录跟进：华兴精密", "15:00")),
    (SALES, "新客户 恒通电子 吴经理 13955556666 花桥 1000平左右 厂房 要带办公", ("已录入客户：恒通电子",)),
    (SALES, "恒通电子 微信就是手机号", ("微信：未填 → 13955556666",)),
    (SALES, "恒通电子 面积改成1200到1500平", ("900-1100㎡ 带办公 → 花桥 厂房 1200-1500㎡",)),
    (SALES, "撤销", ("已撤销对恒通电子的修改（需求）",)),
    (SALES, "恒通电子 跟进了 吴经理说月底前定", ("已记录跟进：恒通电子", "12月31日")),
    (SALES, "把A61和A62都发给恒通电子吴经理", ("/h5/listings/A61", "/h5/listings/A62", "吴总")),
    (SALES, "提醒我明天上午9点给华兴精密打电话", ("已记录跟进：华兴精密", "09:00")),
    (SALES, "我今天跟进了几个", ("今天",)),
    (SALES, "A61 租金改成26", ("25元/㎡·月 → 26元/㎡·月",)),
    (
        SALES,
        "那个华兴精密啊 张总刚刚打电话来说 他们老板下周二下午想过来再看一下A61 然后顺便谈一下价格",
        ("已记录跟进：华兴精密", "(周二) 14:00"),
    ),
    (SALES, "华兴精密，需求改成２５００平", ("本来就是这样",)),
    (SALES, "根进 新锐医疗器械 周总说再等等", ("已记录跟进：新锐医疗器械",)),
    (SALES, "华兴精密 联系人 张总 手机换了 13800001112", ("电话：13800001111 → 13800001112",)),
    (SALES, "撤销", ("已撤销对华兴精密的修改（电话）",)),
    (OTHER, "早", ()),
    (OTHER, "康达物流 合同下周签", ("已记录跟进：康达物流", "(周一)")),
    (OTHER, "利华电子 需求改成买厂房 总价1000万以内", ("需求：未填 → 买 厂房 总价≤1000万元",)),
    (OTHER, "利华电子 钱总刚回电话 说厂房买不起了 还是租吧", ("已记录跟进：利华电子",)),
    (OTHER, "利华电子 需求改成租 厂房 2000平 预算每月5万", ("→ 租 厂房 1800-2200㎡ 月预算≤5万元",)),
    (OTHER, "利华电子 今天没联系上 明天再打", ("已记录跟进：利华电子",)),
    (OTHER, "康达物流的跟进记录", ("合同下周签",)),
    (OTHER, "利华电子 区域改成昆山", ("区域：未填 → 昆山",)),
    (OTHER, "给利华电子找找房子", ("利华电子",)),
    (OTHER, "康达物流电话", ("13588886666",)),
    (OTHER, "查客户 利华", ("利华电子（钱）",)),
    (OTHER, "嗯 康达物流那边 赵总说 合同他们法务还在看 估计下周能签", ("已记录跟进：康达物流",)),
    (OTHER, "康达物流 赵总微信 zhao_kd88", ("微信：未填 → zhao_kd88",)),
    (OTHER, "A62 数据", ("A62",)),
    (WANG, "宏达物流 孙总 微信同号", ("微信：未填 → 13800004444",)),
    (WANG, "宏达物流 需求改成3000平 嘉善", ("区域：未填 → 嘉善", "需求：未填 → 嘉善 2700-3300㎡", "A67")),
    (WANG, "宏达物流 预算改成每月6万", ("月预算≤6万元",)),
    (WANG, "宏达物流孙总说 仓库要有卸货平台 面积3000平左右就行", ("已记录跟进：宏达物流",)),
    (WANG, "新客户 永达仓储 郑总 13611112222 嘉兴 仓库 5000平 要高台库", ("已录入客户：永达仓储",)),
    (WANG, "永达仓储 微信同号", ("微信：未填 → 13611112222",)),
    (WANG, "永达仓储 区域改成 嘉善或者平湖", ("区域：嘉兴 → 嘉善", "嘉善或平湖")),
    (WANG, "永达仓储 预算改成20元", ("租金≤20元/㎡·月",)),
    (WANG, "把A67发给永达仓储郑总", ("/h5/listings/A67", "郑总")),
    (WANG, "永达仓储 说A67是厂房不行 要仓库", ("已记录跟进：永达仓储",)),
    (MANAGER, "早", ()),
    (MANAGER, "张三今天跟进了哪些", ("华兴精密", "恒通电子")),
    (MANAGER, "李四的客户", ("利华电子", "康达物流")),
    (MANAGER, "永达仓储什么情况", ("嘉善或平湖",)),
]

AFTERNOON = [
    (SALES, "新锐医疗器械 周五下午两点半 带看A62！！", ("已记录跟进：新锐医疗器械", "(周五) 14:30")),
    (SALES, "新锐医疗器械 周总：A62太远了，还是想在太仓找", ("已记录跟进：新锐医疗器械",)),
    (SALES, "A61租给华兴精密了 年租金60万", ("华兴精密 成交", "确认后A61标为已成交")),
    (SALES, "确认", ("已记录成交：华兴精密", "A61已标为已成交")),
    (SALES, "华兴精密 什么情况", ("已成交",)),
    (SALES, "我手上有几个客户", ("张三的客户", "恒通电子")),
    (SALES, "下周跟进谁", ("下周",)),
    (SALES, "我这个月的数据", ("成交1单",)),
    (OTHER, "A62已租 康达物流 年租金80万", ("康达物流 成交", "确认后A62标为已成交")),
    (OTHER, "确认", ("已记录成交：康达物流", "A62已标为已成交")),
    (OTHER, "康达物流 取消提醒", ("康达物流",)),
    (OTHER, "这周还有哪些没跟进的", ("本周",)),
    (OTHER, "宏达物流什么情况", ("王五",)),  # someone else's client
    (OTHER, "我这周的数据", ("成交1单",)),
    (WANG, "A67卖给宏达物流了 总价800万", ("宏达物流 成交", "确认后A67标为已成交")),
    (WANG, "确认", ("已记录成交：宏达物流", "A67已标为已成交")),
    (WANG, "新房源 嘉兴 仓库 4000平 高台库 租金20 房东王总 13700009999", ("已录入房源", "王 13700009999")),
    (WANG, "明天上午十点提醒我联系永达仓储", ("已记录跟进：永达仓储", "10:00")),
    (WANG, "今天跟了几个", ("今天",)),
    (MANAGER, "本周团队业绩", ("张三", "李四", "王五")),
    (MANAGER, "今天团队跟进情况", ("今天",)),
    (MANAGER, "王五今天跟进了哪些", ("永达仓储", "宏达物流")),
    (MANAGER, "华兴精密电话多少", ("13800001111",)),
    (MANAGER, "今天谁成交了", ("张三", "李四", "王五")),
    (MANAGER, "把利华电子转给王五", ("转给王五",)),
    (WANG, "我的客户", ("利华电子", "永达仓储")),
]

EVENING = [
    (SALES, "新锐医疗器械 需求面积改成3000", ("太仓 仓库 2700-3300㎡",)),
    (SALES, "新锐医疗器械 面积要改一下 改成4000平", ("3600-4400㎡",)),
    (SALES, "新锐医疗器械 需求改成层高8米以上", ("层高≥8m",)),
    (SALES, "新锐医疗器械 要求层高改成10米", ("层高≥8m", "层高≥10m")),
    (SALES, "新锐医疗器械预算降到20", ("租金≤20元/㎡·月",)),
    (SALES, "新锐医疗器械 不要太仓了 改成昆山", ("区域：太仓 → 昆山",)),
    (SALES, "给恒通电子发一下A67", ("A67现在不能发给客户",)),  # let to 宏达物流 this afternoon
    (MANAGER, "李四最近怎么样", ("李四的数据",)),
    (SALES, "后天上午十点 恒通电子 吴经理过来看厂房", ("已记录跟进：恒通电子", "10:00")),
    (SALES, "明天9点提醒我 看一下恒通电子的合同", ("已记录跟进：恒通电子", "09:00")),
    (SALES, "查一下华兴", ("华兴精密（张）",)),
    (SALES, "13800001111 是谁", ("华兴精密",)),
    (SALES, "今天 有啥 要跟的", ()),
    (SALES, "这周我带看了几次", ("本周",)),
    (MANAGER, "这周谁成交最多", ("本周团队业绩",)),
    (MANAGER, "李四这周跟进了多少", ("康达物流",)),
    (MANAGER, "张三这周的数据", ("张三的数据", "本周", "成交1单")),
    (MANAGER, "团队今天的跟进", ("今天团队业绩",)),
    (OTHER, "张三这周的数据", ("只有经理",)),
    (SALES, "华兴精密的联系人换成孙总了 电话13912340000", ("联系人：张 → 孙", "电话：13800001111 → 13912340000")),
    (SALES, "撤销", ("已撤销对华兴精密的修改",)),
    (
        SALES,
        "新客户：大华机械，联系人陈总，电话13712345678，需求：昆山，厂房，3000平，单层，层高8米。",
        ("已录入客户：大华机械",),
    ),
    (SALES, "大华机械。需求改成2500平", ("2700-3300㎡ 层高≥8m → 昆山 单层厂房 2250-2750㎡",)),
    (SALES, "华兴精密张总刚才来电话了说他们下个礼拜三过来签合同让我提前准备一下", ("已记录跟进：华兴精密",)),
    (SALES, "大华机械 明天上午带看A61。", ("已记录跟进：大华机械",)),
    (SALES, "把大华机械的下次跟进改到周五", ("已记录跟进：大华机械", "(周五)")),
    (SALES, "本周新增了几个客户", ("本周", "新客户4个")),
    (SALES, "删除客户 大华机械", ("已删除客户大华机械",)),
    (SALES, "撤销", ("客户大华机械已恢复",)),
]

DAY = MORNING + AFTERNOON + EVENING


def test_the_day_is_long_enough():
    assert len(DAY) >= 60


async def test_a_fourth_day_of_chat_keeps_every_correction_deal_and_reminder(day_one, say):
    problems = []
    for who, said, wanted in DAY:
        reply = await say(who, said)
        if not reply.strip():
            problems.append(f"{who} {said!r}: no reply")
        elif NOT_UNDERSTOOD in reply or any(word in reply for word in BROKEN):
            problems.append(f"{who} {said!r}: {reply[:80]!r}")
        elif missing := [word for word in wanted if word not in reply]:
            problems.append(f"{who} {said!r}: no {missing} in {reply[:200]!r}")
    assert not problems, "\n".join(problems)

    notes = {c.company: [n.content for n in await FollowUp.filter(client=c).order_by("id")] for c in await Client.all()}
    assert "合同下周签" in notes["康达物流"] and "下周三之前给答复" in notes["华兴精密"][0]
    assert any(n.startswith("张总刚刚打电话来说 他们老板下周二下午") for n in notes["华兴精密"])
    assert any(n.startswith("那边 赵总说 合同他们法务还在看") for n in notes["康达物流"])
    assert "提醒我明天上午9点给华兴精密打电话" in notes["华兴精密"]
    assert "后天上午十点 吴经理过来看厂房" in notes["恒通电子"]  # the time said before the client is kept
    assert not any("什么需求" in n or "微信" in n for n in notes["新锐医疗器械"])  # look-ups and edits, not notes

    clients = {c.company: c for c in await Client.all()}
    assert clients["华兴精密"].phone == "13800001111" and clients["华兴精密"].wechat_id == "13800001111"
    assert clients["新锐医疗器械"].wechat_id == "zhou_xr2024" and clients["康达物流"].wechat_id == "zhao_kd88"
    assert clients["恒通电子"].wechat_id == "13955556666" and clients["宏达物流"].wechat_id == "13800004444"
    assert clients["华兴精密"].stage == Stage.WON and clients["新锐医疗器械"].stage == Stage.VIEWING
    assert clients["利华电子"].owner_id == clients["宏达物流"].owner_id  # now 王五's

    needs = {r.client.company: r for r in await Requirement.all().select_related("client")}
    assert (needs["华兴精密"].area_min, needs["华兴精密"].rent_max) == (Decimal(2250), Decimal(25))
    assert needs["华兴精密"].single_storey is True
    assert needs["新锐医疗器械"].property_type == PropertyType.WAREHOUSE
    assert (needs["新锐医疗器械"].area_min, needs["新锐医疗器械"].ceiling_height_min) == (Decimal(3600), Decimal(10))
    assert (needs["新锐医疗器械"].rent_max, needs["新锐医疗器械"].region) == (Decimal(20), "昆山")
    assert (needs["恒通电子"].area_min, needs["恒通电子"].area_max) == (Decimal(900), Decimal(1100))  # undone
    assert needs["利华电子"].deal_type.value == "rent" and needs["利华电子"].sale_total_max is None
    assert (needs["利华电子"].budget_month_max, needs["利华电子"].region) == (Decimal(50000), "昆山")
    assert needs["永达仓储"].regions == ["嘉善", "平湖"] and needs["永达仓储"].rent_max == Decimal(20)
    assert needs["永达仓储"].several_places is True and needs["宏达物流"].several_places is False
    assert needs["宏达物流"].budget_month_max == Decimal(60000) and needs["宏达物流"].area_min == Decimal(2700)

    deals = {d.client.company: d for d in await Deal.all().select_related("client")}
    assert set(deals) == {"华兴精密", "康达物流", "宏达物流"}
    assert deals["宏达物流"].deal_type == DealType.SALE and deals["华兴精密"].deal_type == DealType.RENT
    listings = {listing.code: listing for listing in await Listing.all()}
    assert {code for code, listing in listings.items() if listing.status == ListingStatus.CLOSED} == {
        "A61",
        "A62",
        "A67",
    }
    assert listings["A61"].rent == 26
    assert await ListingSent.filter(client__company="恒通电子").count() == 2
