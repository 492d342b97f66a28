"""A third working day of the team in chat (issue 13, second pass): 张三, 李四 and 王五 and their manager, in their
own words (colloquial, typos, stray spaces, full-width digits, the client before or after what happened), through
the signed endpoint, on the day-one data of the second day's scenario.

Every message is answered, never with 没太明白 or an error; the replies that matter say what was done; at the end
what they told the chat is all there (notes with their words, clients with their source, stages, deals, a deal
cancelled, listings let, sent and reviewed) and nothing was changed that nobody asked for.
"""

from __future__ import annotations

import re

from models import Client, Deal, FollowUp, Listing, ListingSent
from models.enums import DealStatus, ListingStatus, ReviewStatus, Source, Stage
from tests.bot.flows.conftest import WANG
from tests.factories import MANAGER, OTHER, SALES

NOT_UNDERSTOOD = "没太明白"
BROKEN = ("出错", "系统繁忙", "Traceback", "error")

# (who, message as typed, words the reply must contain)
MORNING = [
    (SALES, "早", ()),
    (SALES, "帮我看看今天要干嘛", ()),
    (SALES, "昨天跟了几个客户", ("昨天",)),
    (
        SALES,
        "新客户 鑫达模具 孙总 １３９１２３４５６７８ 太仓 要个３０００平左右的厂房 单层 要行车",
        ("已录入客户：鑫达模具", "13912345678", "行车"),
    ),
    (SALES, "跟近 鑫达模具 加了微信 发了几套资料过去 客户说周四过来看看", ("已记录跟进：鑫达模具", "(周四)")),
    (SALES, "给鑫达模具匹配一下", ("鑫达模具",)),
    (SALES, "把A61发给鑫达模具孙总", ("A61", "孙总", "/h5/listings/A61")),
    (SALES, "鑫达模具下周一上午10点带看A61", ("已记录跟进：鑫达模具", "(周一) 10:00")),
    (SALES, "华兴精密那边怎么样了", ("华兴精密（张）",)),
    (SALES, "张总说下周三下午3点过来看A61", ("已记录跟进：华兴精密", "(周三) 15:00")),
    (SALES, "华兴精密 报价24块一平 对方还在考虑", ("已记录跟进：华兴精密",)),
    (SALES, "新锐医疗器械 周总今天没接电话 明天再打", ("已记录跟进：新锐医疗器械",)),
    (SALES, "麻烦帮我查一下新锐医疗器械", ("新锐医疗器械（周）", "负责人：张三")),
    (SALES, "新锐医疗器械的电话", ("13800002222",)),
    (SALES, "A61 还有吗", ("A61",)),
    (SALES, "A61数据", ("A61",)),
    (SALES, "A61 朋友圈文案", ("复制下面这段", "A61")),
    (SALES, "生成海报A61 大图", ("大图样式",)),
    (SALES, "花桥有没有2000平左右的单层厂房", ("A61",)),
    (SALES, "找个 昆山 的 仓库 ５０００平", ("A62",)),
    (SALES, "太仓有厂房吗", ("太仓",)),
    (SALES, "修改 鑫达模具 电话 13912345670", ("13912345670",)),
    (SALES, "撤销", ("撤销",)),
    (SALES, "我这周的数据", ("本周",)),
    (SALES, "嗯 好", ()),
    (OTHER, "早上好", ()),
    (OTHER, "今天有什么安排", ()),
    (OTHER, "康达物流 今天下午两点半去现场 带看A62", ("已记录跟进：康达物流", "14:30")),
    (OTHER, "回访 利华电子 老板回来了 想重新谈谈", ("已记录跟进：利华电子",)),
    (OTHER, "利华电子改为谈判中", ("谈判中",)),
    (OTHER, "新客户：永盛冷链 冯经理 电话 137 1111 2222 要冷库 嘉兴 3000平", ("已录入客户：永盛冷链", "13711112222")),
    (OTHER, "永盛冷链明天上午９点电话沟通", ("已记录跟进：永盛冷链", "09:00")),
    (OTHER, "永盛冷链 抖音来的", ("来源", "抖音")),
    (OTHER, "我的客户", ("李四的客户", "永盛冷链")),
    (OTHER, "取消提醒 利华电子", ()),
    (OTHER, "利华电子 下周再联系", ("已记录跟进：利华电子",)),
    (OTHER, "余额", ("可提现",)),
    (WANG, "在吗", ()),
    (WANG, "今天跟进谁", ()),
    (WANG, "宏达物流 孙总说下周二来看A67", ("已记录跟进：宏达物流", "(周二)")),
    (WANG, "新房源 嘉善 单层厂房 3000平 层高8米 租金22 房东姓吴 13500001111", ("已录入房源", "吴 13500001111")),
    (
        WANG,
        "录个房源：平湖 标准厂房一楼 1500平 层高6米 租金20 房东钱总 13600002222",
        ("已录入房源", "多层厂房", "钱 13600002222"),
    ),
    (WANG, "我的推广码", ("推广码",)),
    (WANG, "宏达物流什么情况", ("宏达物流（孙）",)),
    (WANG, "钱包", ("可提现",)),
    (MANAGER, "早", ()),
    (MANAGER, "本周团队业绩", ("张三", "李四", "王五")),
    (MANAGER, "张三今天跟进了哪些", ("鑫达模具", "华兴精密")),
    (MANAGER, "李四的客户", ("永盛冷链",)),
    (MANAGER, "王五这周跟进了多少", ("宏达物流",)),
    (MANAGER, "提现审核", ()),
    (MANAGER, "通过 A69", ("A69已通过审核",)),
    (MANAGER, "这周谁跟进最多", ("本周团队业绩",)),
]

MIDDAY = [
    (SALES, "中午了 华兴精密张总刚打电话 说租金能不能降到23", ("已记录跟进：华兴精密",)),
    (SALES, "华兴精密想要23一平 我跟房东谈谈", ("已记录跟进：华兴精密",)),
    (SALES, "跟进 华兴精密 房东同意24 张总说明天上午给答复", ("已记录跟进：华兴精密", "09:00")),
    (SALES, "根进 新锐医疗器械 周总说下个月再看", ("已记录跟进：新锐医疗器械",)),
    (SALES, "新锐医疗器械 下个月5号来看房 提前一天提醒我", ("已记录跟进：新锐医疗器械", "提前提醒")),
    (SALES, "A61房东能接受23吗 问下", ("A61", "没有改动", "租金改成")),
    (SALES, "A61 租金改成24", ("24元",)),
    (SALES, "今天还有谁没跟", ()),
    (SALES, "明天跟进谁", ("华兴精密",)),
    (SALES, "周四有啥事", ()),
    (SALES, "这周要跟进的", ("本周",)),
    (SALES, "鑫达模具适合哪些房子", ("鑫达模具",)),
    (SALES, "有没有适合鑫达模具的", ("鑫达模具",)),
    (SALES, "太仓 3000平 单层 有行车的厂房 有吗", ("太仓",)),
    (SALES, "找仓库 嘉兴 3000平左右 冷库", ("嘉兴",)),
    (SALES, "A61 的海报", ("海报",)),
    (SALES, "给我生成个A61的海报", ("海报",)),
    (SALES, "A62 几楼", ("A62",)),
    (SALES, "查客户 13800001111", ("华兴精密",)),
    (SALES, "孙总电话多少", ("鑫达模具", "13912345678")),
    (SALES, "鑫达模具 什么情况", ("鑫达模具（孙）",)),
    (SALES, "华兴精密 的跟进记录", ("华兴精密（张）", "房东同意24")),
    (SALES, "我的客户", ("张三的客户", "鑫达模具")),
    (SALES, "我有几个客户", ("张三的客户",)),
    (SALES, "把鑫达模具删了", ("已删除客户鑫达模具",)),
    (SALES, "撤销", ("已恢复",)),
    (SALES, "鑫达模具 孙总 说厂房太小了 要4000平的", ("已记录跟进：鑫达模具",)),
    (SALES, "今天跟了几个客户", ("今天",)),
    (SALES, "收到 谢谢", ()),
    (OTHER, "下午好", ()),
    (OTHER, "跟进 康达物流 重新谈了 老板说还是要A62 价格再让一点", ("已记录跟进：康达物流",)),
    (OTHER, "A62 谈判中 康达物流", ("A62：谈判中（康达物流）",)),
    (OTHER, "康达物流签了 年租金８０万 租期3年 免租2个月", ("康达物流 成交", "免租2个月", "确认")),
    (OTHER, "确认", ("已记录成交：康达物流",)),
    (OTHER, "我这个月成交了几个", ("本月", "成交1单")),
    (OTHER, "我的佣金", ("推荐佣金",)),
    (OTHER, "康达物流 取消成交 老板不同意了", ("已取消成交", "老板不同意了", "谈判中")),
    (OTHER, "康达物流什么情况", ("谈判中",)),
    (OTHER, "跟进 康达物流 老板又同意了 今天下午签合同", ("已记录跟进：康达物流",)),
    (OTHER, "A62已租 年租金75万 租3年", ("康达物流 成交", "确认后A62标为已成交")),
    (OTHER, "1", ("已记录成交：康达物流", "A62已标为已成交")),
    (OTHER, "康达物流 什么情况", ("已成交",)),
    (OTHER, "利华电子 明天下午３点 带看A61", ("已记录跟进：利华电子", "15:00")),
    (
        OTHER,
        "新客户 华瑞包装 黄总 电话13566667777 要2000平 平湖或者嘉善 都可以 层高8米",
        ("已录入客户：华瑞包装", "平湖或嘉善"),
    ),
    (OTHER, "华瑞包装 朋友介绍的", ("来源", "转介绍")),
    (OTHER, "给华瑞包装匹配", ("华瑞包装",)),
    (OTHER, "把A67发给华瑞包装黄总", ("A67", "黄总")),
    (OTHER, "A67再发给华瑞包装", ("已再次发送",)),
    (OTHER, "华瑞包装 周五下午看A67", ("已记录跟进：华瑞包装", "(周五) 14:00")),
    (OTHER, "今天跟进了几个", ("今天",)),
    (OTHER, "本月我的业绩", ("本月",)),
    (OTHER, "A62 数据怎么样", ("A62",)),
    (OTHER, "提现 100", ("余额不足",)),
    (OTHER, "好的 辛苦", ()),
    (WANG, "下午好", ()),
    (WANG, "跟进 宏达物流 孙总刚来电话 说A67可以 想约老板下周一见面", ("已记录跟进：宏达物流", "(周一)")),
    (WANG, "宏达物流 进入谈判", ("谈判中",)),
    (WANG, "宏达物流 租金谈到24 年租金86万", ("已记录跟进：宏达物流",)),
    (WANG, "宏达物流 合同下周签", ("已记录跟进：宏达物流",)),
    (WANG, "{A} 重新提交", ("{A}",)),
    (WANG, "{B} 什么情况", ("{B}", "待审核")),
    (WANG, "新客户 汇丰纸业 钱总 13677778888 嘉善 3000平仓库 要高台库", ("已录入客户：汇丰纸业", "卸货平台")),
    (WANG, "汇丰纸业 明天上午十点 电话", ("已记录跟进：汇丰纸业", "10:00")),
    (WANG, "给汇丰纸业找找房子", ("汇丰纸业",)),
    (WANG, "我的数据", ("王五",)),
    (WANG, "今天跟了几个客户", ("今天",)),
    (WANG, "好嘞", ()),
    (MANAGER, "下午好", ()),
    (MANAGER, "通过 {A}", ("{A}已通过审核",)),
    (MANAGER, "驳回 {B} 照片不清楚 补几张", ("{B}已驳回",)),
    (MANAGER, "{B}", ("照片不清楚",)),
    (MANAGER, "王五的客户", ("汇丰纸业", "宏达物流")),
    (MANAGER, "张三的客户", ("鑫达模具", "华兴精密")),
    (MANAGER, "李四今天跟进了哪些", ("康达物流",)),
    (MANAGER, "王五今天跟了哪些", ("宏达物流",)),
    (MANAGER, "本月团队业绩", ("本月",)),
    (MANAGER, "今天谁成交了", ("李四",)),
    (MANAGER, "把新锐医疗器械转给王五", ("转给王五",)),
]

AFTERNOON = [
    (SALES, "新锐医疗器械什么情况", ("王五",)),  # reassigned: no longer his
    (SALES, "鑫达模具 需要环评 孙总说他们做模具要喷漆", ("已记录跟进：鑫达模具",)),
    (SALES, "华兴精密 明天上午十点 签合同", ("已记录跟进：华兴精密", "10:00")),
    (SALES, "A61 谈判中 华兴精密", ("A61：谈判中（华兴精密）",)),
    (SALES, "华兴精密成交 年租金５７万６ 免租1个月 租期3年", ("华兴精密 成交", "免租1个月")),
    (SALES, "确认", ("已记录成交：华兴精密",)),
    (SALES, "A61租给华兴精密了", ("A61", "华兴精密")),
    (SALES, "我今天成交了几单", ("成交1单",)),
    (SALES, "谢谢", ()),
    (OTHER, "永盛冷链 冯经理说下周再看看 预算有限", ("已记录跟进：永盛冷链",)),
    (OTHER, "永盛冷链电话多少", ("13711112222",)),
    (OTHER, "宏达物流什么情况", ("王五",)),  # someone else's client: masked, with its owner
    (OTHER, "明天待办", ()),
    (OTHER, "这周有哪些要跟进的", ("本周",)),
    (WANG, "新锐医疗器械什么情况", ("新锐医疗器械（周）",)),
    (WANG, "跟进 新锐医疗器械 接手了 给周总打了电话 自我介绍 周五再联系", ("已记录跟进：新锐医疗器械", "(周五)")),
    (WANG, "把{A}发给汇丰纸业钱总", ("{A}", "钱总")),
    (WANG, "汇丰纸业 钱总说{A}还行 后天带老板过来看", ("已记录跟进：汇丰纸业",)),
    (WANG, "明天跟进谁", ()),
    (MANAGER, "张三今天跟进了哪些", ("华兴精密",)),
    (MANAGER, "本周团队业绩", ("成交",)),
    (MANAGER, "王五的客户", ("新锐医疗器械",)),
    (MANAGER, "华兴精密电话多少", ("13800001111",)),
    (MANAGER, "谢谢大家", ()),
]

EVENING = [
    (SALES, "今天跟进了哪些", ()),
    (SALES, "明天要干嘛", ()),
    (SALES, "鑫达模具 晚上孙总微信说 周一可能来不了 改周二", ("已记录跟进：鑫达模具", "(周二)")),
    (SALES, "我的数据", ("张三",)),
    (OTHER, "跟进 华瑞包装 黄总问A67能不能分租 要问房东", ("已记录跟进：华瑞包装",)),
    (OTHER, "我的数据", ("李四",)),
    (OTHER, "晚安", ()),
    (WANG, "{B} 相册", ("{B}",)),
    (WANG, "我的数据", ("王五",)),
    (MANAGER, "今天团队的数据", ("今天",)),
    (MANAGER, "下周跟进谁", ()),
]

DAY = MORNING + MIDDAY + AFTERNOON + EVENING


def test_the_day_is_long_enough():
    assert len(DAY) >= 150


NEW_LISTING = re.compile(r"已录入房源：([A-Z]+\d+)")


async def test_a_third_day_of_chat_loses_nothing_and_understands_what_salespeople_say(day_one, say):
    problems = []
    codes: dict[str, str] = {}  # {A} and {B}: the codes the two listings 王五 enters get
    for who, said, wanted in DAY:
        text, expected = said.format(**codes), [word.format(**codes) for word in wanted]
        reply = await say(who, text)
        if new := NEW_LISTING.search(reply):
            codes["AB"[len(codes)]] = new.group(1)
        if not reply.strip():
            problems.append(f"{who} {text!r}: no reply")
        elif NOT_UNDERSTOOD in reply or any(word in reply for word in BROKEN):
            problems.append(f"{who} {text!r}: {reply[:80]!r}")
        elif missing := [word for word in expected if word not in reply]:
            problems.append(f"{who} {text!r}: no {missing} in {reply[:160]!r}")
    assert not problems, "\n".join(problems)

    notes = {c.company: [n.content for n in await FollowUp.filter(client=c).order_by("id")] for c in await Client.all()}
    assert any("报价24块一平 对方还在考虑" in n for n in notes["华兴精密"])
    assert any("想要23一平 我跟房东谈谈" in n for n in notes["华兴精密"])
    assert any("说租金能不能降到23" in n for n in notes["华兴精密"])
    assert not any(n.startswith("了") for n in notes["华兴精密"])
    assert any(n.startswith("张总说") for n in notes["华兴精密"])
    assert any("租金谈到24 年租金86万" in n for n in notes["宏达物流"])
    assert any("孙总说下周二来看A67" in n for n in notes["宏达物流"])
    assert "合同下周签" in notes["宏达物流"]
    assert any("说厂房太小了 要4000平的" in n for n in notes["鑫达模具"])
    assert not any("跟进记录" in n for n in notes["华兴精密"])  # a look-up, not a note

    clients = {c.company: c for c in await Client.all()}
    assert clients["鑫达模具"].phone == "13912345678" and clients["鑫达模具"].deleted_at is None  # both undone
    assert clients["永盛冷链"].source == Source.DOUYIN and clients["华瑞包装"].source == Source.REFERRAL
    assert clients["华兴精密"].stage == Stage.WON and clients["康达物流"].stage == Stage.WON
    assert clients["利华电子"].stage == Stage.NEGOTIATING and clients["宏达物流"].stage == Stage.NEGOTIATING
    assert clients["新锐医疗器械"].owner_id == (await Client.get(company="宏达物流")).owner_id  # now 王五's

    kangda = await Deal.filter(client__company="康达物流").order_by("id")
    assert [d.status for d in kangda] == [DealStatus.CANCELLED, DealStatus.ACTIVE]
    assert kangda[0].end_reason == "老板不同意了" and kangda[1].monthly_rent_fen == 6_250_000
    assert await Deal.filter(client__company="华兴精密", status=DealStatus.ACTIVE).count() == 1
    listings = {listing.code: listing for listing in await Listing.all()}
    assert listings["A61"].status == ListingStatus.CLOSED and listings["A62"].status == ListingStatus.CLOSED
    assert listings["A61"].rent == 24 and listings["A67"].status == ListingStatus.VACANT
    assert listings[codes["A"]].review_status == ReviewStatus.APPROVED
    assert listings[codes["B"]].review_status == ReviewStatus.REJECTED and listings[codes["B"]].single_storey is False
    assert await ListingSent.filter(client__company="华瑞包装").count() == 2
