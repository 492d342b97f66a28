"""A listing's photos and videos by chat: send them after naming the listing, then arrange them.

Naming a listing (``A12``, ``A12 全景``, a new listing just entered) makes it the
listing in context for ``media.chat_listing_ttl_s``; images and videos sent
meanwhile are fetched from WeChat in the background and added to its gallery.
Commands: ``A12 相册`` (list), ``A12 删除第3张``, ``A12 封面第2张``,
``A12 第5张移到第1``, ``A12 第3张是全景``, ``A12 第2张说明 外立面``,
``A12 VR https://...``.
"""

from __future__ import annotations

import logging

from bot import format as fmt
from bot import state, texts
from bot.context import Context
from bot.errors import chat_text
from models import Listing, ListingMedia
from models.enums import MediaKind
from services import listings, media, tasks
from wechat import WeChatError

log = logging.getLogger(__name__)

CODE = r"([A-Za-z]\d{1,6})"
NUMBER = r"第?\s*(\d{1,2})\s*[张个项]?"
KIND_WORDS = {
    "全景": MediaKind.PANORAMA,
    "全景图": MediaKind.PANORAMA,
    "360": MediaKind.PANORAMA,
    "平面图": MediaKind.FLOOR_PLAN,
    "户型图": MediaKind.FLOOR_PLAN,
    "航拍": MediaKind.DRONE_VIDEO,
    "航拍视频": MediaKind.DRONE_VIDEO,
    "照片": MediaKind.PHOTO,
    "视频": MediaKind.VIDEO,
}
_KINDS = "|".join(sorted(KIND_WORDS, key=len, reverse=True))

GALLERY = rf"^\s*{CODE}\s*(?:相册|照片|图片|视频|传图|传照片|加照片)\s*$"
NEXT_KIND = rf"^\s*{CODE}\s*(?:传|发|加)?\s*(全景图?|360|平面图|户型图|航拍(?:视频)?)\s*$"
DELETE = rf"^\s*{CODE}\s*(?:删除|删掉|删)\s*{NUMBER}\s*$"
COVER = (
    rf"^\s*{CODE}\s*(?:(?:封面|设封面)\s*(?:用|设为|为|是)?\s*{NUMBER}"
    rf"|{NUMBER}\s*(?:设为|设成|做|作为|当|为)?\s*封面)\s*$"
)
MOVE = rf"^\s*{CODE}\s*{NUMBER}\s*(?:移到|挪到|放到|调到|移至)\s*第?\s*(\d{{1,2}})\s*[张个项位]?\s*$"
SET_KIND = rf"^\s*{CODE}\s*{NUMBER}\s*(?:是|为|标为|改为|改成|设为)\s*({_KINDS})\s*$"
CAPTION = rf"^\s*{CODE}\s*{NUMBER}\s*(?:说明|标题|描述)\s*[:：]?\s*(.{{1,128}}?)\s*$"
VR_LINK = rf"(?i)^\s*{CODE}\s*(?:VR|3D|VR看房|3D看房|全景看房)\s*[:：]?\s*(\S+)\s*$"

MEDIA_MESSAGES = ("image", "video", "shortvideo")


async def remember(ctx: Context, listing: Listing, kind: MediaKind | None = None) -> None:
    """``listing`` is the one photos sent next attach to (as ``kind``, or as what they look like)."""
    await state.put(
        ctx.resources.redis,
        "listing",
        ctx.openid,
        {"id": listing.id, "kind": kind and kind.value},
        ttl=ctx.resources.settings.media.chat_listing_ttl_s,
    )


async def on_media_message(ctx: Context, _=None) -> str | None:
    """An image or video from a salesperson: queue it for the listing in context and answer at once."""
    context = await state.get(ctx.resources.redis, "listing", ctx.openid)
    if context is None or (listing := await Listing.get_or_none(id=context["id"])) is None:
        return texts.MEDIA_WHICH_LISTING
    kind = MediaKind(context["kind"]) if context.get("kind") else None
    if ctx.message.type in ("video", "shortvideo") and kind not in (MediaKind.DRONE_VIDEO, None):
        kind = None
    if ctx.message.type == "image" and kind == MediaKind.DRONE_VIDEO:
        kind = None
    queued = await media.queue_from_wechat(
        ctx.resources, actor=ctx.actor, openid=ctx.openid, listing=listing, media_id=ctx.message.media_id, kind=kind
    )
    if queued.start_drain:
        await tasks.enqueue(ctx.resources, add_chat_media, ctx.actor.id, ctx.openid, listing.id)
    await remember(ctx, listing, kind)  # the context lasts as long as photos keep coming
    if not queued.first:
        return None
    what = fmt.media_kind(kind) if kind else "照片/视频"
    return texts.MEDIA_RECEIVING.format(code=listing.code, what=what)


async def _editable(ctx: Context, code: str) -> Listing:
    listing = await listings.get_by_code(code)
    media.ensure_can_edit(ctx.actor, listing)
    return listing


async def show(ctx: Context, match) -> str:
    listing = await listings.get_by_code(match.group(1))
    items = await media.list_for_listing(listing.id)
    if media.can_edit(ctx.actor, listing):
        await remember(ctx, listing)
    if not items:
        return texts.MEDIA_EMPTY.format(code=listing.code)
    lines = [f"{listing.code}相册（{len(items)}个）："]
    for item in items:
        size = f" {item.width}×{item.height}" if item.width else ""
        flag = "【封面】" if item.is_cover else ""
        lines.append(
            f"{item.position}. {fmt.media_kind(item.kind)}{size}{flag}" + (f" {item.caption}" if item.caption else "")
        )
    lines.append(texts.MEDIA_HOWTO.format(code=listing.code))
    return "\n".join(lines)


async def next_kind(ctx: Context, match) -> str:
    listing, kind = await _editable(ctx, match.group(1)), KIND_WORDS[match.group(2)]
    await remember(ctx, listing, kind)
    return texts.MEDIA_SEND_KIND.format(code=listing.code, what=fmt.media_kind(kind))


async def delete(ctx: Context, match) -> str:
    listing, number = await _editable(ctx, match.group(1)), int(match.group(2))
    gone = await media.delete(storage=ctx.resources.storage, actor=ctx.actor, listing=listing, number=number)
    left = await media.list_for_listing(listing.id)
    cover = next((item.position for item in left if item.is_cover), None)
    tail = f"，封面是第{cover}张" if gone.is_cover and cover else ("，现在没有封面" if gone.is_cover else "")
    return f"已删除{listing.code}第{number}个（{fmt.media_kind(gone.kind)}），还剩{len(left)}个{tail}。"


async def cover(ctx: Context, match) -> str:
    listing, number = await _editable(ctx, match.group(1)), int(match.group(2) or match.group(3))
    await media.set_cover(actor=ctx.actor, listing=listing, number=number)
    return f"已把第{number}张设为{listing.code}的封面。"


async def move(ctx: Context, match) -> str:
    listing, number, to = await _editable(ctx, match.group(1)), int(match.group(2)), int(match.group(3))
    items = await media.move(actor=ctx.actor, listing=listing, number=number, to=to)
    order = " ".join(f"{item.position}.{fmt.media_kind(item.kind)}" for item in items[:12])
    return f"已把第{number}个移到第{to}个。现在：{order}" + ("…" if len(items) > 12 else "")


async def set_kind(ctx: Context, match) -> str:
    listing, number, kind = await _editable(ctx, match.group(1)), int(match.group(2)), KIND_WORDS[match.group(3)]
    await media.set_kind(actor=ctx.actor, listing=listing, number=number, kind=kind)
    return f"已把{listing.code}第{number}个标为{fmt.media_kind(kind)}。"


async def caption(ctx: Context, match) -> str:
    listing, number, text = await _editable(ctx, match.group(1)), int(match.group(2)), match.group(3)
    await media.set_caption(actor=ctx.actor, listing=listing, number=number, caption=text)
    return f"已给{listing.code}第{number}个加上说明：{text[:128]}"


async def vr_link(ctx: Context, match) -> str:
    listing, url = await _editable(ctx, match.group(1)), match.group(2)
    item = await media.add_link(actor=ctx.actor, listing=listing, url=url)
    return f"已把VR看房链接加到{listing.code}相册第{item.position}个。"


# ---- the background job: add the files, then one report ----------------------------------------------


@tasks.task()
async def add_chat_media(ctx: dict, account_id: int, openid: str, listing_id: int) -> None:
    """Add the files a salesperson sent (queued by ``media.queue_from_wechat``) and report once."""
    resources = ctx["resources"]
    outcomes = await media.drain_wechat_queue(resources, account_id=account_id, openid=openid, listing_id=listing_id)
    listing = await Listing.get_or_none(id=listing_id)
    if listing is None or not outcomes:
        return
    total = await ListingMedia.filter(listing_id=listing_id).count()
    try:
        await resources.wechat.message.send_text(openid, report(listing.code, outcomes, total))
    except WeChatError as exc:
        log.info("media report to %s not sent: errcode %s", openid, exc.errcode)


def report(code: str, outcomes: list[media.Outcome], total: int) -> str:
    added = sorted((o.item for o in outcomes if o.item is not None), key=lambda item: item.position)
    lines = []
    if added:
        by_kind: dict[str, list[int]] = {}
        for item in added:
            by_kind.setdefault(item.kind.value, []).append(item.position)
        parts = [
            f"{fmt.media_kind(kind)}{len(positions)}个（{_numbers(positions)}）" for kind, positions in by_kind.items()
        ]
        lines.append(f"{code}已添加" + "、".join(parts) + f"，相册共{total}个。")
    failed = [chat_text(o.error) for o in outcomes if o.error is not None]
    if failed:
        lines.append(f"{len(failed)}个未能添加：" + "；".join(dict.fromkeys(failed)))
    if added:
        lines.append(texts.MEDIA_HOWTO.format(code=code) + f"；发「{code} 相册」查看全部。")
    return "\n".join(lines)


def _numbers(positions: list[int]) -> str:
    if len(positions) > 1 and positions == list(range(positions[0], positions[-1] + 1)):
        return f"第{positions[0]}-{positions[-1]}个"
    return "第" + "、".join(str(p) for p in positions) + "个"
