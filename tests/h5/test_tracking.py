"""Views, beacons and the forwarding chain: what gets stored, credited to whom, and what is refused."""

from __future__ import annotations

import asyncio

from models import TrackEvent, WechatUser
from models.enums import EventKind, Role
from services import tracking
from tests.h5.test_pages import config_of


async def view(client, path: str) -> str:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    return config_of(response.text)["token"]


async def test_a_view_is_stored_with_listing_visitor_channel_and_sharer(browser, make_listing, sales, flush):
    listing = await make_listing(owner=sales)
    token = await view(browser, f"/h5/listings/{listing.code}?s=s{sales.id}&c=chat")
    await flush()
    row = await TrackEvent.get(token=token)
    assert (row.kind, row.listing_id, row.channel, row.sharer_id, row.parent_token) == (
        EventKind.VIEW,
        listing.id,
        "chat",
        sales.id,
        None,
    )
    assert tracking.VISITOR.fullmatch(row.visitor)


async def test_a_visit_through_a_shared_link_is_a_child_credited_to_the_chain(new_browser, make_listing, sales, flush):
    listing = await make_listing(owner=sales)
    async with new_browser() as alice, new_browser() as bob, new_browser() as carol:
        root = await view(alice, f"/h5/listings/{listing.code}?s=s{sales.id}&c=chat")
        child = await view(bob, f"/h5/listings/{listing.code}?t={root}&c=share")
        grandchild = await view(carol, f"/h5/listings/{listing.code}?t={child}&c=moments")
        again = await view(alice, f"/h5/listings/{listing.code}?t={root}&c=share")  # her own link: not a share
    await flush()
    rows = {r.token: r for r in await TrackEvent.filter(kind=EventKind.VIEW)}
    assert rows[child].parent_token == root and rows[grandchild].parent_token == child
    assert rows[again].parent_token is None
    assert {rows[t].sharer_id for t in (root, child, grandchild, again)} == {sales.id}
    assert rows[grandchild].channel == "moments"


async def test_a_partner_forwarding_a_link_is_credited_for_the_visits_it_brings(
    new_browser, make_listing, make_staff, sales, flush, fake_wechat
):
    partner = await make_staff("赵经纪", Role.PARTNER)
    listing = await make_listing(owner=sales)
    async with new_browser(wechat=True) as zhao, new_browser() as stranger:
        await zhao.get(f"/h5/listings/{listing.code}")
        await zhao.get(f"/h5/listings/{listing.code}?code=zhao&state=h5")
        user = await WechatUser.get(openid="o_zhao")
        user.account_id = partner.id
        await user.save()
        token = await view(zhao, f"/h5/listings/{listing.code}?s=s{sales.id}")
        child = await view(stranger, f"/h5/listings/{listing.code}?t={token}&c=share")
    await flush()
    assert (await TrackEvent.get(token=child)).sharer_id == partner.id


async def test_beacons_are_stored_against_their_view(browser, make_listing, flush):
    listing = await make_listing()
    token = await view(browser, f"/h5/listings/{listing.code}")
    beacon = {"t": token, "e": [{"k": "click", "x": "tel"}, {"k": "dwell", "n": 15000}, {"k": "share", "x": "chat"}]}
    response = await browser.post(
        "/h5/events", content=__import__("json").dumps(beacon), headers={"Content-Type": "text/plain;charset=UTF-8"}
    )
    assert response.status_code == 204
    await flush()
    rows = await TrackEvent.filter(token=token).order_by("id")
    assert [(r.kind, r.target, r.value) for r in rows] == [
        (EventKind.VIEW, None, None),
        (EventKind.CLICK, "tel", None),
        (EventKind.DWELL, None, 15000),
        (EventKind.SHARE, "chat", None),
    ]
    assert all(r.listing_id == listing.id for r in rows)


async def test_dwell_is_capped_per_view(browser, make_listing, flush, settings):
    listing = await make_listing()
    token = await view(browser, f"/h5/listings/{listing.code}")
    await browser.post("/h5/events", json={"t": token, "e": [{"k": "dwell", "n": 8 * 3600 * 1000}]})
    await flush()
    dwell = await TrackEvent.get(token=token, kind=EventKind.DWELL)
    assert dwell.value == settings.h5.dwell_cap_s * 1000


async def test_forged_beacons_are_refused_or_dropped(browser, new_browser, make_listing, flush):
    listing = await make_listing()
    token = await view(browser, f"/h5/listings/{listing.code}")
    bad_bodies = [
        b"",
        b"not json",
        b"[]",
        b'{"t": "short", "e": [{"k": "click", "x": "tel"}]}',
        b'{"t": "%s", "e": []}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "view"}]}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "consult"}]}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "click", "x": "<script>"}]}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "dwell", "n": -5}]}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "dwell", "n": "1e9"}]}' % token.encode(),
        b'{"t": "%s", "e": [{"k": "dwell", "n": true}]}' % token.encode(),
        b'{"t": "%s", "e": %s}' % (token.encode(), b"[" + b",".join([b'{"k":"click","x":"tel"}'] * 21) + b"]"),
        b"x" * 5000,
    ]
    for body in bad_bodies:
        response = await browser.post("/h5/events", content=body)
        assert response.status_code == 400, body
        assert response.json()["error"]["code"]
    # No cookie: refused. Another visitor replaying the token: accepted, then dropped when written.
    async with new_browser() as cookieless:
        refused = await cookieless.post("/h5/events", json={"t": token, "e": [{"k": "click", "x": "tel"}]})
        assert refused.status_code == 400
        other_token = await view(cookieless, f"/h5/listings/{listing.code}")
        replay = await cookieless.post("/h5/events", json={"t": token, "e": [{"k": "click", "x": "tel"}]})
        assert replay.status_code == 204
        unknown = await cookieless.post("/h5/events", json={"t": "ZZZZZZZZZZZZ", "e": [{"k": "click", "x": "tel"}]})
        assert unknown.status_code == 204
    await flush()
    assert await TrackEvent.filter(kind=EventKind.CLICK).count() == 0
    assert await TrackEvent.filter(kind=EventKind.VIEW).count() == 2 and other_token


async def test_a_forged_cookie_is_a_new_visitor(browser, make_listing):
    listing = await make_listing()
    browser.cookies.set("h5v", "AAAAAAAAAAAAAAAA.1.1.forgedsignature", domain="127.0.0.1", path="/h5")
    response = await browser.get(f"/h5/listings/{listing.code}")
    assert response.status_code == 200 and "h5v" in response.cookies


async def test_robots_and_prefetches_are_served_but_not_counted(server, resources, make_listing, flush):
    import httpx

    listing = await make_listing()
    agents = [
        {"User-Agent": "Mozilla/5.0 (compatible; Baiduspider/2.0)"},
        {"User-Agent": "python-httpx/0.28"},
        {"User-Agent": "Mozilla/5.0 (iPhone) Safari", "Sec-Purpose": "prefetch;prerender"},
        {"User-Agent": "Mozilla/5.0 (iPhone) Safari", "Purpose": "prefetch"},
    ]
    async with httpx.AsyncClient(base_url=server) as client:
        for headers in agents:
            assert (await client.get(f"/h5/listings/{listing.code}", headers=headers)).status_code == 200
    await flush()
    assert await TrackEvent.all().count() == 0


async def test_beacons_beyond_the_rate_limit_get_429(browser, make_listing, settings, resources):
    import time

    listing = await make_listing()
    token = await view(browser, f"/h5/listings/{listing.code}")
    beacon = {"t": token, "e": [{"k": "click", "x": "tel"}]}
    assert (await browser.post("/h5/events", json=beacon)).status_code == 204
    window = int(time.time()) // 60
    for w in (window, window + 1):  # this minute's count, and the next one's should the minute turn now
        await resources.redis.set(f"rl:h5:events:127.0.0.1:{w}", settings.h5.beacons_per_ip_per_min, ex=120)
    refused = await browser.post("/h5/events", json=beacon)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1


async def test_a_failed_write_puts_the_batch_back(resources, settings, monkeypatch):
    import pytest

    tracking.enqueue(
        resources.redis,
        [
            tracking.view_event(
                token="A" * 12,
                parent_token=None,
                listing_id=None,
                visitor="V" * 16,
                wechat_user_id=None,
                scene_account_id=None,
                channel="direct",
            )
        ],
    )

    async def broken(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(tracking, "_insert", broken)
    with pytest.raises(RuntimeError):
        await tracking.flush(resources.redis, settings=settings)
    assert await tracking.queued(resources.redis) == 1
    monkeypatch.undo()
    await tracking.flush(resources.redis, settings=settings)
    assert await TrackEvent.filter(token="A" * 12).count() == 1


async def test_a_beacon_written_before_its_view_waits_for_it(resources, settings):
    """Two processes drain the queue: a click can reach the database before the batch holding its view."""
    token, visitor = "B" * 12, "W" * 16
    tracking.enqueue(
        resources.redis, [tracking.follow_event(EventKind.CLICK, token=token, visitor=visitor, target="tel")]
    )
    await tracking.flush(resources.redis, settings=settings)
    assert await TrackEvent.filter(token=token).count() == 0
    tracking.enqueue(
        resources.redis,
        [
            tracking.view_event(
                token=token,
                parent_token=None,
                listing_id=None,
                visitor=visitor,
                wechat_user_id=None,
                scene_account_id=None,
                channel="direct",
            )
        ],
    )
    await tracking.flush(resources.redis, settings=settings)
    assert sorted(r.kind for r in await TrackEvent.filter(token=token)) == sorted([EventKind.VIEW, EventKind.CLICK])


async def test_events_are_held_a_moment_and_pushed_together(resources, settings):
    """Thousands of views a second cost a few Redis writes, not one each; every event still arrives once."""
    tokens = ["C" * 12, "D" * 12, "E" * 12]
    for token in tokens:
        tracking.enqueue(
            resources.redis,
            [
                tracking.view_event(
                    token=token,
                    parent_token=None,
                    listing_id=None,
                    visitor="X" * 16,
                    wechat_user_id=None,
                    scene_account_id=None,
                    channel="direct",
                )
            ],
        )
    assert await tracking.queued(resources.redis) == 0

    async def arrived() -> int:  # queued, or already written by a server's background writer
        return await tracking.queued(resources.redis) + await TrackEvent.filter(token__in=tokens).count()

    for _ in range(40):
        await asyncio.sleep(tracking.PUSH_S)
        if await arrived() == len(tokens):
            break
    assert await arrived() == len(tokens)
    await tracking.flush(resources.redis, settings=settings)
    assert await TrackEvent.filter(token__in=tokens).count() == len(tokens)
