"""``chat --as NAME``: talk to the running server as a staff member, through the real signed /wechat endpoint.

Anyone can try the bot without WeChat. The account's WeChat user is reused;
without one, a bind code is issued through services and 「绑定 code」 is sent
first, exactly as a new colleague would. Messages are signed (and encrypted
when WECHAT_AES_KEY is set) like WeChat does.
"""

from __future__ import annotations

import asyncio
import secrets

import httpx

from app.callbacks import CallbackSigner, msg_ids
from bot.errors import chat_text
from core.config import Settings
from models import WechatUser
from services import accounts
from services.errors import NotFound
from services.resources import Resources


def register(sub) -> None:
    p = sub.add_parser("chat", help="chat with the running server as a staff member (terminal)")
    p.add_argument("--as", dest="name", required=True, help="staff account name, e.g. 张三")
    p.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    p.set_defaults(func=run)


class Sender:
    """Signs, (encrypts,) posts one text message and returns the reply's text."""

    def __init__(self, settings: Settings, url: str, openid: str) -> None:
        self.url, self.openid = url, openid
        self.signer = CallbackSigner(settings, aes=settings.aes_mode)
        self.msg_ids = iter(msg_ids())
        self.http = httpx.Client(timeout=10)

    def send(self, text: str) -> str:
        query, body = self.signer.text(self.openid, text, next(self.msg_ids))
        response = self.http.post(f"{self.url}?{query}", content=body)
        if response.status_code != 200:
            return f"（服务器返回 {response.status_code}: {response.text[:200]}）"
        reply = self.signer.reply_text(response.text)
        if reply is None:
            return "（超过1秒未回复：回复将以客服消息发出）"
        return reply or "（无文字回复）"


async def _openid_for(settings: Settings, name: str) -> tuple[str, str | None]:
    """The account's openid, and a bind code to send first when it has none yet."""
    resources = await Resources.open(settings)
    try:
        account = await accounts.find_staff(name)
        user = await WechatUser.filter(account_id=account.id).first()
        if user is not None and user.openid:
            return user.openid, None
        return f"cli-{account.id}-{secrets.token_hex(4)}", await accounts.issue_bind_code(account)
    finally:
        await resources.close()


def run(settings: Settings, args) -> int:
    try:
        openid, code = asyncio.run(_openid_for(settings, args.name))
    except NotFound as exc:
        print(chat_text(exc))
        return 1
    sender = Sender(settings, args.url, openid)
    try:
        if code:
            print(sender.send(f"绑定 {code}"))
        print(f"以「{args.name}」的身份聊天（{openid}），Ctrl-D 退出。发「帮助」看用法。")
        while True:
            try:
                text = input("你> ").strip()
            except EOFError:
                print()
                return 0
            if text:
                print(sender.send(text))
    except httpx.HTTPError as exc:
        print(f"连不上 {args.url}：{exc}。先运行 make run（或 python -m app serve）。")
        return 1
