"""The satisfaction page: a client rates a viewing 1-5 through the signed link the salesperson forwarded."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from models import Viewing, ViewingRating
from models.enums import ViewingStatus
from services import ratings


@pytest.fixture
async def viewing(team, make_client, make_listing):
    client = await make_client(team["zhang"], "华兴精密")
    listing = await make_listing(title="花桥独栋厂房")
    start = datetime.now(timezone.utc) - timedelta(hours=3)
    return await Viewing.create(listing=listing, client=client, start_at=start, end_at=start + timedelta(hours=1))


async def test_a_client_rates_a_viewing_once(http, settings, viewing, team):
    link = f"/h5/rate/{ratings.token_for(settings, viewing.id)}"
    page = await http.get(link)
    assert page.status_code == 200 and "花桥独栋厂房" in page.text and 'name="score"' in page.text
    sent = await http.post(link, data={"score": "4", "comment": "顾问很专业"})
    assert sent.status_code == 201 and "谢谢" in sent.text
    rating = await ViewingRating.get(viewing_id=viewing.id)
    assert (rating.score, rating.comment, rating.owner_id) == (4, "顾问很专业", team["zhang"].id)
    again = await http.post(link, data={"score": "1"})
    assert again.status_code == 200 and "已经评过分" in again.text
    assert (await ViewingRating.get(viewing_id=viewing.id)).score == 4


@pytest.mark.parametrize("score", ["0", "6", "abc", ""])
async def test_a_score_outside_1_to_5_is_asked_again(http, settings, viewing, score):
    sent = await http.post(f"/h5/rate/{ratings.token_for(settings, viewing.id)}", data={"score": score})
    assert sent.status_code == 400 and "1到5分" in sent.text
    assert not await ViewingRating.exists()


async def test_a_forged_or_cancelled_link_is_refused(http, settings, viewing):
    forged = f"/h5/rate/{viewing.id}.AAAAAAAAAAAAAAAA"
    assert (await http.get(forged)).status_code == 404
    assert (await http.post(forged, data={"score": "5"})).status_code == 404
    assert (await http.get("/h5/rate/nonsense")).status_code == 404
    await Viewing.filter(id=viewing.id).update(status=ViewingStatus.CANCELLED)
    assert (await http.get(f"/h5/rate/{ratings.token_for(settings, viewing.id)}")).status_code == 404
    assert not await ViewingRating.exists()
