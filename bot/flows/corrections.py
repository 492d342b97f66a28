"""Correcting what was recorded: ``edit_client``, ``edit_listing``, ``undo`` and ``delete_client``."""

from __future__ import annotations

from bot import format as fmt
from bot.context import Context
from bot.flows import common
from models import Listing
from services import clients, listings, undo

_CLIENT_HINT = "要改什么？例如「修改 华兴精密 电话 13812345679」「华兴精密 联系人改成 李总」。"
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


async def edit_client(ctx: Context, slots: dict, chosen=None) -> str:
    """``修改 华兴精密 电话 13812345679``, ``华兴精密 联系人改成 李总``."""
    changes = {name: slots[name] for name in clients.EDITABLE_FIELDS if slots.get(name)}
    if not changes:
        return _CLIENT_HINT
    client = await common.client_for(ctx, slots, "edit_client", chosen)
    if isinstance(client, str):
        return client
    changed = await clients.update(actor=ctx.actor, client=client, changes=changes, settings=ctx.resources.settings)
    if not changed:
        return f"{client.display_name}的{fmt.fields(changes)}本来就是这样，没有变化。"
    return "\n".join([f"已修改{client.display_name}：", *_changes(changed), "改错了发「撤销」。"])


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
