"""The matching engine against the database: SQL hard filters, reverse match, holds under concurrency, seeding."""

import asyncio
import os
import random
import subprocess
import sys
from decimal import Decimal

import pytest

from app import demo
from models import Client, Listing, ListingStatusChange, Requirement
from models.enums import ListingStatus, ReviewStatus, Role, Stage
from services import listings, matching
from services.errors import AlreadyReviewed, AppError
from services.matching import Criteria
from tests.conftest import test_environ


async def test_search_expands_a_district_to_its_towns_and_ranks_by_score(settings, make_listing):
    await make_listing(code="A1", region="花桥", rent=Decimal("27"))
    await make_listing(code="A2", region="陆家", rent=Decimal("24"))
    await make_listing(code="A3", region="太仓")
    found = await matching.search(Criteria(region="昆山", rent_max=25), settings)
    assert [m.listing["code"] for m in found] == ["A2", "A1"]


async def test_search_never_returns_unapproved_or_unavailable_listings(settings, make_listing):
    await make_listing(code="A1", review_status=ReviewStatus.PENDING)
    await make_listing(code="A2", review_status=ReviewStatus.REJECTED)
    await make_listing(code="A3", status=ListingStatus.CLOSED)
    await make_listing(code="A4", status=ListingStatus.PAUSED)
    await make_listing(code="A5", status=ListingStatus.VIEWING)
    found = await matching.search(Criteria(region="苏州"), settings)
    assert [m.listing["code"] for m in found] == ["A5"]


async def test_area_tolerance_lets_a_near_miss_in(settings, make_listing):
    await make_listing(code="A1", area=Decimal("2400"))
    await make_listing(code="A2", area=Decimal("2700"))
    found = await matching.search(Criteria(area_min=1800, area_max=2200), settings)
    assert [m.listing["code"] for m in found] == ["A1"]


async def test_reverse_match_lists_the_open_clients_a_listing_fits(settings, team, make_listing, make_client):
    listing = await make_listing(area=Decimal("2000"))
    fits = await make_client(team["zhang"], "华兴精密", region="昆山", area_min=1800, area_max=2200)
    await make_client(team["zhang"], "太大公司", region="昆山", area_min=8000, area_max=9000)
    await make_client(team["li"], "别处公司", region="嘉兴", area_min=1800, area_max=2200)
    await make_client(team["li"], "成交公司", region="昆山", area_min=1800, area_max=2200, stage="won")
    found = await listings.clients_fitting(listing, settings)
    assert [client.id for client, _ in found] == [fits.id]


async def test_reverse_match_finds_the_clients_a_check_of_every_open_requirement_finds(
    settings, team, make_listing, make_client
):
    """The database narrows the requirements; the places are written many ways, or missing, or several."""
    listing = await make_listing(area=Decimal("2000"))  # 花桥, in 昆山
    written = {
        "with a suffix": dict(region="昆山市"),
        "the client's place": dict(region=None, client_region="花桥"),
        "no place at all": dict(region=None, client_region=None),
    }
    edge = {}
    for name, place in written.items():
        client = await make_client(team["zhang"], name, region="嘉兴", area_min=1800, area_max=2200)
        if "client_region" in place:
            await Client.filter(id=client.id).update(region=place.pop("client_region"))
        await Requirement.filter(client_id=client.id).update(regions=None, **place)
        edge[client.id] = name
    several = await make_client(
        team["zhang"], "嘉兴或者花桥", region="嘉兴", regions=["嘉兴", "花桥"], area_min=1800, area_max=2200
    )
    assert (await Requirement.get(client_id=several.id)).several_places
    edge[several.id] = "several places"
    await demo.seed_listings(120, rng=random.Random(5), regions=settings.regions, team=list(team.values()))
    await demo.seed_clients(400, rng=random.Random(6), regions=settings.regions, team=list(team.values()))
    found = await listings.clients_fitting(listing, settings, limit=1000)
    assert set(edge) <= {client.id for client, _ in found}
    approved = await Listing.filter(review_status=ReviewStatus.APPROVED).order_by("id").limit(60)
    for approving in [listing, *approved]:
        every = []
        for requirement in await Requirement.filter(
            client__stage__in=[Stage.INTENT, Stage.VIEWING, Stage.NEGOTIATING], client__deleted_at__isnull=True
        ).select_related("client"):
            criteria = Criteria.from_requirement(requirement, requirement.client.region)
            if not criteria.empty and (match := matching.fit(criteria, approving, settings)) is not None:
                every.append((requirement.client_id, match.score))
        every.sort(key=lambda pair: (-pair[1], pair[0]))
        found = await listings.clients_fitting(approving, settings)
        assert [(client.id, match.score) for client, match in found] == every[: listings.REVERSE_MATCH_LIMIT]


async def test_of_many_simultaneous_holds_exactly_one_wins(settings, team, make_listing, make_client):
    listing = await make_listing()
    bidders = [await make_client(team["manager"], f"客户{i}") for i in range(6)]

    async def hold(client: Client):
        try:
            return await listings.change_status(
                actor=team["manager"],
                code=listing.code,
                status=ListingStatus.NEGOTIATING,
                client=client,
                settings=settings,
            )
        except AppError as exc:
            return exc

    results = await asyncio.gather(*(hold(c) for c in bidders))
    assert sum(isinstance(r, Listing) for r in results) == 1
    await listing.refresh_from_db()
    assert listing.version == 2 and await ListingStatusChange.filter(listing_id=listing.id).count() == 1


async def test_review_twice_is_refused(settings, team, make_listing):
    listing = await make_listing(review_status=ReviewStatus.PENDING)
    await listings.review(actor=team["manager"], code=listing.code, approve=True, reason=None, settings=settings)
    with pytest.raises(AlreadyReviewed) as refused:
        await listings.review(actor=team["manager"], code=listing.code, approve=True, reason=None, settings=settings)
    assert refused.value.code == "already_reviewed" and refused.value.listing.code == listing.code


async def test_seeding_tops_up_and_never_duplicates(settings, resources):
    team, _ = await demo.seed_team()
    first = await demo.seed_listings(40, rng=random.Random(1), regions=settings.regions, team=team)
    again = await demo.seed_listings(40, rng=random.Random(1), regions=settings.regions, team=team)
    more = await demo.seed_listings(50, rng=random.Random(2), regions=settings.regions, team=team)
    assert (first, again, more) == (40, 0, 10)
    assert await Listing.all().count() == 50 and len(set(await Listing.all().values_list("code", flat=True))) == 50
    await demo.seed_clients(20, rng=random.Random(1), regions=settings.regions, team=team)
    await demo.seed_clients(20, rng=random.Random(1), regions=settings.regions, team=team)
    assert await Client.all().count() == 20


async def test_seeded_listings_look_like_industrial_parks(settings, resources):
    team, _ = await demo.seed_team()
    await demo.seed_listings(300, rng=random.Random(3), regions=settings.regions, team=team)
    rows = await Listing.all().values("city", "area", "rent", "ceiling_height", "single_storey")
    assert {r["city"] for r in rows} <= set(settings.regions) and len({r["city"] for r in rows}) >= 8
    areas = sorted(float(r["area"]) for r in rows)
    assert 1500 < areas[len(areas) // 2] < 6000 and areas[0] >= 300
    rents = [float(r["rent"]) for r in rows if r["rent"] is not None]
    assert all(8 <= rent <= 70 for rent in rents)
    assert all(float(r["ceiling_height"]) >= 6 for r in rows if r["single_storey"])


async def test_seeded_clients_have_encrypted_phones_with_a_lookup_hash(settings, resources):
    from models.pii import blind_index

    team, _ = await demo.seed_team()
    await demo.seed_clients(5, rng=random.Random(4), regions=settings.regions, team=team)
    client = await Client.first()
    assert client.phone and client.phone_hash == blind_index("phone", client.phone)
    assert await Client.filter(owner__role=Role.SALES).count() == 5


@pytest.mark.parametrize("reverse", [[], ["--reverse", "--requirements", "100"]], ids=["search", "reverse"])
def test_bench_match_prints_p50_and_p95_as_json(reverse, fake_wechat_server, session_resources):
    import json

    out = subprocess.run(
        [sys.executable, "-m", "app", "bench", "match", "--listings", "200", "--queries", "30", *reverse],
        env=test_environ(fake_wechat_server.url),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["n"] == 30 and result["p95_ms"] >= result["p50_ms"] > 0


async def test_reverse_match_respects_the_area_tolerance_at_both_ends(settings, team, make_listing, make_client):
    listing = await make_listing(area=Decimal("2000"))
    low = await make_client(team["zhang"], "下限内", area_min=2300, area_max=2600)  # 2000 >= 2300 x 0.85
    high = await make_client(team["zhang"], "上限内", area_min=1000, area_max=1750)  # 2000 <= 1750 x 1.15
    await make_client(team["zhang"], "太大", area_min=2400, area_max=3000)
    await make_client(team["zhang"], "太小", area_min=1000, area_max=1700)
    found = {client.id for client, _ in await listings.clients_fitting(listing, settings)}
    assert found == {low.id, high.id}


async def test_a_followup_is_never_half_written(settings, team, make_client, monkeypatch):
    from datetime import datetime, timedelta, timezone

    from models import FollowUp
    from services import audit, clients

    client = await make_client(team["zhang"], "华兴精密")
    now = datetime.now(timezone.utc)
    await clients.log_followup(
        actor=team["zhang"],
        client=client,
        content="第一次",
        now=now,
        settings=settings,
        next_at=now + timedelta(days=1),
    )

    async def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(audit, "record", broken)
    try:
        await clients.log_followup(
            actor=team["zhang"],
            client=client,
            content="第二次",
            now=now,
            settings=settings,
            next_at=now + timedelta(days=2),
            stage="negotiating",
            source_msg_id="m-1",
        )
    except RuntimeError:
        pass
    followups = await FollowUp.filter(client_id=client.id)
    assert [(f.content, f.done) for f in followups] == [("第一次", False)]
    await client.refresh_from_db()
    assert client.stage == "intent" and client.next_followup_at == followups[0].next_at


async def test_a_listing_status_change_is_audited_with_before_and_after(settings, team, make_listing, make_client):
    from models import AuditLog

    listing = await make_listing()
    client = await make_client(team["zhang"], "华兴精密")
    await listings.change_status(
        actor=team["zhang"], code=listing.code, status=ListingStatus.NEGOTIATING, client=client, settings=settings
    )
    entry = await AuditLog.get(action="listing.status", entity_id=listing.id)
    assert entry.actor_id == team["zhang"].id
    assert (entry.before["status"], entry.after["status"]) == ("vacant", "negotiating")
    assert (entry.before["held_by"], entry.after["held_by"]) == (None, client.id)


async def test_a_deal_on_a_listing_moves_its_client_forward_never_back(settings, team, make_listing, make_client):
    listing = await make_listing()
    client = await make_client(team["zhang"], "华兴精密")
    await listings.change_status(
        actor=team["zhang"], code=listing.code, status=ListingStatus.NEGOTIATING, client=client, settings=settings
    )
    assert (await Client.get(id=client.id)).stage == Stage.NEGOTIATING
    await listings.change_status(
        actor=team["zhang"],
        code=listing.code,
        status=ListingStatus.CLOSED,
        client=await Client.get(id=client.id),
        settings=settings,
    )
    assert (await Client.get(id=client.id)).stage == Stage.WON


async def test_a_requirement_with_several_regions_matches_listings_in_any_of_them(settings, make_listing):
    from models import Requirement

    jiashan = await make_listing(region="嘉善")
    pinghu = await make_listing(region="平湖")
    await make_listing(region="花桥")
    requirement = Requirement(region="嘉善", regions=["嘉善", "平湖"], area_min=1800, area_max=2200)
    criteria = matching.Criteria.from_requirement(requirement)
    found = await matching.search(criteria, settings)
    assert {m.listing["id"] for m in found} == {jiashan.id, pinghu.id}
    assert matching.fit(criteria, pinghu, settings) is not None


async def test_candidates_read_per_index_branch_are_the_nearest_of_all_that_pass(settings, resources):
    """The narrowed SQL gives what sorting every passing row by area distance would (3,000 listings)."""
    from app.bench.match import random_criteria

    team, _ = await demo.seed_team()
    await demo.seed_listings(3000, rng=random.Random(5), regions=settings.regions, team=team)
    rows = await Listing.all().values(*matching.COLUMNS)
    rng = random.Random(6)
    for _ in range(40):
        c = random_criteria(rng, settings.regions)
        if rng.random() < 0.3:
            c.area_min = c.area_max = None
        places = matching._places(c, settings)
        passing = [
            row for row in rows if _passes(row, matching._filters(c, settings)) and matching._in_places(row, places)
        ]
        target = matching._area_target(c)
        if target is None:
            expected = sorted((row["id"] for row in passing), reverse=True)[: matching.CANDIDATES]
        else:
            nearest = sorted(passing, key=lambda row: (abs(row["area"] - target), row["id"]))
            expected = [row["id"] for row in nearest[: matching.CANDIDATES]]
        found = await matching.candidates(c, matching._filters(c, settings), places)
        assert [row["id"] for row in found] == expected, c


def _passes(row: dict, filters: dict) -> bool:
    for key, want in filters.items():
        column, _, op = key.partition("__")
        have = row[column]
        if op == "in":
            if have not in [w.value for w in want]:
                return False
        elif op == "":
            if have != (want.value if hasattr(want, "value") else want):
                return False
        elif have is None or (have < want if op == "gte" else have > want):
            return False
    return True
