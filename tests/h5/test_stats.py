"""Figures per listing, sharer and channel, and the forwarding tree, against hand-computed data."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from models import Client, ListingStatusChange, StageChange, Viewing
from models.enums import EventKind, ListingStatus, Role, Stage
from services import listing_stats, tracking
from services.errors import Forbidden, ListingNotFound

NOW = datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc)  # 14:00 in Shanghai


def views(events, *specs):
    """``(token, parent, visitor, channel, sharer, minutes_ago)`` tuples queued as views of one listing."""
    for token, parent, visitor, channel, sharer, ago, listing_id in specs:
        events.append(
            tracking.view_event(
                token=token.ljust(12, "_"),
                parent_token=parent and parent.ljust(12, "_"),
                listing_id=listing_id,
                visitor=visitor.ljust(16, "_"),
                wechat_user_id=None,
                scene_account_id=sharer,
                channel=channel,
                now=NOW - timedelta(minutes=ago),
            )
        )


def follow(events, kind, token, visitor, *, value=None, target=None, ago=0):
    events.append(
        tracking.follow_event(
            kind,
            token=token.ljust(12, "_"),
            visitor=visitor.ljust(16, "_"),
            value=value,
            target=target,
            now=NOW - timedelta(minutes=ago),
        )
    )


@pytest.fixture
async def scenario(resources, settings, make_listing, make_staff):
    """A12's tree: sales' link -> alice; alice -> bob, carol; bob -> dave; carol reopens alice's link; erin via poster.

    Alice's view reads 40 s then 90 s (counted 90), bob's 30 s: mean 60 s. Dave consults; he books a viewing and wins.
    """
    sales = await make_staff("李顾问", Role.SALES)
    listing = await make_listing(owner=sales)
    other = await make_listing(title="另一套")
    events = []
    views(
        events,
        ("alice", None, "alice", "chat", sales.id, 50, listing.id),
        ("bob", "alice", "bob", "share", None, 40, listing.id),
        ("carol", "alice", "carol", "moments", None, 30, listing.id),
        ("dave", "bob", "dave", "share", None, 20, listing.id),
        ("carol2", "alice", "carol", "share", None, 10, listing.id),
        ("erin", None, "erin", "poster", sales.id, 5, listing.id),
        ("zed", None, "zed", "direct", None, 5, other.id),
    )
    follow(events, EventKind.DWELL, "alice", "alice", value=40000, ago=49)
    follow(events, EventKind.DWELL, "alice", "alice", value=90000, ago=48)
    follow(events, EventKind.DWELL, "bob", "bob", value=30000, ago=39)
    follow(events, EventKind.POSTER_SCAN, "erin", "erin", ago=5)
    client = await Client.create(company="丁公司", owner=sales)
    follow(events, EventKind.CONSULT, "dave", "dave", value=client.id, ago=19)
    tracking.enqueue(resources.redis, events)
    await tracking.flush(resources.redis, settings=settings)
    await Viewing.create(
        listing=listing, client=client, start_at=NOW + timedelta(days=1), end_at=NOW + timedelta(days=1, hours=1)
    )
    await StageChange.create(client=client, to_stage=Stage.WON)
    await ListingStatusChange.create(listing=listing, from_status=ListingStatus.VACANT, to_status=ListingStatus.CLOSED)
    return listing, other, sales


async def test_figures_per_listing(scenario):
    listing, other, _ = scenario
    found = await listing_stats.figures("listing", since=NOW - timedelta(days=1), until=datetime.now(timezone.utc))
    assert found[listing.id] == listing_stats.Figures(
        views=6, visitors=5, avg_dwell_s=60, shares=4, poster_scans=1, consultations=1, viewings=1, deals=1
    )
    assert found[other.id].views == 1 and found[other.id].shares == 0


async def test_figures_per_sharer_and_channel(scenario):
    listing, other, sales = scenario
    until = datetime.now(timezone.utc)
    by_sharer = await listing_stats.figures("sharer", since=NOW - timedelta(days=1), until=until)
    assert by_sharer[sales.id].views == 6 and by_sharer[sales.id].consultations == 1
    assert by_sharer[sales.id].viewings == 1 and by_sharer[sales.id].deals == 1
    assert by_sharer[None].views == 1
    by_channel = await listing_stats.figures("channel", since=NOW - timedelta(days=1), until=until)
    assert {k: v.views for k, v in by_channel.items()} == {
        "chat": 1,
        "share": 3,
        "moments": 1,
        "poster": 1,
        "direct": 1,
    }
    assert by_channel["share"].shares == 3 and by_channel["poster"].poster_scans == 1
    assert by_channel["share"].consultations == 1 and by_channel["share"].deals == 1


async def test_forwarding_tree(scenario):
    listing, _, _ = scenario
    tree = await listing_stats.tree(listing.id, since=NOW - timedelta(days=1), until=NOW)
    # alice brought bob, carol (and carol again); bob brought dave: 2 sharers, 3 new visitors.
    assert tree == listing_stats.Tree(depth=2, branching=2.0, max_branching=3, sharers=2, new_visitors=3, fission=1.5)


def test_tree_of_nothing_is_empty():
    assert listing_stats.shape([]) == listing_stats.Tree()


async def test_the_window_excludes_older_events(scenario):
    listing, _, _ = scenario
    found = await listing_stats.figures("listing", since=NOW - timedelta(minutes=15), until=NOW)
    assert found[listing.id].views == 2 and found[listing.id].shares == 1


async def test_a_salesperson_asks_for_a_listings_figures(scenario, resources):
    listing, _, sales = scenario
    result = await listing_stats.for_listing(resources, actor=sales, code=listing.code.lower(), now=NOW)
    assert result["today"].views == 6 and result["week"].views == 6 and result["tree"].fission == 1.5
    tomorrow = await listing_stats.for_listing(resources, actor=sales, code=listing.code, now=NOW + timedelta(days=1))
    assert tomorrow["today"].views == 0 and tomorrow["week"].views == 6


async def test_only_staff_see_figures(scenario, resources, make_staff):
    partner = await make_staff("赵经纪", Role.PARTNER)
    with pytest.raises(Forbidden):
        await listing_stats.for_listing(resources, actor=partner, code=scenario[0].code)
    with pytest.raises(ListingNotFound):
        await listing_stats.for_listing(resources, actor=scenario[2], code="Z9999")


async def test_stats_command_prints_the_figures(scenario, fake_wechat_server):
    import subprocess
    import sys

    from tests.conftest import test_environ

    listing, _, sales = scenario
    day = (datetime.now(timezone.utc) - timedelta(days=3)).date().isoformat()
    command = [sys.executable, "-m", "app", "stats", "listings", "--since", day]
    env = test_environ(fake_wechat_server.url)
    out = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    row = next(r for r in report["listing"] if r["key"] == listing.id)
    assert (row["views"], row["visitors"], row["shares"], row["tree"]["fission"]) == (6, 5, 4, 1.5)
    assert next(r for r in report["sharer"] if r["key"] == sales.id)["name"] == "李顾问"
    table = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert table.returncode == 0 and listing.code in table.stdout and "裂变系数" in table.stdout
    bad = subprocess.run([*command[:-1], "last-week"], capture_output=True, text=True, timeout=120, env=env)
    assert bad.returncode == 2 and "is not a day" in bad.stderr


async def test_a_salesperson_asks_in_chat(scenario, http, wx, resources, settings):
    from dataclasses import replace

    listing, _, sales = scenario
    from services import accounts

    code = await accounts.issue_bind_code(sales)
    await accounts.bind(resources.redis, "o-li", code)
    resources.settings = replace(settings, reply_deadline_s=5.0)
    try:
        reply = (await wx.text(http, "o-li", f"{listing.code.lower()} 数据")).text
        unknown = (await wx.text(http, "o-li", "Z9999 数据")).text
    finally:
        resources.settings = settings
    assert reply.startswith(f"{listing.code} {listing.title}")
    assert "近7天：浏览6（5人），转发带来4，海报扫码1，咨询1，带看1，成交1，平均停留60秒" in reply
    assert "2人转发带来3位新访客，裂变系数1.5，最远传了2层" in reply
    assert unknown == "没有房源Z9999，请核对编号"
