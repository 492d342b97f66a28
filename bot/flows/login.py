"""Signing in to the back office from chat: a scanned sign-in code, its one-tap confirmation, one-time links."""

from __future__ import annotations

from bot import texts
from bot.context import Context
from services import follows, staff_sessions


async def on_scan(ctx: Context, _) -> str:
    """A sign-in code (scene ``login:<nonce>``) scanned, also by following the account through it."""
    message = ctx.message
    if message.event == "subscribe_scan":
        await follows.queue(ctx.resources.redis, follows.Touch.FOLLOW, ctx.openid, now=ctx.now)
    account = await staff_sessions.scanned(ctx.resources, ctx.openid, message.scene_id)
    return texts.LOGIN_CONFIRM.format(name=account.name)


async def confirm(ctx: Context, _) -> str:
    await staff_sessions.confirm(ctx.resources, ctx.openid, ctx.account)
    return texts.LOGIN_CONFIRMED


async def send_link(ctx: Context, slots, chosen=None) -> str:
    url = await staff_sessions.issue_link(ctx.resources, ctx.actor)
    return texts.LOGIN_LINK.format(url=url, minutes=ctx.resources.settings.backoffice.login_ttl_s // 60)


async def refuse(ctx: Context, _) -> str:
    """A partner or an unbound user asks for the back office: the reason, in the service's words."""
    staff_sessions.ensure_staff(ctx.account)
    return await send_link(ctx, {})
