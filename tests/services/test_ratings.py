"""After a viewing, its salesperson gets the rating link to forward, once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from models import Notification, Viewing
from models.enums import ViewingStatus
from services import ratings


async def test_each_ended_viewing_sends_its_link_to_the_salesperson_once(settings, team, make_client, make_listing):
    now = datetime.now(timezone.utc)
    client = await make_client(team["zhang"], "华兴精密")
    listing = await make_listing()
    ended = await Viewing.create(listing=listing, client=client, start_at=now - timedelta(hours=2), end_at=now)
    await Viewing.create(
        listing=listing, client=client, start_at=now + timedelta(hours=1), end_at=now + timedelta(hours=2)
    )
    cancelled = await Viewing.create(
        listing=listing, client=client, start_at=now - timedelta(hours=2), end_at=now, status=ViewingStatus.CANCELLED
    )
    assert await ratings.queue_links(settings, now=now) == 1
    assert await ratings.queue_links(settings, now=now) == 0
    sent = await Notification.get()
    assert sent.recipient_id == team["zhang"].id and sent.dedupe_key == f"rating:{ended.id}"
    assert sent.payload["url"] == ratings.link_for(settings, ended.id)
    assert cancelled.id != ended.id
