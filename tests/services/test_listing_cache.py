"""Cached mini-program answers follow every change a client could see: approval, edit, status, media."""

import asyncio
from decimal import Decimal

import pytest

from models import ListingMedia
from models.enums import ListingStatus, MediaKind, ReviewStatus
from services import listings, listings_public, media

API = "/api/mp/v1"


@pytest.fixture(autouse=True)
def _fresh_fake_wechat(fake_wechat):
    """Login codes are single-use at the fake: start every test with a reset fake."""
    return fake_wechat


async def _search(http, headers, **params):
    return [item["id"] for item in (await http.get(f"{API}/listings", params=params, headers=headers)).json()["items"]]


async def test_an_approved_listing_appears_in_a_search_already_cached(http, login, make_listing, team, settings):
    shown = await make_listing()
    pending = await make_listing(review_status=ReviewStatus.PENDING)
    headers = await login()
    assert await _search(http, headers, region="昆山") == [shown.id]
    await listings.review(actor=team["manager"], code=pending.code, approve=True, reason=None, settings=settings)
    assert set(await _search(http, headers, region="昆山")) == {shown.id, pending.id}


async def test_a_paused_listing_leaves_cached_searches_and_its_cached_detail(http, login, make_listing, team, settings):
    listing = await make_listing(owner=team["zhang"])
    headers = await login()
    assert await _search(http, headers, region="昆山") == [listing.id]
    assert (await http.get(f"{API}/listings/{listing.id}", headers=headers)).status_code == 200
    await listings.change_status(actor=team["zhang"], code=listing.code, status=ListingStatus.PAUSED, settings=settings)
    assert await _search(http, headers, region="昆山") == []
    assert (await http.get(f"{API}/listings/{listing.id}", headers=headers)).status_code == 404


async def test_an_edited_listing_shows_its_new_facts_in_cards_and_detail(http, login, make_listing):
    listing = await make_listing()
    headers = await login()
    await _search(http, headers, region="昆山")
    await http.get(f"{API}/listings/{listing.id}", headers=headers)
    listing.title, listing.rent = "花桥新装修厂房", Decimal("23")
    await listing.save(update_fields=["title", "rent"])
    card = (await http.get(f"{API}/listings", params={"region": "昆山"}, headers=headers)).json()["items"][0]
    detail = (await http.get(f"{API}/listings/{listing.id}", headers=headers)).json()
    assert (card["title"], card["rent"]) == (detail["title"], detail["rent"]) == ("花桥新装修厂房", "23.00")


async def test_a_new_cover_shows_in_cached_cards_and_detail(http, login, make_listing, team):
    listing = await make_listing(owner=team["zhang"])
    for n in (1, 2):
        await ListingMedia.create(
            listing=listing,
            kind=MediaKind.PHOTO,
            position=n,
            is_cover=n == 1,
            original_key=f"listing/{listing.id}/{n}.jpg",
            original_url=f"https://cdn.example/{n}.jpg",
            web_url=f"https://cdn.example/{n}-web.jpg",
        )
    headers = await login()
    assert (await http.get(f"{API}/listings", headers=headers)).json()["items"][0]["cover"].endswith("/1-web.jpg")
    await http.get(f"{API}/listings/{listing.id}", headers=headers)
    await media.set_cover(actor=team["zhang"], listing=listing, number=2)
    assert (await http.get(f"{API}/listings", headers=headers)).json()["items"][0]["cover"].endswith("/2-web.jpg")
    assert (await http.get(f"{API}/listings/{listing.id}", headers=headers)).json()["cover"].endswith("/2-web.jpg")


async def test_many_clients_missing_the_same_search_at_once_have_it_computed_once(
    resources, make_listing, settings, monkeypatch
):
    listing = await make_listing()
    computed = []

    async def search(*args, **kwargs):
        computed.append(args)
        await asyncio.sleep(0.01)  # still running when the others miss the same page
        return await real_search(*args, **kwargs)

    real_search = listings_public.search
    monkeypatch.setattr(listings_public, "search", search)
    pages = await asyncio.gather(
        *(
            listings_public.search_page(resources.redis, {"region": "昆山"}, None, 20, settings=settings)
            for _ in range(20)
        )
    )
    assert len(computed) == 1
    assert len(set(pages)) == 1 and f'"id":{listing.id},'.encode() in pages[0]
