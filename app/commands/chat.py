"""``chat --as NAME``: talk to the running server as a staff member, through the real signed /wechat endpoint.

Anyone can try the bot without WeChat. The account's WeChat user is reused;
without one, a bind code is issued through services and 「绑定 code」 is sent
first, exactly as a new colleague would. Messages are signed (and encrypted
when WECHAT_AES_KEY is set) like WeChat does.
"""
from __future__ import annotations

import asyncio
import secrets
import time

import httpx
import xmltodict
from wechatpy.crypto import WeChatCrypto

from app.resources import Resources
from bot.protocol import signature
from models import WechatUser
from services import accounts
from services.errors import NotFound


def register(sub) -> None:
    p = sub.add_parser("chat", help="chat with the running server as a staff member (terminal)")
    p.add_argument("--as", dest="name", required=True, help="staff account name, e.g. 张三")
    p.add_argument("--url", default="http://127.0.0.1:8000/wechat")
    p.set_defaults(func=run)


class Sender:
    """Signs, (encrypts,) posts one text message and returns the reply's text."""

    def __init__(self, settings, url: str, openid: str) -> None:
        self.settings, self.url, self.openid = settings, url, openid
        self.crypto = (WeChatCrypto(settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid)
                       if settings.aes_mode else None)
        self.msg_ids = iter(range(int(time.time() * 1000) * 1000, 2**63))
        self.http = httpx.Client(timeout=10)

    def send(self, text: str) -> str:
        timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
        xml = xmltodict.unparse({"xml": {
            "ToUserName": "gh_cli", "FromUserName": self.openid, "CreateTime": timestamp, "MsgType": "text",
            "Content": text, "MsgId": str(next(self.msg_ids))}}, full_document=False)
        params = {"signature": signature(self.settings.wechat_token, timestamp, nonce), "timestamp": timestamp,
                  "nonce": nonce, "openid": self.openid}
        if self.crypto is not None:
            xml = self.crypto.encrypt_message(xml, nonce, timestamp)
            encrypt = xmltodict.parse(xml)["xml"]["Encrypt"]
            params.update(encrypt_type="aes", msg_signature=signature(self.settings.wechat_token, timestamp, nonce,
                                                                      encrypt))
        response = self.http.post(self.url, params=params, content=xml.encode())
        if response.status_code != 200:
            return f"（服务器返回 {response.status_code}: {response.text[:200]}）"
        if not response.text.startswith("<xml>"):
            return "（超过1秒未回复：回复将以客服消息发出）"
        reply = xmltodict.parse(response.text)["xml"]
        if "Encrypt" in reply and self.crypto is not None:
            plain = self.crypto.decrypt_message(response.text, reply["MsgSignature"], reply["TimeStamp"],
                                                reply["Nonce"])
            reply = xmltodict.parse(plain)["xml"]
        return reply.get("Content") or "（无文字回复）"


async def _openid_for(settings, name: str) -> tuple[str, str | None]:
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


def run(settings, args) -> int:
    try:
        openid, code = asyncio.run(_openid_for(settings, args.name))
    except NotFound as exc:
        print(exc.message)
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
