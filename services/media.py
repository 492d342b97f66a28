"""A listing's gallery: list, add, reorder, choose the cover, caption, delete.

Positions run 1..n without gaps; the numbers salespeople type (``A12 删除第3张``)
are these positions. At most one item is the cover: the first photo (or
panorama, or floor plan) added becomes it, and deleting the cover passes it to
the first remaining image. Changes are made by the listing's owner or a
manager, under a lock on the listing row, so photos arriving together each get
their own place.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from media import processing
from models import Account, Listing, ListingMedia
from models.enums import MediaKind
from services import permissions
from services.errors import AppError, Forbidden, NotFound

log = logging.getLogger(__name__)

MAX_ITEMS = 60
"""Items per listing: a page of 60 photos is already more than anyone swipes through."""
IMAGE_KINDS = (MediaKind.PHOTO, MediaKind.PANORAMA, MediaKind.FLOOR_PLAN)
"""Kinds whose web-size file is an image of the thing itself, so they can be the cover."""
KIND_NAMES = {MediaKind.PHOTO: "照片", MediaKind.VIDEO: "视频", MediaKind.PANORAMA: "全景图",
              MediaKind.VR_LINK: "VR看房", MediaKind.DRONE_VIDEO: "航拍视频", MediaKind.FLOOR_PLAN: "平面图"}


@dataclass(frozen=True)
class StoredFiles:
    """What media processing stored for one upload (see ``media.processing``)."""

    content_type: str
    size_bytes: int
    original_key: str
    original_url: str
    web_key: str | None = None
    web_url: str | None = None
    thumb_key: str | None = None
    thumb_url: str | None = None
    width: int | None = None
    height: int | None = None

    @property
    def keys(self) -> list[str]:
        return [key for key in (self.original_key, self.web_key, self.thumb_key) if key]


class GalleryFull(AppError):
    code = "gallery_full"


class InvalidMedia(AppError):
    """An upload refused by its content: wrong type, too large, too many pixels, unreadable."""

    status, code = 415, "invalid_media"


def can_edit(actor: Account, listing: Listing) -> bool:
    return permissions.sees_all(actor) or listing.owner_id == actor.id


def ensure_can_edit(actor: Account, listing: Listing) -> None:
    if not can_edit(actor, listing):
        raise Forbidden(f"只有{listing.code}的负责人或经理能修改它的照片和视频")


async def list_for_listing(listing_id: int) -> list[ListingMedia]:
    return await ListingMedia.filter(listing_id=listing_id).order_by("position")


async def covers(listing_ids: list[int]) -> dict[int, ListingMedia]:
    """Each listing's cover item (listings without one are absent), in one query."""
    if not listing_ids:
        return {}
    items = await ListingMedia.filter(listing_id__in=listing_ids, is_cover=True)
    return {item.listing_id: item for item in items}


def cover_url(item: ListingMedia | None) -> str | None:
    """The picture to show for a listing in lists and share cards: the cover's web size."""
    if item is None:
        return None
    return item.web_url or item.original_url


def public(item: ListingMedia) -> dict[str, Any]:
    """What clients may see of an item (API and H5): no storage keys, no uploader."""
    return {"id": item.id, "kind": item.kind.value, "position": item.position, "is_cover": item.is_cover,
            "caption": item.caption, "url": item.original_url, "web_url": item.web_url or
            (item.original_url if item.kind in IMAGE_KINDS else None), "thumb_url": item.thumb_url,
            "width": item.width, "height": item.height, "content_type": item.content_type}


async def add(*, actor: Account, listing: Listing, kind: MediaKind, stored: StoredFiles,
              caption: str | None = None, source: str | None = None) -> ListingMedia:
    """Append a stored upload to the gallery; the first image becomes the cover.

    The same ``source`` (a WeChat media id) added twice returns the first item: a retried job adds nothing.
    """
    ensure_can_edit(actor, listing)
    return await _append(listing, dict(
        kind=kind, caption=_caption(caption), content_type=stored.content_type, size_bytes=stored.size_bytes,
        width=stored.width, height=stored.height, original_key=stored.original_key, original_url=stored.original_url,
        web_key=stored.web_key, web_url=stored.web_url, thumb_key=stored.thumb_key, thumb_url=stored.thumb_url,
        source=source, uploaded_by_id=actor.id,
    ))


async def add_upload(*, resources, actor: Account, listing: Listing, data: bytes, kind: MediaKind | None = None,
                     caption: str | None = None, source: str | None = None) -> ListingMedia:
    """Check, prepare and store an uploaded image or video, then append it to the gallery.

    ``kind`` marks what the file is (a panorama, a floor plan, a drone video); without it a 2:1 image is a
    panorama, other images photos, videos videos. ``InvalidMedia`` says why a file is refused; nothing is
    stored then.
    """
    ensure_can_edit(actor, listing)
    if source and (found := await ListingMedia.filter(listing_id=listing.id, source=source).first()):
        return found
    limits = processing.Limits.from_settings(resources.settings)
    what = processing.sniff(data)
    try:
        if what == "image":
            if kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO, MediaKind.VR_LINK):
                raise processing.Rejected(f"这是图片，不能作为{KIND_NAMES[kind]}")
            prepared = await processing.run_cpu(processing.image, data, limits)
            kind = kind or (MediaKind.PANORAMA if prepared.panorama else MediaKind.PHOTO)
            files = [prepared.original, prepared.web, prepared.thumb]
            frame = prepared
        elif what == "video":
            if kind not in (None, MediaKind.VIDEO, MediaKind.DRONE_VIDEO):
                raise processing.Rejected(f"这是视频，不能作为{KIND_NAMES[kind]}")
            video = await processing.video(data, limits)
            kind = kind or MediaKind.VIDEO
            frame = video.frame
            files = [video.original] + ([frame.web, frame.thumb] if frame else [])
        else:
            raise processing.Rejected("只能添加照片（JPG、PNG、WebP）或视频（MP4）")
    except processing.Rejected as exc:
        raise InvalidMedia(str(exc)) from None
    stored = await _store(resources.storage, listing, files, frame)
    try:
        return await add(actor=actor, listing=listing, kind=kind, stored=stored, caption=caption, source=source)
    except BaseException:
        await delete_files(resources.storage, stored.keys)
        raise


async def _store(storage, listing: Listing, files: list[processing.Rendition],
                 frame: processing.ProcessedImage | None) -> StoredFiles:
    """Original, web size and thumbnail under fresh keys (a new upload never overwrites a cached URL)."""
    stem = f"listing/{listing.id}/{secrets.token_hex(8)}"
    keys = [f"{stem}.{files[0].ext}", f"{stem}-w.jpg", f"{stem}-t.jpg"][:len(files)]
    urls = await asyncio.gather(*(storage.put(key, f.data, f.content_type) for key, f in zip(keys, files)))
    web_key, thumb_key = (keys[1], keys[2]) if len(keys) == 3 else (None, None)
    web_url, thumb_url = (urls[1], urls[2]) if len(urls) == 3 else (None, None)
    return StoredFiles(content_type=files[0].content_type, size_bytes=len(files[0].data), original_key=keys[0],
                       original_url=urls[0], web_key=web_key, web_url=web_url, thumb_key=thumb_key,
                       thumb_url=thumb_url, width=frame.width if frame else None,
                       height=frame.height if frame else None)


async def delete_files(storage, keys: list[str]) -> None:
    """Best effort: a file left behind wastes space, nothing worse."""
    for key in keys:
        try:
            await storage.delete(key)
        except Exception:  # whatever the store raised; the database row is what matters
            log.warning("could not delete media file %s", key, exc_info=True)


async def add_link(*, actor: Account, listing: Listing, url: str, caption: str | None = None) -> ListingMedia:
    """A VR/3D tour page from a tour provider; only http(s) URLs are taken."""
    ensure_can_edit(actor, listing)
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname or len(url) > 1024:
        raise AppError("VR链接需要是完整的 http(s):// 网址", code="invalid_url")
    return await _append(listing, dict(kind=MediaKind.VR_LINK, caption=_caption(caption), original_url=url,
                                       source=f"url:{url[:150]}", uploaded_by_id=actor.id))


async def _append(listing: Listing, values: dict[str, Any]) -> ListingMedia:
    source = values.get("source")
    try:
        async with in_transaction() as conn:
            await Listing.select_for_update().using_db(conn).get(id=listing.id)
            if source and (found := await ListingMedia.filter(listing_id=listing.id, source=source)
                           .using_db(conn).first()):
                return found
            items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
            if len(items) >= MAX_ITEMS:
                raise GalleryFull(f"{listing.code}已有{MAX_ITEMS}个照片和视频，请先删除一些")
            cover = values["kind"] in IMAGE_KINDS and not any(item.is_cover for item in items)
            return await ListingMedia.create(listing_id=listing.id, position=len(items) + 1, is_cover=cover,
                                             using_db=conn, **values)
    except IntegrityError:  # the same source, added by a concurrent job in between
        if source:
            return await ListingMedia.get(listing_id=listing.id, source=source)
        raise


async def get_item(listing: Listing, number: int) -> ListingMedia:
    item = await ListingMedia.filter(listing_id=listing.id, position=number).first()
    if item is None:
        count = await ListingMedia.filter(listing_id=listing.id).count()
        raise NotFound(f"{listing.code}没有第{number}个（共{count}个）" if count else f"{listing.code}还没有照片或视频")
    return item


async def move(*, actor: Account, listing: Listing, number: int, to: int) -> list[ListingMedia]:
    """Put item ``number`` at position ``to`` (both 1-based); the others close up. Returns the new order."""
    ensure_can_edit(actor, listing)
    async with in_transaction() as conn:
        await Listing.select_for_update().using_db(conn).get(id=listing.id)
        items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
        _check_number(listing, items, number)
        _check_number(listing, items, to)
        moved = items.pop(number - 1)
        items.insert(to - 1, moved)
        await _renumber(items, conn)
    return items


async def set_cover(*, actor: Account, listing: Listing, number: int) -> ListingMedia:
    ensure_can_edit(actor, listing)
    async with in_transaction() as conn:
        await Listing.select_for_update().using_db(conn).get(id=listing.id)
        items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
        _check_number(listing, items, number)
        chosen = items[number - 1]
        if chosen.kind not in IMAGE_KINDS and not chosen.web_url:
            raise AppError(f"第{number}个是{KIND_NAMES[chosen.kind]}，没有可作封面的图片", code="not_an_image")
        await ListingMedia.filter(listing_id=listing.id, is_cover=True).using_db(conn).update(is_cover=False)
        await ListingMedia.filter(id=chosen.id).using_db(conn).update(is_cover=True)
        chosen.is_cover = True
    return chosen


async def set_kind(*, actor: Account, listing: Listing, number: int, kind: MediaKind) -> ListingMedia:
    """Correct what an item is (a photo that is really a panorama or a floor plan; a video shot by drone)."""
    ensure_can_edit(actor, listing)
    item = await get_item(listing, number)
    is_video = item.kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO)
    if item.kind == MediaKind.VR_LINK or is_video != (kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO)):
        raise AppError(f"第{number}个是{KIND_NAMES[item.kind]}，不能标成{KIND_NAMES[kind]}", code="wrong_kind")
    item.kind = kind
    await item.save(update_fields=["kind"])
    return item


async def set_caption(*, actor: Account, listing: Listing, number: int, caption: str | None) -> ListingMedia:
    ensure_can_edit(actor, listing)
    item = await get_item(listing, number)
    item.caption = _caption(caption)
    await item.save(update_fields=["caption"])
    return item


async def delete(*, storage, actor: Account, listing: Listing, number: int) -> ListingMedia:
    """Remove item ``number`` and, once that is committed, its files; returns the item removed."""
    ensure_can_edit(actor, listing)
    async with in_transaction() as conn:
        await Listing.select_for_update().using_db(conn).get(id=listing.id)
        items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
        _check_number(listing, items, number)
        gone = items.pop(number - 1)
        await ListingMedia.filter(id=gone.id).using_db(conn).delete()
        if gone.is_cover and (heir := next((i for i in items if i.kind in IMAGE_KINDS), None)):
            heir.is_cover = True
            await ListingMedia.filter(id=heir.id).using_db(conn).update(is_cover=True)
        await _renumber(items, conn)
    await delete_files(storage, [key for key in (gone.original_key, gone.web_key, gone.thumb_key) if key])
    return gone


def _check_number(listing: Listing, items: list[ListingMedia], number: int) -> None:
    if not items:
        raise NotFound(f"{listing.code}还没有照片或视频")
    if not 1 <= number <= len(items):
        raise NotFound(f"{listing.code}没有第{number}个（共{len(items)}个）")


async def _renumber(items: list[ListingMedia], conn) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            await ListingMedia.filter(id=item.id).using_db(conn).update(position=position)


def _caption(caption: str | None) -> str | None:
    caption = (caption or "").strip()
    return caption[:128] or None
