"""What clients read most, kept in Redis: search pages, listing cards and detail pages.

A campaign sends thousands of clients to the same few searches and listings. Answers are kept as the
response bytes for ``TTL_S``, and a process computes a missing answer once however many clients ask for
it at the same moment (``filled``); any change a client could see (approval, edit, status, media) drops the
listing's card and detail and starts a new generation of search pages, in every process at once.
Saves of ``Listing`` and ``ListingMedia`` rows are caught by model signals; services that change
listings with a bulk ``UPDATE`` call ``changed`` themselves. A reader that fills the cache while a
change is still uncommitted can keep the old answer until ``TTL_S`` at most.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from redis.asyncio import Redis
from tortoise.signals import post_delete, post_save

from core import kv
from models import Listing, ListingMedia

TTL_S = 30
GENERATION = "lc:gen"
_open: list[Redis] = []
"""This process's open Redis clients, newest last: changes are announced through the newest."""
_filling: dict[str, asyncio.Task[bytes]] = {}
"""Answers being computed in this process, by cache key."""


def use(redis: Redis) -> None:
    """Called when a process's resources open."""
    _open.append(redis)


def stop_using(redis: Redis) -> None:
    """Called when ``redis`` closes."""
    if redis in _open:
        _open.remove(redis)


def card_key(listing_id: int) -> str:
    return f"lc:card:{listing_id}"


def detail_key(listing_id: int) -> str:
    return f"lc:detail:{listing_id}"


def search_key(query: dict[str, Any]) -> str:
    canonical = json.dumps(query, sort_keys=True, ensure_ascii=False, default=str)
    return "lc:search:" + hashlib.blake2b(canonical.encode(), digest_size=16).hexdigest()


async def changed(*listing_ids: int) -> None:
    """Forget what clients were shown of these listings, and every search page."""
    if not _open:
        return
    pipe = _open[-1].pipeline(transaction=False)
    pipe.incr(GENERATION)
    for listing_id in listing_ids:
        pipe.delete(card_key(listing_id), detail_key(listing_id))
    await pipe.execute()


async def search_page(redis: Redis, key: str) -> tuple[bytes | None, bytes]:
    """The cached page (None if absent or of an older generation) and the current generation."""
    generation, stored = await kv.batcher(redis).call("mget", GENERATION, key)
    generation = generation or b"0"
    if stored is not None:
        kept, _, body = stored.partition(b"|")
        if kept == generation:
            return body, generation
    return None, generation


async def keep_search_page(redis: Redis, key: str, generation: bytes, body: bytes) -> None:
    await kv.batcher(redis).call("set", key, generation + b"|" + body, ex=TTL_S)


async def filled(key: str, compute: Callable[[], Awaitable[bytes]]) -> bytes:
    """``compute()``'s answer for a missing ``key``: callers that miss the same key while it runs wait for
    that one computation instead of each running the same queries (a cold cache under a campaign's burst).

    A caller that goes away (client disconnected) does not cancel the computation the others wait for.
    """
    task = _filling.get(key)
    if task is None or task.get_loop() is not asyncio.get_running_loop():  # a loop closed mid-computation
        task = _filling[key] = asyncio.ensure_future(compute())
        task.add_done_callback(lambda _: _filling.pop(key, None))
    return await asyncio.shield(task)


async def get(redis: Redis, key: str) -> bytes | None:
    return await kv.batcher(redis).call("get", key)


async def cards(redis: Redis, listing_ids: list[int]) -> list[bytes | None]:
    if not listing_ids:
        return []
    return await kv.batcher(redis).call("mget", [card_key(i) for i in listing_ids])


async def keep(redis: Redis, values: dict[str, bytes]) -> None:
    if not values:
        return
    pipe = redis.pipeline(transaction=False)
    for key, value in values.items():
        pipe.set(key, value, ex=TTL_S)
    await pipe.execute()


@post_save(Listing)
async def _listing_saved(sender, instance: Listing, created, using_db, update_fields) -> None:
    await changed(instance.id)


@post_delete(Listing)
async def _listing_deleted(sender, instance: Listing, using_db) -> None:
    await changed(instance.id)


@post_save(ListingMedia)
async def _media_saved(sender, instance: ListingMedia, created, using_db, update_fields) -> None:
    await changed(instance.listing_id)


@post_delete(ListingMedia)
async def _media_deleted(sender, instance: ListingMedia, using_db) -> None:
    await changed(instance.listing_id)
