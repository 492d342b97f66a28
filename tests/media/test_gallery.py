"""A listing's gallery: order, cover, deletion, permissions, concurrent additions."""

from __future__ import annotations

import asyncio

import pytest

from models.enums import MediaKind, Role
from services import media
from services.errors import Forbidden, InvalidTourUrl, MediaItemNotFound, MediaKindMismatch
from tests.media.conftest import stored


async def _gallery(listing) -> list[tuple[str, bool]]:
    return [(item.caption, item.is_cover) for item in await media.list_for_listing(listing.id)]


async def _add_photos(owner, listing, *names: str) -> None:
    for name in names:
        await media.add(actor=owner, listing=listing, kind=MediaKind.PHOTO, stored=stored(name), caption=name)


async def test_items_are_numbered_in_order_and_the_first_photo_is_the_cover(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await media.add_link(actor=owner, listing=listing, url="https://vr.example/tour/1", caption="vr")
    await _add_photos(owner, listing, "a", "b")
    items = await media.list_for_listing(listing.id)
    assert [(i.position, i.kind, i.is_cover) for i in items] == [
        (1, MediaKind.VR_LINK, False),
        (2, MediaKind.PHOTO, True),
        (3, MediaKind.PHOTO, False),
    ]
    assert media.cover_url((await media.covers([listing.id]))[listing.id]) == "https://cdn.example/l/a-w.jpg"


async def test_move_puts_an_item_at_its_new_place_and_the_others_close_up(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await _add_photos(owner, listing, "a", "b", "c", "d")
    await media.move(actor=owner, listing=listing, number=4, to=1)
    assert [c for c, _ in await _gallery(listing)] == ["d", "a", "b", "c"]
    await media.move(actor=owner, listing=listing, number=1, to=3)
    assert [c for c, _ in await _gallery(listing)] == ["a", "b", "d", "c"]


async def test_set_cover_moves_the_flag_and_a_vr_link_cannot_be_the_cover(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await _add_photos(owner, listing, "a", "b")
    await media.add_link(actor=owner, listing=listing, url="https://vr.example/t")
    await media.set_cover(actor=owner, listing=listing, number=2)
    assert await _gallery(listing) == [("a", False), ("b", True), (None, False)]
    with pytest.raises(MediaKindMismatch) as refused:
        await media.set_cover(actor=owner, listing=listing, number=3)
    assert (refused.value.number, refused.value.wanted) == (3, "cover")


async def test_deleting_the_cover_passes_it_to_the_first_remaining_image_and_removes_the_files(
    make_staff, make_listing, resources
):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await _add_photos(owner, listing, "a", "b", "c")
    for key in ("l/a.jpg", "l/a-w.jpg", "l/a-t.jpg"):
        await resources.storage.put(key, b"x", "image/jpeg")
    gone = await media.delete(storage=resources.storage, actor=owner, listing=listing, number=1)
    assert gone.caption == "a"
    assert not any([await resources.storage.exists(k) for k in ("l/a.jpg", "l/a-w.jpg", "l/a-t.jpg")])
    assert await _gallery(listing) == [("b", True), ("c", False)]
    assert [i.position for i in await media.list_for_listing(listing.id)] == [1, 2]


@pytest.mark.parametrize("number", [0, 4, 99])
async def test_a_number_outside_the_gallery_says_how_many_there_are(number, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await _add_photos(owner, listing, "a", "b", "c")
    with pytest.raises(MediaItemNotFound) as refused:
        await media.delete(storage=None, actor=owner, listing=listing, number=number)
    assert (refused.value.number, refused.value.count) == (number, 3)


async def test_only_the_owner_or_a_manager_changes_the_gallery(make_staff, make_listing):
    owner, other = await make_staff("张三"), await make_staff("李四")
    manager = await make_staff("王经理", Role.MANAGER)
    listing = await make_listing(owner=owner)
    with pytest.raises(Forbidden):
        await _add_photos(other, listing, "x")
    await _add_photos(manager, listing, "m")
    with pytest.raises(Forbidden):
        await media.delete(storage=None, actor=other, listing=listing, number=1)
    assert await _gallery(listing) == [("m", True)]


async def test_photos_added_at_once_each_get_their_own_place(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await asyncio.gather(
        *(media.add(actor=owner, listing=listing, kind=MediaKind.PHOTO, stored=stored(str(n))) for n in range(8))
    )
    items = await media.list_for_listing(listing.id)
    assert [i.position for i in items] == list(range(1, 9))
    assert sum(i.is_cover for i in items) == 1


async def test_the_same_source_is_added_once(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    first = await media.add(actor=owner, listing=listing, kind=MediaKind.PHOTO, stored=stored("a"), source="wechat:M1")
    again = await media.add(actor=owner, listing=listing, kind=MediaKind.PHOTO, stored=stored("a"), source="wechat:M1")
    assert again.id == first.id and len(await media.list_for_listing(listing.id)) == 1


@pytest.mark.parametrize("url", ["javascript:alert(1)", "vr.example/t", "ftp://vr.example/t", "https://"])
async def test_a_vr_link_must_be_a_web_address(url, make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    with pytest.raises(InvalidTourUrl):
        await media.add_link(actor=owner, listing=listing, url=url)


async def test_a_photo_can_be_marked_a_panorama_but_not_a_video(make_staff, make_listing):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await _add_photos(owner, listing, "a")
    assert (
        await media.set_kind(actor=owner, listing=listing, number=1, kind=MediaKind.PANORAMA)
    ).kind == MediaKind.PANORAMA
    with pytest.raises(MediaKindMismatch):
        await media.set_kind(actor=owner, listing=listing, number=1, kind=MediaKind.VIDEO)
