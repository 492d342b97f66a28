"""POST /viewings: one booked viewing per listing per slot."""

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from models import Notification, Viewing

API = "/api/mp/v1"


CST = timezone(timedelta(hours=8))


def at(hours: float) -> str:
    """Tomorrow 11:00 in Shanghai plus ``hours``: inside the viewing hours (09:00-18:00) for -2 <= hours <= 6."""
    tomorrow = datetime.now(CST).date() + timedelta(days=1)
    return (datetime(tomorrow.year, tomorrow.month, tomorrow.day, 11, tzinfo=CST) + timedelta(hours=hours)).isoformat()


def booking(listing, start_at: str, **visitor) -> dict:
    """A booking body with the visitor's name and phone (asked once, remembered)."""
    return {"listing_id": listing.id, "start_at": start_at, "name": "王先生", "phone": "13800001111", **visitor}


async def test_booking_a_free_slot_is_201_and_holds_an_hour(http, login, make_listing):
    listing = await make_listing()
    response = await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=await login())
    assert response.status_code == 201, response.text
    viewing = await Viewing.get(id=response.json()["id"])
    assert viewing.end_at - viewing.start_at == timedelta(hours=1)


@pytest.mark.parametrize("offset, status", [(0, 409), (0.5, 409), (-0.5, 409), (1, 201), (-1, 201)])
async def test_overlapping_slots_clash_and_adjacent_ones_do_not(offset, status, http, login, make_listing):
    listing = await make_listing()
    headers = await login()
    assert (await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)).status_code == 201
    response = await http.post(f"{API}/viewings", json=booking(listing, at(offset)), headers=await login("bob"))
    assert response.status_code == status
    if status == 409:
        assert response.json()["error"]["code"] == "slot_taken"


async def test_the_same_slot_on_another_listing_is_free(http, login, make_listing):
    a, b = await make_listing(), await make_listing()
    headers = await login()
    for listing in (a, b):
        response = await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)
        assert response.status_code == 201


async def test_simultaneous_bookings_of_one_slot_give_exactly_one_201(http, login, make_listing):
    listing = await make_listing()
    heads = [await login(f"user{n}") for n in range(6)]
    responses = await asyncio.gather(
        *(http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=h) for h in heads)
    )
    assert sorted(r.status_code for r in responses) == [201] + [409] * 5
    assert await Viewing.filter(listing_id=listing.id).count() == 1


async def test_the_listing_owner_is_told_about_a_booking(http, login, make_listing, make_staff, words):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=await login())
    assert words(await Notification.get(recipient_id=owner.id))["title"] == "小程序预约看房"


@pytest.mark.parametrize(
    "start_at",
    [
        "2020-01-01T10:00:00+08:00",
        "2026-13-01T10:00:00+08:00",
        "tomorrow",
        "2030-01-01T10:00:00",
        "9999-12-31T23:59:59+14:00",
        1700000000,
        None,
    ],
)
async def test_bad_start_times_are_400(start_at, http, login, make_listing):
    listing = await make_listing()
    response = await http.post(f"{API}/viewings", json=booking(listing, start_at), headers=await login())
    assert response.status_code == 400
    assert "start_at" in response.json()["error"]["fields"]


async def test_booking_a_paused_listing_is_404(http, login, make_listing):
    from models.enums import ListingStatus

    listing = await make_listing(status=ListingStatus.PAUSED)
    response = await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=await login())
    assert response.status_code == 404


async def test_a_user_holds_at_most_three_open_viewings_until_one_is_cancelled(http, login, make_listing):
    """Issue 11 item 6: one user could take every viewing slot."""
    listing = await make_listing()
    headers = await login()
    booked = []
    for hour in range(3):
        response = await http.post(f"{API}/viewings", json=booking(listing, at(hour)), headers=headers)
        assert response.status_code == 201
        booked.append(response.json()["id"])
    response = await http.post(f"{API}/viewings", json=booking(listing, at(5)), headers=headers)
    assert response.status_code == 409 and response.json()["error"]["code"] == "too_many_viewings"
    assert (
        await http.post(f"{API}/viewings", json=booking(listing, at(5)), headers=await login("bob"))
    ).status_code == 201
    assert (await http.delete(f"{API}/viewings/{booked[0]}", headers=headers)).status_code == 204
    response = await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)
    assert response.status_code == 201, "the cancelled slot is free again and the user is under the limit"


async def test_simultaneous_bookings_by_one_user_never_pass_the_limit(http, login, make_listing):
    listings = [await make_listing() for _ in range(6)]
    headers = await login()
    responses = await asyncio.gather(
        *(http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers) for listing in listings)
    )
    assert sorted(r.status_code for r in responses) == [201] * 3 + [409] * 3


async def test_only_the_owner_cancels_a_viewing_and_the_salesperson_is_told(
    http, login, make_listing, make_staff, words
):
    owner = await make_staff("张三")
    listing = await make_listing(owner=owner)
    headers = await login()
    viewing_id = (await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)).json()["id"]
    assert (await http.delete(f"{API}/viewings/{viewing_id}", headers=await login("mallory"))).status_code == 404
    assert (await http.delete(f"{API}/viewings/{viewing_id}", headers=headers)).status_code == 204
    assert (await Viewing.get(id=viewing_id)).status.value == "cancelled"
    notice = await Notification.get(dedupe_key=f"viewing:{viewing_id}:cancelled")
    assert notice.recipient_id == owner.id and listing.code in words(notice)["detail"]
    again = await http.delete(f"{API}/viewings/{viewing_id}", headers=headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "not_booked"
    assert (await http.delete(f"{API}/viewings/99999999", headers=headers)).status_code == 404


async def test_the_visitors_name_and_phone_are_asked_once_and_remembered(http, login, make_listing):
    from models import WechatUser

    listing = await make_listing()
    headers = await login("carol")
    bare = {"listing_id": listing.id, "start_at": at(0)}
    response = await http.post(f"{API}/viewings", json=bare, headers=headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "contact_required"
    assert set(response.json()["error"]["fields"]) == {"name", "phone"}
    bad = await http.post(f"{API}/viewings", json=booking(listing, at(0), phone="12345"), headers=headers)
    assert bad.status_code == 400 and "phone" in bad.json()["error"]["fields"]
    assert (await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)).status_code == 201
    user = await WechatUser.get(miniapp_openid__not_isnull=True, name="王先生")
    assert user.phone == "13800001111" and user.phone_hash is not None
    again = await http.post(f"{API}/viewings", json={"listing_id": listing.id, "start_at": at(2)}, headers=headers)
    assert again.status_code == 201


@pytest.mark.parametrize("hour", [7, 8.5, 17.5, 21])
async def test_viewings_are_booked_only_inside_the_viewing_hours(hour, http, login, make_listing):
    listing = await make_listing()
    response = await http.post(f"{API}/viewings", json=booking(listing, at(hour - 11)), headers=await login())
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "outside_viewing_hours"
    assert "09:00-18:00" in response.json()["error"]["fields"]["start_at"]
