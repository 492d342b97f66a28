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
import json
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
from services import listing_cache
from services.errors import (
    AppError,
    GalleryFull,
    InvalidMedia,
    InvalidTourUrl,
    MediaItemNotFound,
    MediaKindMismatch,
    MediaOwnerOnly,
    WeChatMediaGone,
    WeChatMediaUnavailable,
)
from wechat import TransientError, WeChatError

log = logging.getLogger(__name__)

MAX_ITEMS = 60
"""Items per listing: a page of 60 photos is already more than anyone swipes through."""
IMAGE_KINDS = (MediaKind.PHOTO, MediaKind.PANORAMA, MediaKind.FLOOR_PLAN)
"""Kinds whose web-size file is an image of the thing itself, so they can be the cover."""


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


def can_edit(actor: Account, listing: Listing) -> bool:
    return actor.is_manager or listing.owner_id == actor.id


def ensure_can_edit(actor: Account, listing: Listing) -> None:
    if not can_edit(actor, listing):
        raise MediaOwnerOnly(listing)


async def list_for_listing(listing_id: int) -> list[ListingMedia]:
    return await ListingMedia.filter(listing_id=listing_id).order_by("position")


async def count_for_listing(listing_id: int) -> int:
    return await ListingMedia.filter(listing_id=listing_id).count()


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
    return {
        "id": item.id,
        "kind": item.kind.value,
        "position": item.position,
        "is_cover": item.is_cover,
        "caption": item.caption,
        "url": item.original_url,
        "web_url": item.web_url or (item.original_url if item.kind in IMAGE_KINDS else None),
        "thumb_url": item.thumb_url,
        "width": item.width,
        "height": item.height,
        "content_type": item.content_type,
    }


async def add(
    *,
    actor: Account,
    listing: Listing,
    kind: MediaKind,
    stored: StoredFiles,
    caption: str | None = None,
    source: str | None = None,
) -> ListingMedia:
    """Append a stored upload to the gallery; the first image becomes the cover.

    The same ``source`` (a WeChat media id) added twice returns the first item: a retried job adds nothing.
    """
    ensure_can_edit(actor, listing)
    return await _append(
        listing,
        dict(
            kind=kind,
            caption=_caption(caption),
            content_type=stored.content_type,
            size_bytes=stored.size_bytes,
            width=stored.width,
            height=stored.height,
            original_key=stored.original_key,
            original_url=stored.original_url,
            web_key=stored.web_key,
            web_url=stored.web_url,
            thumb_key=stored.thumb_key,
            thumb_url=stored.thumb_url,
            source=source,
            uploaded_by_id=actor.id,
        ),
    )


async def add_upload(
    *,
    resources,
    actor: Account,
    listing: Listing,
    data: bytes,
    kind: MediaKind | None = None,
    caption: str | None = None,
    source: str | None = None,
) -> ListingMedia:
    """Check, prepare and store an uploaded image or video, then append it to the gallery.

    ``kind`` marks what the file is (a panorama, a floor plan, a drone video); without it a 2:1 image is a
    panorama, other images photos, videos videos. ``InvalidMedia`` says why a file is refused; nothing is
    stored then.
    """
    ensure_can_edit(actor, listing)
    if source and (found := await ListingMedia.filter(listing_id=listing.id, source=source).first()):
        return found
    limits = resources.settings.media
    what = processing.sniff(data)
    try:
        if what == "image":
            if kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO, MediaKind.VR_LINK):
                raise processing.Rejected("image_as", kind=kind)
            prepared = await processing.run_cpu(processing.image, data, limits)
            kind = kind or (MediaKind.PANORAMA if prepared.panorama else MediaKind.PHOTO)
            files = [prepared.original, prepared.web, prepared.thumb]
            frame = prepared
        elif what == "video":
            if kind not in (None, MediaKind.VIDEO, MediaKind.DRONE_VIDEO):
                raise processing.Rejected("video_as", kind=kind)
            video = await processing.video(data, limits)
            kind = kind or MediaKind.VIDEO
            frame = video.frame
            files = [video.original] + ([frame.web, frame.thumb] if frame else [])
        else:
            raise processing.Rejected("not_media")
    except processing.Rejected as exc:
        raise InvalidMedia(exc.reason, **exc.facts) from None
    stored = await _store(resources.storage, listing, files, frame)
    try:
        return await add(actor=actor, listing=listing, kind=kind, stored=stored, caption=caption, source=source)
    except BaseException:
        await delete_files(resources.storage, stored.keys)
        raise


async def _store(
    storage, listing: Listing, files: list[processing.Rendition], frame: processing.ProcessedImage | None
) -> StoredFiles:
    """Original, web size and thumbnail under fresh keys (a new upload never overwrites a cached URL)."""
    stem = f"listing/{listing.id}/{secrets.token_hex(8)}"
    keys = [f"{stem}.{files[0].ext}", f"{stem}-w.jpg", f"{stem}-t.jpg"][: len(files)]
    urls = await asyncio.gather(*(storage.put(key, f.data, f.content_type) for key, f in zip(keys, files, strict=True)))
    web_key, thumb_key = (keys[1], keys[2]) if len(keys) == 3 else (None, None)
    web_url, thumb_url = (urls[1], urls[2]) if len(urls) == 3 else (None, None)
    return StoredFiles(
        content_type=files[0].content_type,
        size_bytes=len(files[0].data),
        original_key=keys[0],
        original_url=urls[0],
        web_key=web_key,
        web_url=web_url,
        thumb_key=thumb_key,
        thumb_url=thumb_url,
        width=frame.width if frame else None,
        height=frame.height if frame else None,
    )


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
        raise InvalidTourUrl()
    return await _append(
        listing,
        dict(
            kind=MediaKind.VR_LINK,
            caption=_caption(caption),
            original_url=url,
            source=f"url:{url[:150]}",
            uploaded_by_id=actor.id,
        ),
    )


async def _append(listing: Listing, values: dict[str, Any]) -> ListingMedia:
    source = values.get("source")
    try:
        async with in_transaction() as conn:
            await Listing.select_for_update().using_db(conn).get(id=listing.id)
            if source and (
                found := await ListingMedia.filter(listing_id=listing.id, source=source).using_db(conn).first()
            ):
                return found
            items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
            if len(items) >= MAX_ITEMS:
                raise GalleryFull(listing, MAX_ITEMS)
            cover = values["kind"] in IMAGE_KINDS and not any(item.is_cover for item in items)
            return await ListingMedia.create(
                listing_id=listing.id, position=len(items) + 1, is_cover=cover, using_db=conn, **values
            )
    except IntegrityError:  # the same source, added by a concurrent job in between
        if source:
            return await ListingMedia.get(listing_id=listing.id, source=source)
        raise


async def get_item(listing: Listing, number: int) -> ListingMedia:
    item = await ListingMedia.filter(listing_id=listing.id, position=number).first()
    if item is None:
        raise MediaItemNotFound(listing, number, await ListingMedia.filter(listing_id=listing.id).count())
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
    await listing_cache.changed(listing.id)
    return items


async def set_cover(*, actor: Account, listing: Listing, number: int) -> ListingMedia:
    ensure_can_edit(actor, listing)
    async with in_transaction() as conn:
        await Listing.select_for_update().using_db(conn).get(id=listing.id)
        items = await ListingMedia.filter(listing_id=listing.id).using_db(conn).order_by("position")
        _check_number(listing, items, number)
        chosen = items[number - 1]
        if chosen.kind not in IMAGE_KINDS and not chosen.web_url:
            raise MediaKindMismatch(number, chosen.kind, "cover")
        await ListingMedia.filter(listing_id=listing.id, is_cover=True).using_db(conn).update(is_cover=False)
        await ListingMedia.filter(id=chosen.id).using_db(conn).update(is_cover=True)
        chosen.is_cover = True
    await listing_cache.changed(listing.id)
    return chosen


async def set_kind(*, actor: Account, listing: Listing, number: int, kind: MediaKind) -> ListingMedia:
    """Correct what an item is (a photo that is really a panorama or a floor plan; a video shot by drone)."""
    ensure_can_edit(actor, listing)
    item = await get_item(listing, number)
    is_video = item.kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO)
    if item.kind == MediaKind.VR_LINK or is_video != (kind in (MediaKind.VIDEO, MediaKind.DRONE_VIDEO)):
        raise MediaKindMismatch(number, item.kind, kind.value)
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
    await listing_cache.changed(listing.id)
    await delete_files(storage, [key for key in (gone.original_key, gone.web_key, gone.thumb_key) if key])
    return gone


def _check_number(listing: Listing, items: list[ListingMedia], number: int) -> None:
    if not 1 <= number <= len(items):
        raise MediaItemNotFound(listing, number, len(items))


async def _renumber(items: list[ListingMedia], conn) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            await ListingMedia.filter(id=item.id).using_db(conn).update(position=position)


def _caption(caption: str | None) -> str | None:
    caption = (caption or "").strip()
    return caption[:128] or None


# ---- photos and videos sent to the official account -----------------------------------------------------

WECHAT_TRIES = 3
REPORT_DELAY_S = 2.0
"""Photos sent together are reported together: the drain waits this long for the rest of a burst."""
_BURST_TTL_S = 600


DRAIN_ALIVE_S = 180
"""A drain that has not taken a file for this long is presumed dead (worker killed): the next file starts one."""
_FINISH = """
redis.call('DECRBY', KEYS[1], ARGV[1])
if redis.call('LLEN', KEYS[2]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[3])
  return 1
end
return 0
"""
"""Atomically (a file is queued with RPUSH and INCR in one transaction): count the files taken, and finish
when none is left, clearing a count that a dead drain left behind."""


def _keys(openid: str, listing_id: int) -> tuple[str, str, str]:
    """The queue of media ids a salesperson sent for a listing, how many of them are not yet reported, and
    the drain's sign of life."""
    base = f"{openid}:{listing_id}"
    return f"media:queue:{base}", f"media:pending:{base}", f"media:draining:{base}"


@dataclass(frozen=True)
class Queued:
    first: bool
    """The first file of a burst (the chat acknowledges that one, the rest quietly)."""
    start_drain: bool
    """No drain is running for this queue: the caller queues the job that runs ``drain_wechat_queue``."""


async def queue_from_wechat(
    resources, *, actor: Account, openid: str, listing: Listing, media_id: str, kind: MediaKind | None
) -> Queued:
    """Fetch a message's image or video in the background (WeChat keeps it 3 days) and add it to the gallery.

    Files are added in the order they were sent: one job per salesperson and listing (the chat's
    ``add_chat_media``) drains the queue with ``drain_wechat_queue`` and reports once.
    """
    ensure_can_edit(actor, listing)
    redis = resources.redis
    queue, pending, alive = _keys(openid, listing.id)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.rpush(queue, json.dumps({"media_id": media_id, "kind": kind.value if kind else None}))
        pipe.incr(pending)
        pipe.expire(queue, _BURST_TTL_S)
        pipe.expire(pending, _BURST_TTL_S)
        _, count, *_ = await pipe.execute()
    start = count == 1 or bool(await redis.set(alive, 1, ex=DRAIN_ALIVE_S, nx=True))
    if start:
        await redis.set(alive, 1, ex=DRAIN_ALIVE_S)
    return Queued(first=count == 1, start_drain=start)


@dataclass(frozen=True)
class Outcome:
    """What became of one file sent in chat: the item added, or why not."""

    item: ListingMedia | None = None
    error: AppError | None = None


async def drain_wechat_queue(resources, *, account_id: int, openid: str, listing_id: int) -> list[Outcome]:
    """Add the queued files one by one, in the order sent; returns what became of each (the caller reports).

    One drain runs per queue: a new one is queued by the file that finds nothing pending (or the drain
    dead), and this one stops only when nothing is pending.
    """
    redis = resources.redis
    queue, pending, alive = _keys(openid, listing_id)
    outcomes: list[Outcome] = []
    taken = 0
    while True:
        await redis.set(alive, 1, ex=DRAIN_ALIVE_S)
        raw = await redis.lpop(queue)
        if raw is not None:
            entry = json.loads(raw)
            outcomes.append(await _attach(resources, account_id, listing_id, entry["media_id"], entry["kind"]))
            taken += 1
            continue
        await asyncio.sleep(REPORT_DELAY_S)
        if await redis.eval(_FINISH, 3, pending, queue, alive, taken):
            return outcomes
        taken = 0


async def _attach(resources, account_id: int, listing_id: int, media_id: str, kind: str | None) -> Outcome:
    """One file: fetched (retrying WeChat's hiccups), checked, stored, added."""
    actor = await Account.get_or_none(id=account_id)
    listing = await Listing.get_or_none(id=listing_id)
    if actor is None or listing is None:
        return Outcome(error=MediaOwnerOnly(listing) if listing else WeChatMediaGone())
    try:
        data = await _fetch(resources, media_id)
        item = await add_upload(
            resources=resources,
            actor=actor,
            listing=listing,
            data=data,
            kind=MediaKind(kind) if kind else None,
            source=f"wechat:{media_id}",
        )
    except AppError as exc:
        return Outcome(error=exc)
    return Outcome(item=item)


async def _fetch(resources, media_id: str) -> bytes:
    for attempt in range(1, WECHAT_TRIES + 1):
        try:
            return await resources.wechat.media.get(media_id)
        except TransientError:
            if attempt == WECHAT_TRIES:
                raise WeChatMediaUnavailable() from None
            await asyncio.sleep(2 * attempt)
        except WeChatError as exc:
            log.info("media %s not fetched: errcode %s", media_id, exc.errcode)
            raise WeChatMediaGone() from None
    raise WeChatMediaUnavailable()
