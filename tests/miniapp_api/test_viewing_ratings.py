"""A client rates a viewing in the mini-program after it ended: GET /viewings says which ones are open to
rating (the mini-program's invitation), POST /viewings/{id}/rating stores the 1-5 score once."""

from datetime import datetime, timedelta, timezone

from models import Notification, Viewing, ViewingRating, WechatUser
from models.enums import ViewingStatus
from services import ratings
from tests.miniapp_api.test_viewings import API, at, booking


async def booked(http, headers, listing, *, ended: bool = True) -> int:
    response = await http.post(f"{API}/viewings", json=booking(listing, at(0)), headers=headers)
    assert response.status_code == 201, response.text
    viewing_id = response.json()["id"]
    if ended:
        now = datetime.now(timezone.utc)
        await Viewing.filter(id=viewing_id).update(start_at=now - timedelta(hours=2), end_at=now - timedelta(hours=1))
    return viewing_id


async def mine(http, headers) -> dict[int, dict]:
    response = await http.get(f"{API}/viewings", headers=headers)
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


async def test_an_ended_viewing_is_open_to_rating_and_rated_once(http, login, make_listing):
    headers = await login()
    viewing_id = await booked(http, headers, await make_listing())
    item = (await mine(http, headers))[viewing_id]
    assert (item["status"], item["rate_state"], item["score"]) == ("done", "open", None)
    response = await http.post(
        f"{API}/viewings/{viewing_id}/rating", json={"score": 4, "comment": "很专业"}, headers=headers
    )
    assert response.status_code == 201, response.text
    assert (await ViewingRating.get(viewing_id=viewing_id)).comment == "很专业"
    assert (await mine(http, headers))[viewing_id]["rate_state"] == "rated"
    again = await http.post(f"{API}/viewings/{viewing_id}/rating", json={"score": 1}, headers=headers)
    assert (again.status_code, again.json()["error"]["code"]) == (409, "already_rated")
    assert (await ViewingRating.get(viewing_id=viewing_id)).score == 4


async def test_a_viewing_not_over_yet_cannot_be_rated(http, login, make_listing):
    headers = await login()
    viewing_id = await booked(http, headers, await make_listing(), ended=False)
    assert (await mine(http, headers))[viewing_id]["rate_state"] == "not_yet"
    response = await http.post(f"{API}/viewings/{viewing_id}/rating", json={"score": 5}, headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (409, "viewing_not_over")


async def test_a_cancelled_or_long_past_viewing_is_closed_to_rating(http, login, make_listing):
    headers = await login()
    cancelled = await booked(http, headers, await make_listing())
    await Viewing.filter(id=cancelled).update(status=ViewingStatus.CANCELLED)
    old = await booked(http, headers, await make_listing())
    long_ago = datetime.now(timezone.utc) - ratings.RATE_FOR - timedelta(days=1)
    await Viewing.filter(id=old).update(start_at=long_ago - timedelta(hours=1), end_at=long_ago)
    listed = await mine(http, headers)
    assert (listed[cancelled]["status"], listed[cancelled]["rate_state"]) == ("cancelled", "closed")
    assert listed[old]["rate_state"] == "closed"
    for viewing_id in (cancelled, old):
        response = await http.post(f"{API}/viewings/{viewing_id}/rating", json={"score": 5}, headers=headers)
        assert (response.status_code, response.json()["error"]["code"]) == (409, "rating_closed")


async def test_someone_else_s_viewing_is_not_found_and_not_listed(http, login, make_listing):
    viewing_id = await booked(http, await login("alice"), await make_listing())
    bob = await login("bob")
    assert viewing_id not in await mine(http, bob)
    response = await http.post(f"{API}/viewings/{viewing_id}/rating", json={"score": 5}, headers=bob)
    assert response.status_code == 404
    assert not await ViewingRating.exists()


async def test_a_viewing_the_salesperson_arranged_for_my_client_record_is_mine_to_rate(
    http, login, make_listing, make_client, team
):
    headers = await login("carol")
    user = await WechatUser.get(miniapp_openid__isnull=False)
    client = await make_client(team["zhang"], "华兴精密")
    client.wechat_user_id = user.id
    await client.save(update_fields=["wechat_user_id"])
    now = datetime.now(timezone.utc)
    viewing = await Viewing.create(
        listing=await make_listing(), client=client, start_at=now - timedelta(hours=2), end_at=now - timedelta(hours=1)
    )
    assert (await mine(http, headers))[viewing.id]["rate_state"] == "open"
    response = await http.post(f"{API}/viewings/{viewing.id}/rating", json={"score": 5}, headers=headers)
    assert response.status_code == 201
    rating = await ViewingRating.get(viewing_id=viewing.id)
    assert (rating.client_id, rating.owner_id) == (client.id, team["zhang"].id)  # counts for 张三's satisfaction


async def test_a_bad_score_is_a_400_naming_the_field(http, login, make_listing):
    headers = await login()
    viewing_id = await booked(http, headers, await make_listing())
    for body in ({"score": 0}, {"score": 6}, {"score": "5"}, {}, {"score": 5, "extra": 1}):
        response = await http.post(f"{API}/viewings/{viewing_id}/rating", json=body, headers=headers)
        assert response.status_code == 400, body


async def test_the_salesperson_is_not_asked_to_forward_a_link_for_a_viewing_rated_in_the_mini_program(
    http, login, make_listing, make_client, team, settings
):
    headers = await login("dave")
    user = await WechatUser.get(miniapp_openid__isnull=False)
    client = await make_client(team["zhang"], "新锐医疗")
    client.wechat_user_id = user.id
    await client.save(update_fields=["wechat_user_id"])
    now = datetime.now(timezone.utc)
    listing = await make_listing()
    rated, unrated = [
        await Viewing.create(
            listing=listing, client=client, start_at=now - timedelta(hours=h + 1), end_at=now - timedelta(hours=h)
        )
        for h in (1, 3)
    ]
    assert (await http.post(f"{API}/viewings/{rated.id}/rating", json={"score": 3}, headers=headers)).status_code == 201
    assert await ratings.queue_links(settings) == 1
    assert [n.dedupe_key for n in await Notification.filter(dedupe_key__startswith="rating:")] == [
        f"rating:{unrated.id}"
    ]
