"""A second working day of a team in chat (issue 13's "done when"): three salespeople and their manager, in
their own words, through the signed endpoint.

Every message gets an answer that is not 没太明白 and not an error; the replies that matter say what was done;
at the end what they told the chat is all there (follow-ups with their words, clients, stages, plans, deals,
listings sent) and nothing else changed.
"""

from __future__ import annotations

from decimal import Decimal

from models import Client, Deal, FollowUp, Listing, ListingSent
from models.enums import ListingStatus, Stage
from tests.bot.flows.conftest import WANG
from tests.factories import MANAGER, OTHER, SALES

NOT_UNDERSTOOD = "没太明白"
BROKEN = ("出错", "系统繁忙", "Traceback", "error")


# (who, message as typed, words the reply must contain)
MORNING = [
    (SALES, "早上好", ()),
    (SALES, "今天跟进谁", ()),
    (SALES, "这周有哪些要跟进的", ("本周",)),
    (SALES, "新客户 恒丰五金 刘总 13912345678 昆山 要1500平左右单层厂房 层高7米以上", ("恒丰五金",)),
    (SALES, "跟进 恒丰五金 刚打完电话 刘总说下周二过来看看 提前一天提醒我", ("已记录跟进：恒丰五金",)),
    (SALES, "给恒丰五金匹配", ("恒丰五金",)),
    (SALES, "把A61发给恒丰五金刘总", ("A61", "刘总", "/h5/listings/A61")),
    (SALES, "恒丰五金适合哪些房子", ("恒丰五金",)),
    (SALES, "跟进 华兴精密 昨天下午带看A61 张总挺满意的 就是觉得租金有点高", ("已记录跟进：华兴精密",)),
    (SALES, "把A61推给华兴精密", ("A61", "华兴精密")),
    (SALES, "给华兴精密匹配", ("已发",)),
    (SALES, "华兴精密什么情况", ("发送房源A61",)),
    (SALES, "华兴精密电话多少", ("13800001111",)),
    (SALES, "华兴精密进入谈判", ("谈判",)),
    (SALES, "A61 数据", ("A61",)),
    (SALES, "生成海报 A61", ("海报",)),
    (SALES, "找 花桥 2000平 厂房", ("A61",)),
    (SALES, "昆山有没有3000平左右的仓库", ()),
    (SALES, "修改 恒丰五金 电话 13912345679", ("13912345679",)),
    (SALES, "跟进 新锐医疗器械 客户说下个月5号来看房 提前一天提醒我", ("已记录跟进：新锐医疗器械",)),
    (SALES, "好的", ()),
    (OTHER, "你好", ()),
    (OTHER, "今天有啥要跟的", ()),
    (OTHER, "回访 利华电子 老板出差了 月底再联系", ("已记录跟进：利华电子",)),
    (OTHER, "13588886666", ("康达物流",)),
    (OTHER, "康达物流电话多少", ("13588886666",)),
    (OTHER, "跟进 康达物流 今天上午去现场看了A62 客户比较满意 下周一报价", ("已记录跟进：康达物流",)),
    (OTHER, "康达物流 报价发过去了 等回复", ("已记录跟进：康达物流",)),
    (OTHER, "给康达物流推荐几个房子", ()),
    (OTHER, "新客户 鼎盛物流 陈经理 13711112222 要仓库 1万平左右 嘉兴 高台库", ("鼎盛物流",)),
    (OTHER, "鼎盛物流 明天上午10点带看A62", ("已记录跟进：鼎盛物流",)),
    (OTHER, "把A62发给鼎盛物流陈经理", ("A62", "陈总")),
    (OTHER, "嘉善或者平湖都行 要5000平仓库", ()),
    (OTHER, "A62 数据", ("A62",)),
    (OTHER, "谢谢", ()),
    (WANG, "早", ()),
    (WANG, "今天跟进谁", ()),
    (WANG, "跟近 宏达物流 电话没人接 明天再打", ("已记录跟进：宏达物流",)),
    (WANG, "新客户 昆山那个做五金的 姓刘 电话139 1234 5678 要个1500平左右的厂房 一楼 层高7米以上", ()),
    (WANG, "A67 租金降到26", ("A67",)),
    (WANG, "记录 宏达物流 微信发了三套房源过去 客户说周末看看", ("已记录跟进：宏达物流",)),
    (WANG, "宏达物流电话多少", ("13800004444",)),
    (WANG, "华兴精密电话多少", ("张三",)),  # someone else's client: masked, with its owner
    (WANG, "查客户 刘总", ()),
    (WANG, "找 嘉善 3000平 厂房", ("A67",)),
    (WANG, "收到", ()),
    (MANAGER, "早上好", ()),
    (MANAGER, "今天跟进谁", ()),
    (MANAGER, "提现审核", ()),
    (MANAGER, "通过 A69", ("A69",)),
    (MANAGER, "本周团队业绩", ("张三", "李四", "王五")),
    (MANAGER, "张三今天跟进了哪些", ("恒丰五金",)),
    (MANAGER, "李四的客户", ("康达物流", "鼎盛物流")),
    (MANAGER, "王五的客户", ("宏达物流",)),
]

MIDDAY = [
    (SALES, "跟进 恒丰五金 10分钟后再打一次", ("已记录跟进：恒丰五金",)),
    (SALES, "恒丰五金 月初再联系", ("已记录跟进：恒丰五金",)),
    (SALES, "撤销", ("撤销",)),
    (SALES, "新锐医疗器械 周末看厂房", ("已记录跟进：新锐医疗器械",)),
    (SALES, "A61什么情况", ("A61",)),
    (SALES, "查一下A69", ("A69",)),
    (SALES, "华兴精密谈价格了 对方想要24一平", ()),
    (SALES, "我的数据", ("本周",)),
    (SALES, "我这周的业绩", ("本周",)),
    (SALES, "A61 朋友圈文案", ("复制下面这段", "A61")),
    (SALES, "帮助", ()),
    (SALES, "新房源 花桥 单层厂房 3000平 层高9米 租金28元 房东陈总 13600001234", ()),
    (SALES, "明天待办", ()),
    (SALES, "周四跟进谁", ()),
    (SALES, "下周跟进谁", ("下周",)),
    (SALES, "有哪些逾期没跟的", ()),
    (SALES, "哪些客户该跟进了", ()),
    (SALES, "花桥有没有带行车的厂房", ()),
    (SALES, "昆山 1500平 单层 层高8米 租金25以内", ()),
    (SALES, "华兴", ("华兴精密",)),
    (SALES, "A61", ("A61",)),
    (SALES, "嗯嗯", ()),
    (OTHER, "利华电子 国庆后联系", ("已记录跟进：利华电子",)),
    (OTHER, "康达物流进入谈判", ("谈判",)),
    (OTHER, "有没有适合康达物流的", ()),
    (OTHER, "跟进 利华电子 上午带看了A67 客户说再考虑考虑", ("已记录跟进：利华电子",)),
    (OTHER, "查客户 利华电子", ("利华电子",)),
    (OTHER, "我的数据", ("本周",)),
    (OTHER, "张三的客户", ("只有经理",)),  # a salesperson sees only their own
    (OTHER, "本周团队业绩", ("只有经理",)),
    (OTHER, "生成海报 A62", ("海报",)),
    (OTHER, "我的推广码", ("推广码",)),
    (OTHER, "鼎盛物流什么情况", ("鼎盛物流",)),
    (OTHER, "好", ()),
    (WANG, "宏达物流 过完年再说", ("已记录跟进：宏达物流",)),
    (WANG, "这周有哪些要跟进的", ("本周",)),
    (WANG, "A67 数据", ("A67",)),
    (WANG, "把A67发给宏达物流孙总", ("A67", "孙总")),
    (WANG, "我的数据", ("王五",)),
    (WANG, "A67 怎么样了", ("A67",)),
    (WANG, "给宏达物流匹配", ()),
    (WANG, "哈哈", ()),
    (MANAGER, "王五这周跟进了多少", ("王五",)),
    (MANAGER, "李四今天跟进了哪些", ("利华电子",)),
    (MANAGER, "团队这个月的数据", ("本月",)),
    (MANAGER, "把宏达物流转给李四", ("转给李四",)),
    (MANAGER, "我的数据", ()),
    (MANAGER, "帮助", ()),
]

AFTERNOON = [
    (SALES, "华兴精密成交 年租金120万 免租3个月 租期5年", ("确认",)),
    (SALES, "确认", ("已记录成交：华兴精密",)),
    (SALES, "A61已租", ("A61",)),
    (SALES, "跟进 恒丰五金 半小时后回电话", ("已记录跟进：恒丰五金",)),
    (SALES, "恒丰五金 下个月中旬再说", ("已记录跟进：恒丰五金",)),
    (SALES, "跟进 华兴精密 合同寄出去了 等对方盖章", ("已记录跟进：华兴精密",)),
    (SALES, "华兴精密", ("华兴精密",)),
    (SALES, "我的数据", ("成交1单",)),
    (SALES, "我这个月成交了几个", ("本月",)),
    (SALES, "今天跟进谁", ()),
    (SALES, "我的佣金", ("佣金",)),
    (SALES, "OK", ()),
    (OTHER, "宏达物流什么情况", ("宏达物流",)),  # reassigned to 李四 at noon
    (OTHER, "跟进 宏达物流 接手了 打电话给孙总自我介绍了一下 明天下午3点再联系", ("已记录跟进：宏达物流",)),
    (OTHER, "利华电子不租了 选了别家", ("流失",)),
    (OTHER, "取消提醒 康达物流", ()),
    (OTHER, "跟进 康达物流 客户说下周一给答复 提前一天提醒我", ("已记录跟进：康达物流",)),
    (OTHER, "鼎盛物流 明天上午10点带看A62 提前半小时提醒我", ("已记录跟进：鼎盛物流",)),
    (OTHER, "明天待办", ()),
    (OTHER, "我这周的业绩", ("本周",)),
    (OTHER, "辛苦了", ()),
    (WANG, "宏达物流什么情况", ("李四",)),  # no longer his
    (WANG, "今天跟进谁", ()),
    (WANG, "新客户 嘉诚包装 何总 13655556666 平湖 要2000平厂房 层高8米", ("嘉诚包装",)),
    (WANG, "跟进 嘉诚包装 第一次电话沟通 客户要求有环评 后天带看A67", ("已记录跟进：嘉诚包装",)),
    (WANG, "给嘉诚包装匹配", ()),
    (WANG, "把A67发给嘉诚包装何总", ("A67", "何总")),
    (WANG, "A67发给嘉诚包装", ("已经发给过",)),
    (WANG, "我的数据", ("王五",)),
    (MANAGER, "本周团队业绩", ("成交1单",)),
    (MANAGER, "张三今天跟进了哪些", ("华兴精密",)),
    (MANAGER, "王五的客户", ("嘉诚包装",)),
    (MANAGER, "下周跟进谁", ()),
    (MANAGER, "驳回提现 W999 重复申请", ()),
    (MANAGER, "谢谢", ()),
]

EVENING = [
    (SALES, "今天跟进了哪些", ()),
    (SALES, "跟进 新锐医疗器械 周总说他们老板下周回来再定", ("已记录跟进：新锐医疗器械",)),
    (SALES, "明天跟进谁", ()),
    (SALES, "这周有哪些要跟进的", ("本周",)),
    (SALES, "我的数据", ("张三",)),
    (OTHER, "跟进 鼎盛物流 陈经理说明天可能晚点到", ("已记录跟进：鼎盛物流",)),
    (OTHER, "这周有哪些要跟进的", ("本周",)),
    (OTHER, "我的数据", ("李四",)),
    (WANG, "跟进 嘉诚包装 发了A67的视频 客户说明天回复", ("已记录跟进：嘉诚包装",)),
    (WANG, "明天待办", ()),
    (WANG, "我的数据", ("王五",)),
    (MANAGER, "本周团队业绩", ("本周",)),
    (MANAGER, "李四的客户", ("宏达物流",)),
    (MANAGER, "今天跟进谁", ()),
]


LOOSE = [
    # voice-to-text without punctuation, typos, two things in one message, terse and polite forms
    (SALES, "华兴精密张总刚才来电话说合同下周一寄回来", ()),
    (SALES, "今天还有哪些客户没跟", ()),
    (SALES, "恒丰五金那个刘总电话多少来着", ()),
    (SALES, "给我找个昆山的厂房 2000平左右 要有行车", ()),
    (SALES, "A61还在吗", ()),
    (SALES, "A61 租掉了", ()),
    (SALES, "跟进新锐医疗器械 周总说预算有限 希望20一平以内", ("已记录跟进：新锐医疗器械",)),
    (OTHER, "下午带看 结果客户没来", ()),
    (OTHER, "康达物流那边怎么样了", ("康达物流",)),
    (OTHER, "康达物流 明天再打个电话问问", ("已记录跟进：康达物流",)),
    (OTHER, "鼎盛物流 陈经理 说要再比较一下 下周再说", ("已记录跟进：鼎盛物流",)),
    (OTHER, "我今天跟进了几个", ()),
    (OTHER, "昆山仓库有哪些", ()),
    (OTHER, "有没有新房源", ()),
    (WANG, "嘉诚包装明天几点带看来着", ()),
    (WANG, "嘉诚包装 何总 微信 hezong888", ()),
    (WANG, "A67 几楼", ()),
    (MANAGER, "这周谁跟进最多", ()),
    (MANAGER, "张三这周跟进了多少", ("张三",)),
    (MANAGER, "看看李四手上的客户", ("康达物流",)),
    (MANAGER, "这个月团队业绩怎么样", ("本月",)),
]

DAY = MORNING + MIDDAY + AFTERNOON + EVENING + LOOSE


def test_the_day_is_long_enough():
    assert len(DAY) >= 150


async def test_a_second_day_of_chat_loses_nothing_and_understands_what_salespeople_say(day_one, say):
    problems = []
    for who, text, expected in DAY:
        reply = await say(who, text)
        if not reply.strip():
            problems.append(f"{who} {text!r}: no reply")
        elif NOT_UNDERSTOOD in reply or any(word in reply for word in BROKEN):
            problems.append(f"{who} {text!r}: {reply[:80]!r}")
        elif missing := [word for word in expected if word not in reply]:
            problems.append(f"{who} {text!r}: no {missing} in {reply[:120]!r}")
    assert not problems, "\n".join(problems)

    notes = {c.company: [n.content for n in await FollowUp.filter(client=c).order_by("id")] for c in await Client.all()}
    assert "刚打完电话" in " ".join(notes["恒丰五金"]) and "提前一天提醒我" in " ".join(notes["恒丰五金"])
    assert any("就是觉得租金有点高" in n for n in notes["华兴精密"])
    assert any("合同寄出去了 等对方盖章" in n for n in notes["华兴精密"])
    assert any("报价发过去了 等回复" in n for n in notes["康达物流"])
    assert any("接手了" in n for n in notes["宏达物流"])
    assert any("再打一次" in n for n in notes["恒丰五金"])
    assert not any("再联系" in n for n in notes["恒丰五金"])  # 恒丰五金 月初再联系, taken back by 撤销

    stages = {c.company: c.stage for c in await Client.all()}
    assert stages["华兴精密"] == Stage.WON and stages["利华电子"] == Stage.LOST
    assert stages["康达物流"] == Stage.NEGOTIATING
    owners = {c.company: c.owner_id for c in await Client.all().select_related("owner")}
    assert owners["宏达物流"] == (await Client.get(company="康达物流")).owner_id  # now 李四's
    assert await Deal.filter(client__company="华兴精密").count() == 1
    assert (await Listing.get(code="A61")).status == ListingStatus.CLOSED
    assert (await Listing.get(code="A67")).rent == Decimal(26)
    assert await ListingSent.filter(client__company="嘉诚包装").count() == 2
