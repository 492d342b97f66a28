"""我的推广码: the code image arrives by message, or the chat is told why it cannot."""

import app.worker
from tests.factories import SALES


async def run_jobs(resources) -> None:
    await app.worker.build(resources, burst=True).async_run()


def texts_to(fake_wechat, openid: str) -> list[str]:
    return [
        c.json["text"]["content"]
        for c in fake_wechat.calls("cgi-bin/message/custom/send")
        if c.json["touser"] == openid and c.json["msgtype"] == "text"
    ]


async def test_the_code_image_arrives_by_message(team, say, fake_wechat, resources):
    assert "正在生成" in await say(SALES, "我的推广码")
    await run_jobs(resources)
    assert fake_wechat.calls("cgi-bin/message/custom/send")[-1].json["msgtype"] == "image"
    assert texts_to(fake_wechat, SALES) == []


async def test_when_wechat_refuses_the_code_image_the_chat_is_told(team, say, fake_wechat, resources):
    fake_wechat.fail("cgi-bin/media/upload", errcode=40005, times=None)
    await say(SALES, "我的推广码")
    await run_jobs(resources)
    [notice] = texts_to(fake_wechat, SALES)
    assert "微信拒绝了推广码图片（错误40005）" in notice and "我的推广码" in notice


async def test_when_wechat_refuses_to_make_the_code_the_chat_is_told(team, say, fake_wechat, resources):
    fake_wechat.fail("cgi-bin/qrcode/create", errcode=45009, times=None)
    await say(SALES, "我的推广码")
    await run_jobs(resources)
    [notice] = texts_to(fake_wechat, SALES)
    assert "微信拒绝了推广码图片（错误45009）" in notice
