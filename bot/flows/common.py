"""What several flows share: choosing a client by name, numbered choices, paged result lists."""

from __future__ import annotations

import nlp
from bot import format as fmt
from bot import state
from bot.context import Context
from models import Client
from services import clients

MAX_RESULTS = 50


def msg_id(ctx: Context, slots: dict) -> str:
    """The MsgId a change is keyed by: the original message's, also when resumed by a choice."""
    return str(slots.get("_msg_id") or ctx.message.id)


async def ask(ctx: Context, action: str, slots: dict, options: list, lines: list[str], question: str) -> str:
    """Keep a pending choice and ask for its number."""
    await state.put(
        ctx.resources.redis,
        "pick",
        ctx.openid,
        {"action": action, "slots": {**nlp.to_json(slots), "_msg_id": msg_id(ctx, slots)}, "options": options},
    )
    numbered = [f"{i}. {line}" for i, line in enumerate(lines, 1)]
    return "\n".join([question, *numbered, "回复序号选择，发「取消」放弃。"])


async def client_for(ctx: Context, slots: dict, action: str, chosen: int | None) -> Client | str:
    """The client the message names, or the reply to send instead (a numbered choice or not found)."""
    if chosen is not None:
        return await clients.get_visible(ctx.actor, chosen)
    name = slots.get("client") or slots.get("company") or ""
    if not name and slots.get("phone"):
        return await _client_by_phone(ctx, slots, action, slots["phone"])
    if not name:
        return "请写上客户名，例如「跟进 华兴精密 …」。"
    found = await clients.resolve(ctx.actor, name)
    if len(found) == 1:
        return found[0]
    if found:
        lines = [
            f"{c.display_name} {contact_beside(c)}{fmt.stage(c.stage)}"
            + (f" ({c.owner.name})" if ctx.actor.is_manager and c.owner else "")
            for c in found
        ]
        return await ask(ctx, action, slots, [c.id for c in found], lines, f"有{len(found)}个客户像「{name}」：")
    elsewhere = await clients.find_elsewhere(ctx.actor, name)
    if elsewhere is not None:
        owner = elsewhere.owner.name if elsewhere.owner else "他人"
        return f"{elsewhere.display_name}是{owner}的客户（{fmt.masked_phone(elsewhere.phone)}），你不能查看或修改。需要转交请找经理。"
    return f"没找到客户「{name}」。先录入：新客户 {name} 联系人 电话 需求"


async def _client_by_phone(ctx: Context, slots: dict, action: str, phone: str) -> Client | str:
    found = await clients.by_phone(ctx.actor, phone)
    if len(found) == 1:
        return found[0]
    if found:
        lines = [f"{c.display_name} {contact_beside(c)}{fmt.stage(c.stage)}" for c in found]
        return await ask(ctx, action, slots, [c.id for c in found], lines, f"电话{phone}有{len(found)}个客户：")
    elsewhere = await clients.by_phone_elsewhere(ctx.actor, phone)
    if elsewhere is not None:
        owner = elsewhere.owner.name if elsewhere.owner else "他人"
        return f"电话{fmt.masked_phone(phone)}是{owner}的客户{elsewhere.display_name}，你不能查看或修改。需要转交请找经理。"
    return f"没有电话是{phone}的客户。要录入就发「新客户 公司名 联系人 {phone} 需求」"


def contact_beside(client: Client) -> str:
    """The contact shown after a client's name in a choice, unless the name already is the contact."""
    if client.contact_name and client.contact_name != client.display_name:
        return client.contact_name + " "
    return ""


async def page(
    ctx: Context, title: str, entries: list[str], *, offset: int = 0, empty: str, first_page: int | None = None
) -> str:
    """One page of ``entries`` (the first may be shorter); the rest stays for 更多."""
    size = ctx.resources.settings.matching.page_size
    if offset == 0 and first_page:
        size = first_page
    if not entries:
        await state.drop(ctx.resources.redis, "more", ctx.openid)
        return empty
    shown = entries[offset : offset + size]
    lines = [title if offset == 0 else f"{title.rstrip('：:')}（续）："]
    lines += [f"{offset + i}. {entry}" for i, entry in enumerate(shown, 1)]
    if offset + size < len(entries):
        await state.put(
            ctx.resources.redis,
            "more",
            ctx.openid,
            {"title": title, "entries": entries[:MAX_RESULTS], "offset": offset + size},
        )
        lines.append(f"还有{len(entries) - offset - size}套，发「更多」继续。")
    else:
        await state.drop(ctx.resources.redis, "more", ctx.openid)
    return "\n".join(lines)


def count(found: list) -> str:
    return f"{len(found)}+" if len(found) >= MAX_RESULTS else str(len(found))


async def more(ctx: Context) -> str:
    pending = await state.get(ctx.resources.redis, "more", ctx.openid)
    if not pending:
        return "没有更多了。发「找 昆山 2000平 厂房」重新搜索。"
    return await page(ctx, pending["title"], pending["entries"], offset=pending["offset"], empty="没有更多了。")
