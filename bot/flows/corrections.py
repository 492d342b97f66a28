"""Correcting what was recorded: ``edit_client``, ``add_contact``, ``edit_listing``, ``undo`` and ``delete_client``."""

from __future__ import annotations

from bot import format as fmt
from bot.context import Context
from bot.flows import clients as client_flows
from bot.flows import common
from models import Client, Listing
from services import clients, listings, permissions, undo

_CLIENT_HINT = "要改什么？例如「修改 华兴精密 电话 13812345679」「华兴精密 联系人改成 李总」。"
_REQUIREMENT_HINT = "是哪个客户的需求？最近10分钟你没有记录过客户，请带上客户名，例如「华兴精密 需求加一个 要行车」「华兴精密 需求去掉行车」。"
_LISTING_HINT = "要改什么？例如「A69改成仓库」「A67 租金降到26」「A12 面积改成3000平」。"
_TITLE_WORDS = ("property_type", "single_storey", "area")
"""The fields a chat listing's title is made of (``fmt.listing_title``)."""


def _shown(name: str, value) -> str:
    if value is None or value == "" or value == []:
        return "未填"
    if name == "property_type":
        return fmt.TYPE_NAMES.get(fmt._value(value), str(value))
    if name == "deal_type":
        return {"rent": "出租", "sale": "出售"}.get(fmt._value(value), str(value))
    if name == "single_storey":
        return "单层" if value else "多层"
    if name == "features":
        return "、".join(fmt.features(value))
    if name == "source":
        return fmt.source(value)
    if name in ("rent", "sale_price"):
        return f"{fmt.num(value)}元/㎡" + ("·月" if name == "rent" else "")
    if name == "area":
        return f"{fmt.num(value)}㎡"
    if name == "ceiling_height":
        return f"{fmt.num(value)}米"
    return fmt.num(value) if not isinstance(value, str) else value


def _changes(changed: dict[str, tuple]) -> list[str]:
    return [
        f"{fmt.FIELD_NAMES.get(name, name)}：{_shown(name, before)} → {_shown(name, after)}"
        for name, (before, after) in changed.items()
        if name != "title"
    ]


_EDITS = (*clients.EDITABLE_FIELDS, *clients.REQUIREMENT_EDITS)


async def edit_client(ctx: Context, slots: dict, chosen=None) -> str:
    """``修改 华兴精密 电话 13812345679``, ``华兴精密 联系人改成 李总``, ``华兴精密 微信同号``; the requirement
    (``鑫达模具 需求改成4000平``, ``要仓库不要厂房``, ``需求加一个 要行车``) with the listings that fit it now."""
    changes = {name: slots[name] for name in _EDITS if slots.get(name) is not None}
    if not changes and not slots.get("wechat_is_phone"):
        return _CLIENT_HINT
    if slots.get("features_change"):
        changes["features_change"] = slots["features_change"]
    client = await _client_meant(ctx, slots, changes, chosen)
    if isinstance(client, str):
        return client
    if slots.get("wechat_is_phone"):
        from_phone = clients.wechat_from_phone(client, slots.get("contact_name"))
        if from_phone is None:
            return _no_phone_for_wechat(client, slots.get("contact_name"))
        changes = from_phone
    requirement = await clients.requirement_of(client)
    needed = fmt.requirement(requirement, client.region) or "未填"
    changed = await clients.update(actor=ctx.actor, client=client, changes=changes, settings=ctx.resources.settings)
    if not changed:
        return f"{client.display_name}的{fmt.fields(_named(changes))}本来就是这样，没有变化。"
    fields = {name: values for name, values in changed.items() if name in clients.EDITABLE_FIELDS}
    lines = [f"已修改{client.display_name}：", *_changes(fields)]
    if changed.keys() & {*clients.REQUIREMENT_EDITS, "region"}:
        requirement = await clients.requirement_of(client)
        lines.append(f"需求：{needed} → {fmt.requirement(requirement, client.region) or '未填'}")
        lines.append(await client_flows.recommended(ctx, client, requirement))
    return "\n".join([*lines, "改错了发「撤销」。"])


async def _client_meant(ctx: Context, slots: dict, changes: dict, chosen) -> Client | str:
    """The client named; for a requirement change that names none (``需求加上 一楼``), the client I recorded
    something about in the last ten minutes."""
    if (
        slots.get("client")
        or chosen is not None
        or not changes.keys() <= {*clients.REQUIREMENT_EDITS, "features_change"}
    ):
        return await common.client_for(ctx, slots, "edit_client", chosen)
    return await clients.last_worked_on(ctx.actor, ctx.now - undo.UNDO_WINDOW) or _REQUIREMENT_HINT


def _named(changes: dict) -> list[str]:
    """The fields as the user knows them: the requirement's bounds are one, 需求."""
    return list(dict.fromkeys(name if name in clients.EDITABLE_FIELDS else "requirement" for name in changes))


def _no_phone_for_wechat(client: Client, person: str | None) -> str:
    """``微信同号`` when the phone it means is not on record: nothing is changed."""
    if not client.phone:
        return f"{client.display_name}还没有手机号，微信没有改。先发「修改 {client.display_name} 电话 手机号」。"
    return (
        f"{client.display_name}的联系人是{client.contact_name}，没有{person}的手机号，微信没有改。"
        f"请发「修改 {client.display_name} 微信 微信号」。"
    )


async def add_contact(ctx: Context, slots: dict, chosen=None) -> str:
    """``华兴精密 加个联系人 孙总 13912345678``: another person of the client, beside the first one."""
    client = await common.client_for(ctx, slots, "add_contact", chosen)
    if isinstance(client, str):
        return client
    name = slots.get("contact_name")
    contact = await clients.add_contact(
        actor=ctx.actor, client=client, name=name, phone=slots.get("phone"), settings=ctx.resources.settings
    )
    if contact is None:
        return f"{client.display_name}已经有电话{slots['phone']}了，没有再加。"
    shown = await permissions.contact(ctx.actor, client, contact)
    person = " ".join(part for part in (name, f"电话{shown['phone']}" if "phone" in shown else "") if part)
    return f"已给{client.display_name}添加联系人：{person}（原联系人{client.contact_name or '未填'}不变）。加错了发「撤销」。"


async def edit_listing(ctx: Context, slots: dict, chosen=None) -> str:
    """``A69改成仓库``, ``A67 租金降到26``: the owner corrects a listing (not a search)."""
    if not slots.get("listing"):
        return _LISTING_HINT
    listing = await listings.find(slots["listing"])
    changes = {name: slots[name] for name in listings.EDITABLE_FIELDS if slots.get(name) is not None}
    if not changes:
        return _LISTING_HINT
    if any(name in changes for name in _TITLE_WORDS) and listing.title == fmt.listing_title(_title_slots(listing)):
        changes["title"] = fmt.listing_title({**_title_slots(listing), **changes})
    changed = await listings.update(actor=ctx.actor, listing=listing, changes=changes)
    if not changed:
        return f"{listing.code}本来就是这样，没有变化。"
    return "\n".join([f"已修改{listing.code}：", *_changes(changed), "改错了发「撤销」。"])


def _title_slots(listing: Listing) -> dict:
    return {
        "region": listing.region,
        "single_storey": listing.single_storey,
        "property_type": listing.property_type,
        "area": listing.area,
    }


async def undo_last(ctx: Context, slots: dict, chosen=None) -> str:
    """``撤销``: my last record of the last ten minutes is taken back; the reply names it."""
    done = await undo.undo_last(
        actor=ctx.actor, now=ctx.now, settings=ctx.resources.settings, redis=ctx.resources.redis
    )
    if done.kind == "followup.create":
        return f"已撤销{done.name}的跟进「{done.detail[:30]}」，原定的下次跟进已恢复。"
    if done.kind in ("client.update", "listing.update"):
        return f"已撤销对{done.name}的修改（{fmt.fields(done.fields)}），已恢复原来的值。"
    if done.kind == "client.stage":
        return f"已撤销{done.name}的阶段变更，回到{fmt.stage(done.detail)}。"
    if done.kind == "client.contact_add":
        return f"已撤销给{done.name}添加的联系人{done.detail}。"
    if done.kind == "client.delete":
        return f"已撤销删除，客户{done.name}已恢复（原定提醒需重新设置）。"
    return f"已撤销录入的客户{done.name}（已删除，审计记录保留）。"


async def delete_client(ctx: Context, slots: dict, chosen=None) -> str:
    """``删除客户 X``: the owner or a manager deletes a client; it is hidden everywhere, the audit log keeps it."""
    client = await common.client_for(ctx, slots, "delete_client", chosen)
    if isinstance(client, str):
        return client
    await clients.delete(actor=ctx.actor, client=client, now=ctx.now, reason=ctx.text[:100])
    return f"已删除客户{client.display_name}（负责人{client.owner.name if client.owner else '无'}），提醒已取消。删错了马上发「撤销」。"
