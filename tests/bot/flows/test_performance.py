"""我的数据, 本周团队业绩, 李四的客户, 张三今天跟进了哪些: each in the role's scope."""

import pytest

from models.enums import Role
from tests.factories import MANAGER, OTHER, SALES


@pytest.fixture
async def day_of_work(team, say, make_client):
    """Today 张三 has two new clients, two notes (one a viewing) and a win; 李四 a new client and a note."""
    await make_client(team["zhang"], "华兴精密")
    await make_client(team["li"], "康达物流")
    await say(SALES, "新客户 宏达物流 王总 13812345678 要个2000平仓库")
    await say(SALES, "跟进 华兴精密 今天带看了A12 客户比较满意")
    await say(SALES, "跟进 宏达物流 电话沟通 下周三再联系")
    await say(SALES, "华兴精密成交了")
    await say(OTHER, "跟进 康达物流 报价发过去了")


async def test_my_figures_show_this_week_and_this_month(day_of_work, say):
    reply = await say(SALES, "我的数据")
    assert reply.startswith("张三的数据")
    assert "本周：新客户2个，跟进2次，带看1次，成交1单" in reply
    assert "本月：新客户2个" in reply


async def test_my_figures_of_one_period(day_of_work, say):
    reply = await say(OTHER, "我今天的业绩")
    assert "今天：新客户1个，跟进1次，带看0次，成交0单" in reply and "本周" not in reply


async def test_a_manager_sees_the_teams_figures_busiest_first(day_of_work, say):
    reply = await say(MANAGER, "本周团队业绩")
    assert "本周团队业绩（3人）" in reply and "合计：新客户3个，跟进3次，带看1次，成交1单" in reply
    assert reply.index("张三") < reply.index("李四")


async def test_a_manager_sees_a_team_members_clients_and_followups(day_of_work, say):
    clients = await say(MANAGER, "张三的客户")
    assert "张三的客户（共2个" in clients and "华兴精密" in clients and "宏达物流" in clients
    assert "康达物流" not in clients
    notes = await say(MANAGER, "张三今天跟进了哪些")
    assert "张三今天跟进2次" in notes and "今天带看了A12 客户比较满意" in notes and "电话沟通" in notes


async def test_a_salesperson_sees_only_their_own_work(day_of_work, say):
    assert "只有经理或管理员可以查看同事的客户" in await say(SALES, "李四的客户")
    assert "只有经理或管理员可以查看同事的客户" in await say(SALES, "李四今天跟进了哪些")
    assert "只有经理或管理员" in await say(SALES, "本周团队业绩")
    assert "康达物流" not in await say(SALES, "李四的客户")
    assert "张三的客户（共2个" in await say(SALES, "张三的客户")


async def test_a_manager_sees_only_their_own_team_and_an_admin_everyone(day_of_work, say, make_staff):
    other_manager = await make_staff("赵经理", Role.MANAGER, bind_openid="o-zhao")
    await make_staff("孙七", Role.SALES, manager=other_manager)
    assert "张三不在你的团队" in await say("o-zhao", "张三的客户")
    assert "张三" not in (await say("o-zhao", "本周团队业绩")).replace("张三不在", "")
    await make_staff("钱管理", Role.ADMIN, bind_openid="o-admin")
    assert "康达物流" in await say("o-admin", "李四的客户")
    team_view = await say("o-admin", "本周团队业绩")
    assert "张三" in team_view and "孙七" in team_view


async def test_an_unknown_colleague_is_named_back(day_of_work, say):
    assert "没有名为周八的账号" in await say(MANAGER, "周八的客户")


async def test_a_deleted_client_is_not_listed(day_of_work, say):
    await say(MANAGER, "删除客户 宏达物流")
    clients = await say(MANAGER, "张三的客户")
    assert "共1个" in clients and "宏达物流" not in clients
