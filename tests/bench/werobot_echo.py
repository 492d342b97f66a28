"""The reference for `bench bot`: WeRoBot's echo bot, sessions off, served by gunicorn.

    WECHAT_TOKEN=... WECHAT_AES_KEY=... WECHAT_APPID=... \
        gunicorn -w 2 -b 127.0.0.1:8200 tests.bench.werobot_echo:application
"""

import os

import werobot

robot = werobot.WeRoBot(
    token=os.environ["WECHAT_TOKEN"],
    encoding_aes_key=os.environ.get("WECHAT_AES_KEY") or None,
    app_id=os.environ.get("WECHAT_APPID"),
    enable_session=False,
)


@robot.text
def echo(message):
    return message.content


application = robot.wsgi
