from tests.chat.conftest import SALES


async def test_new_client_end_to_end(team, say, make_listing):
    await make_listing(area=2000)
    reply = await say(SALES, "新客户 华兴精密 张总 13812345678 要2000平单层厂房 昆山")
    print(reply)
    assert "已录入客户" in reply
