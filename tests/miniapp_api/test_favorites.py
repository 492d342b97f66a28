"""PUT/DELETE /favorites/{id} and GET /favorites."""

from models.enums import ListingStatus

API = "/api/mp/v1"


async def test_favorites_are_added_once_listed_and_removed(http, login, make_listing):
    a, b = await make_listing(), await make_listing()
    headers = await login()
    for listing in (a, b, a):
        assert (await http.put(f"{API}/favorites/{listing.id}", headers=headers)).status_code == 204
    assert {i["id"] for i in (await http.get(f"{API}/favorites", headers=headers)).json()["items"]} == {a.id, b.id}
    assert (await http.delete(f"{API}/favorites/{a.id}", headers=headers)).status_code == 204
    assert [i["id"] for i in (await http.get(f"{API}/favorites", headers=headers)).json()["items"]] == [b.id]


async def test_favorites_are_per_user(http, login, make_listing):
    listing = await make_listing()
    await http.put(f"{API}/favorites/{listing.id}", headers=await login("alice"))
    assert (await http.get(f"{API}/favorites", headers=await login("bob"))).json()["items"] == []


async def test_closed_listings_cannot_be_favorited_and_drop_out_of_the_list(http, login, make_listing):
    closed = await make_listing(status=ListingStatus.CLOSED)
    headers = await login()
    assert (await http.put(f"{API}/favorites/{closed.id}", headers=headers)).status_code == 404
    later = await make_listing()
    await http.put(f"{API}/favorites/{later.id}", headers=headers)
    later.status = ListingStatus.CLOSED
    await later.save()
    assert (await http.get(f"{API}/favorites", headers=headers)).json()["items"] == []
