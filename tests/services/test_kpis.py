"""Every dashboard figure against a scenario computed by hand (November 2026, business time Asia/Shanghai).

The team of 王经理: 张三 and 李四; another team: 周经理 and 赵六. Times are 12:00 local (04:00 UTC).

clients   owner  source            created  reached                      first contact  won
A         张三   douyin            11-02    需求分析                        11-02
B         张三   douyin            11-03    匹配推送 (opened a shared page)  11-03
C         张三   referral          11-04    意向 (consulted)                 11-04
D         张三   moments_ad        11-05    带看 (viewing 11-08)             11-05
E         张三   official_account  11-06    谈判 (stage 11-10)               11-06
F         张三   visit             11-01    成交 (deal 11-21)                10-20 (note)   32 days
G         李四   douyin            11-10    成交 (stage 11-15)               11-10          5 days
H         李四   other             10-15    成交 (stage 11-20)               10-15          36 days (not in the cohort)
I         李四   other             11-12    录入 only (no need stated)
K         张三   referral          01-05    deals 02-10 and 11-18 (a repeat deal)
J         赵六   douyin            11-05    成交 (deal 11-26)                11-05          21 days
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from models import (
    ChannelSpend,
    Client,
    Deal,
    FollowUp,
    Listing,
    ListingStatusChange,
    Requirement,
    StageChange,
    TrackEvent,
    Viewing,
    ViewingRating,
    WechatUser,
)
from models.enums import DealType, EventKind, ListingStatus, ReviewStatus, Role, Source, Stage
from services import commissions, kpis, metrics, rollups
from services.errors import AppError, Forbidden, NotInYourTeam

TZ = "Asia/Shanghai"
NOVEMBER = kpis.period_of(date(2026, 11, 1), date(2026, 11, 30))
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)


def noon(month: int, day: int, year: int = 2026) -> datetime:
    """12:00 in Shanghai."""
    return datetime(year, month, day, 4, 0, tzinfo=timezone.utc)


async def client(owner, name, source, created, *, need=True, next_followup=None, stage=Stage.INTENT, user=None):
    row = await Client.create(
        company=name, company_norm=name, owner=owner, source=source, stage=stage, wechat_user=user
    )
    await Client.filter(id=row.id).update(created_at=created, next_followup_at=next_followup)
    await Requirement.create(client=row, area_min=Decimal("1000") if need else None)
    return row


async def stage(row, to, at):
    change = await StageChange.create(client=row, to_stage=to)
    await StageChange.filter(id=change.id).update(changed_at=at)
    await Client.filter(id=row.id).update(stage=to)


async def deal(settings, row, at, size_fen=12_000_000):
    rule = await commissions.rule_in_force(settings, at)
    return await Deal.create(
        client=row,
        deal_type=DealType.RENT,
        signed_at=at,
        size_fen=size_fen,
        monthly_rent_fen=size_fen // 12,
        release_at=at,
        rule=rule,
        rule_snapshot=rule.spec,
    )


def view(token, visitor, at, *, parent=None, sharer=None, user=None, listing=None):
    return TrackEvent(
        kind=EventKind.VIEW,
        token=token,
        parent_token=parent,
        visitor=visitor,
        sharer_id=sharer,
        wechat_user_id=user,
        listing_id=listing,
        channel="share" if parent else "chat",
        happened_at=at,
    )


def follow(kind, token, visitor, at, *, sharer=None, value=None, target=None):
    return TrackEvent(
        kind=kind, token=token, visitor=visitor, sharer_id=sharer, channel="chat", value=value, happened_at=at
    )


@pytest.fixture
async def scenario(team, make_staff, settings, resources):
    zhang, li, manager = team["zhang"], team["li"], team["manager"]
    zhou = await make_staff("周经理", Role.MANAGER)
    zhao = await make_staff("赵六", Role.SALES, manager=zhou)
    admin = await make_staff("管理员", Role.ADMIN)
    b_user = await WechatUser.create(openid="o-client-b")
    c = {}
    c["A"] = await client(zhang, "A", Source.DOUYIN, noon(11, 2), next_followup=noon(11, 29))
    c["B"] = await client(zhang, "B", Source.DOUYIN, noon(11, 3), next_followup=noon(12, 2), user=b_user)
    c["C"] = await client(zhang, "C", Source.REFERRAL, noon(11, 4), next_followup=noon(11, 20))
    c["D"] = await client(zhang, "D", Source.MOMENTS_AD, noon(11, 5))
    c["E"] = await client(zhang, "E", Source.OFFICIAL_ACCOUNT, noon(11, 6))
    c["F"] = await client(zhang, "F", Source.VISIT, noon(11, 1), next_followup=noon(11, 1))
    c["G"] = await client(li, "G", Source.DOUYIN, noon(11, 10))
    c["H"] = await client(li, "H", Source.OTHER, noon(10, 15))
    c["I"] = await client(li, "I", Source.OTHER, noon(11, 12), need=False, next_followup=noon(11, 28))
    c["K"] = await client(zhang, "K", Source.REFERRAL, noon(1, 5))
    c["J"] = await client(zhao, "J", Source.DOUYIN, noon(11, 5))
    await TrackEvent.create(
        kind=EventKind.CONSULT,
        token="consult-c",
        visitor="v-c",
        channel="chat",
        value=c["C"].id,
        happened_at=noon(11, 6),
    )
    listing = await Listing.create(
        code="L1", title="花桥厂房", property_type="factory", deal_type="rent", region="花桥", area=1000, owner=zhang,
        review_status=ReviewStatus.APPROVED,
    )  # fmt: skip
    d_viewing = await Viewing.create(listing=listing, client=c["D"], start_at=noon(11, 8), end_at=noon(11, 8))
    e_viewing = await Viewing.create(listing=listing, client=c["E"], start_at=noon(11, 9), end_at=noon(11, 9))
    await stage(c["E"], Stage.NEGOTIATING, noon(11, 10))
    await FollowUp.create(client=c["F"], author=zhang, content="第一次电话", happened_at=noon(10, 20))
    await deal(settings, c["F"], noon(11, 21))
    await stage(c["F"], Stage.WON, noon(11, 21))
    await stage(c["G"], Stage.WON, noon(11, 15))
    await stage(c["H"], Stage.WON, noon(11, 20))
    await deal(settings, c["K"], noon(2, 10))
    await deal(settings, c["K"], noon(11, 18))
    await deal(settings, c["J"], noon(11, 26), size_fen=60_000_000)
    await stage(c["J"], Stage.WON, noon(11, 26))
    # listings of 张三: L1 (above, vacant), L2 closed with F's deal on 11-21, L3 closed before November, L4 unreviewed
    l2 = await Listing.create(
        code="L2", title="昆山仓库", property_type="warehouse", deal_type="rent", region="昆山", area=800, owner=zhang,
        review_status=ReviewStatus.APPROVED, status=ListingStatus.CLOSED,
    )  # fmt: skip
    l3 = await Listing.create(
        code="L3", title="太仓厂房", property_type="factory", deal_type="rent", region="太仓", area=800, owner=zhang,
        review_status=ReviewStatus.APPROVED, status=ListingStatus.CLOSED,
    )  # fmt: skip
    await Listing.create(
        code="L4", title="待审核", property_type="factory", deal_type="rent", region="太仓", area=800, owner=zhang,
    )  # fmt: skip
    for row, client_row, at in ((l2, c["F"], noon(11, 21)), (l3, None, noon(10, 10))):
        change = await ListingStatusChange.create(listing=row, to_status=ListingStatus.CLOSED, client=client_row)
        await ListingStatusChange.filter(id=change.id).update(changed_at=at)
    await Listing.filter(id__in=[listing.id, l2.id, l3.id]).update(created_at=noon(10, 1))
    # spend: 抖音 3,000 yuan and 朋友圈 1,000 yuan in November; 500 yuan of 抖音 in October does not count
    await ChannelSpend.create(channel=Source.DOUYIN, spent_on=date(2026, 11, 5), amount_fen=300_000)
    await ChannelSpend.create(channel=Source.MOMENTS_AD, spent_on=date(2026, 11, 20), amount_fen=100_000)
    await ChannelSpend.create(channel=Source.DOUYIN, spent_on=date(2026, 10, 31), amount_fen=50_000)
    # ratings: D's viewing 5, E's viewing 3 (张三); one of the other team 1
    j_viewing = await Viewing.create(listing=listing, client=c["J"], start_at=noon(11, 9), end_at=noon(11, 9))
    for v, who, score in ((d_viewing, zhang, 5), (e_viewing, zhang, 3), (j_viewing, zhao, 1)):
        rating = await ViewingRating.create(viewing=v, client_id=v.client_id, owner_id=who.id, score=score)
        await ViewingRating.filter(id=rating.id).update(rated_at=noon(11, 12))
    # forwarding on 11-10: A's link brings B and D, B's brings C; on 11-11 C's link brings E; B comes back
    s = zhang.id
    await TrackEvent.bulk_create(
        [
            view("tA", "visA", noon(11, 10), sharer=s, listing=listing.id),
            follow(EventKind.SHARE, "tA", "visA", noon(11, 10) + timedelta(minutes=1), sharer=s),
            follow(EventKind.DWELL, "tA", "visA", noon(11, 10) + timedelta(minutes=1), sharer=s, value=30_000),
            follow(EventKind.DWELL, "tA", "visA", noon(11, 10) + timedelta(minutes=2), sharer=s, value=60_000),
            view(
                "tB",
                "visB",
                noon(11, 10) + timedelta(minutes=5),
                parent="tA",
                sharer=s,
                user=b_user.id,
                listing=listing.id,
            ),
            follow(EventKind.SHARE, "tB", "visB", noon(11, 10) + timedelta(minutes=6), sharer=s),
            follow(EventKind.DWELL, "tB", "visB", noon(11, 10) + timedelta(minutes=6), sharer=s, value=20_000),
            view("tC", "visC", noon(11, 10) + timedelta(minutes=10), parent="tB", sharer=s, listing=listing.id),
            view("tD", "visD", noon(11, 10) + timedelta(minutes=11), parent="tA", sharer=s, listing=listing.id),
            view("tA2", "visA", noon(11, 10) + timedelta(minutes=20), sharer=s, listing=listing.id),
            view("tE", "visE", noon(11, 11), parent="tC", sharer=s, listing=listing.id),
            view("tB2", "visB", noon(11, 11) + timedelta(minutes=1), sharer=s, listing=listing.id),
        ]
    )
    # counters of 11-10 (chat, requests, mini-program users) and 11-11 (one user back)
    nov10, nov11 = date(2026, 11, 10), date(2026, 11, 11)
    await resources.redis.hset(
        metrics.intents_day_key(nov10), mapping={"log_followup": 6, "new_client": 2, "unknown": 2}
    )
    await resources.redis.hset(
        metrics.http_day_key(nov10),
        mapping={
            "/wechat|n": 100,
            "/wechat|e": 2,
            "/wechat|b0": 50,
            "/wechat|b1": 40,
            "/wechat|b4": 5,
            "/wechat|b6": 5,
        },
    )
    await resources.redis.sadd(metrics.miniapp_users_day_key(nov10), "7", "8")
    await resources.redis.sadd(metrics.miniapp_users_day_key(nov11), "7")
    # mini-program time in app: 11-10 user 7 3 minutes, user 8 1.5 minutes; 11-11 user 7 13 hours (capped at 12)
    await resources.redis.hset(metrics.miniapp_time_day_key(nov10), mapping={"7": 180_000, "8": 90_000})
    await resources.redis.hset(metrics.miniapp_time_day_key(nov11), mapping={"7": 13 * 3_600_000})
    for day in (nov10, nov11):
        await rollups.rebuild_day(resources, day)
    await rollups.rebuild_milestones()
    return {"admin": admin, "manager": manager, "zhang": zhang, "li": li, "zhou": zhou, "zhao": zhao, **c}


async def test_funnel_counts_the_period_s_new_clients_at_the_furthest_step_each_reached(scenario):
    team = await kpis.scope_for(scenario["manager"])
    steps = await kpis.funnel(team, NOVEMBER, TZ)
    assert [(s["step"], s["clients"]) for s in steps] == [
        ("客户录入", 8),
        ("需求分析", 7),
        ("匹配推送", 6),
        ("意向", 5),
        ("带看", 4),
        ("谈判", 3),
        ("成交", 2),
    ]
    assert [s["conversion"] for s in steps] == [1.0, 0.875, 0.8571, 0.8333, 0.8, 0.75, 0.6667]
    assert steps[-1]["overall"] == 0.25
    everyone = await kpis.funnel(await kpis.scope_for(scenario["admin"]), NOVEMBER, TZ)
    assert [s["clients"] for s in everyone] == [9, 8, 7, 6, 5, 4, 3]
    own = await kpis.funnel(await kpis.scope_for(scenario["li"]), NOVEMBER, TZ)
    assert [s["clients"] for s in own] == [2, 1, 1, 1, 1, 1, 1]


async def test_deal_cycle_runs_from_first_contact_to_signing(scenario):
    team = await kpis.deal_cycle(await kpis.scope_for(scenario["manager"]), NOVEMBER, TZ)
    assert team["deals"] == 3  # F 32 days (first follow-up 10-20), G 5, H 36
    assert team["average_days"] == 24.3
    assert team["median_days"] == 32
    assert {d["bucket"]: d["clients"] for d in team["distribution"]} == {
        "≤7天": 1, "8-14天": 0, "15-30天": 0, "31-60天": 2, "61-90天": 0, "90天以上": 0,
    }  # fmt: skip
    everyone = await kpis.deal_cycle(await kpis.scope_for(scenario["admin"]), NOVEMBER, TZ)
    assert (everyone["deals"], everyone["average_days"], everyone["median_days"]) == (4, 23.5, 26.5)


async def test_listing_deal_rate_is_closed_with_a_deal_over_listed(scenario):
    rate = await kpis.listing_deal_rate(await kpis.scope_for(scenario["zhang"]), NOVEMBER, TZ)
    assert rate == {"listed": 2, "closed_with_deal": 1, "rate": 0.5}


async def test_overdue_follow_ups_per_salesperson_leave_out_won_and_lost_clients(scenario):
    rows = await kpis.overdue(await kpis.scope_for(scenario["manager"]), now=NOW)
    assert rows == [{"salesperson": "张三", "overdue": 2}, {"salesperson": "李四", "overdue": 1}]


async def test_leads_per_channel(scenario):
    rows = await kpis.leads_by_channel(await kpis.scope_for(scenario["manager"]), NOVEMBER, TZ)
    found = {r["channel"]: r["leads"] for r in rows if r["leads"]}
    assert found == {"douyin": 3, "referral": 1, "moments_ad": 1, "official_account": 1, "visit": 1, "other": 1}


async def test_acquisition_cost_and_roi_per_channel_from_the_period_s_spend(scenario):
    rows = {r["channel"]: r for r in await kpis.acquisition(NOVEMBER, TZ)}
    douyin = rows["douyin"]  # A, B, G, J; J signed 600,000 yuan
    assert (douyin["spend_yuan"], douyin["leads"], douyin["cost_per_lead_yuan"]) == ("3000.00", 4, "750.00")
    assert (douyin["deals"], douyin["deal_value_yuan"], douyin["roi"]) == (1, "600000.00", 200.0)
    assert (rows["moments_ad"]["cost_per_lead_yuan"], rows["moments_ad"]["roi"]) == ("1000.00", 0.0)
    assert rows["visit"]["spend_yuan"] == "0.00" and rows["visit"]["roi"] is None


async def test_sharing_counts_forwarded_visits_fission_and_depth(scenario):
    figures = await kpis.sharing(await kpis.scope_for(scenario["manager"]), NOVEMBER)
    assert (figures["views"], figures["shares"], figures["share_setups"]) == (7, 4, 2)
    assert (figures["sharers"], figures["new_via_share"], figures["fission"]) == (3, 4, 1.33)
    assert (figures["depth_max"], figures["depth_avg"]) == (3, 1.75)
    other_team = await kpis.sharing(await kpis.scope_for(scenario["zhou"]), NOVEMBER)
    assert (other_team["views"], other_team["sharers"]) == (0, 0)


async def test_the_forwarding_tree_of_the_most_forwarded_listing(scenario):
    found = await kpis.forwarding_tree(await kpis.scope_for(scenario["manager"]), NOVEMBER, TZ)
    assert (found["listing"], found["shares"]) == ("L1 花桥厂房", 4)

    def shape(node):
        return (node["name"], [shape(child) for child in node["children"]])

    assert shape(found["tree"]) == (
        "L1",
        [("访客visA", [("访客visB", [("访客visC", [("访客visE", [])])]), ("访客visD", [])])],
    )
    assert await kpis.forwarding_tree(await kpis.scope_for(scenario["zhou"]), NOVEMBER, TZ) is None


async def test_satisfaction_and_repeat_deals(scenario):
    team = await kpis.scope_for(scenario["manager"])
    assert await kpis.satisfaction(team, NOVEMBER, TZ) == {
        "ratings": 2,
        "average": 4.0,
        "distribution": [{"score": s, "ratings": 1 if s in (3, 5) else 0} for s in range(1, 6)],
    }
    assert (await kpis.satisfaction(await kpis.scope_for(scenario["admin"]), NOVEMBER, TZ))["average"] == 3.0
    assert await kpis.repeat_deals(team, NOVEMBER, TZ) == {"clients": 2, "repeat_clients": 1, "rate": 0.5}
    everyone = await kpis.repeat_deals(await kpis.scope_for(scenario["admin"]), NOVEMBER, TZ)
    assert everyone == {"clients": 3, "repeat_clients": 1, "rate": 0.3333}


async def test_usage_dau_mau_retention_and_time_spent(scenario):
    usage = await kpis.usage(NOVEMBER)
    h5 = {d["day"]: d for d in usage["h5"]["daily"]}
    assert (h5["2026-11-10"]["dau"], h5["2026-11-10"]["new"], h5["2026-11-10"]["minutes"]) == (4, 4, 1.3)
    assert (h5["2026-11-11"]["dau"], h5["2026-11-11"]["mau"], h5["2026-11-11"]["new"]) == (2, 5, 1)
    assert usage["h5"]["retention"]["d1"] == 0.2  # of 5 first-time visitors (4 + 1), B came back the next day
    mp = {d["day"]: d for d in usage["miniapp"]["daily"]}
    assert (mp["2026-11-10"]["dau"], mp["2026-11-11"]["dau"], mp["2026-11-11"]["mau"]) == (2, 1, 2)
    assert usage["miniapp"]["retention"]["d1"] == 0.5
    assert usage["miniapp"]["average_dau"] == 0.1
    assert (mp["2026-11-10"]["minutes"], mp["2026-11-11"]["minutes"]) == (4.5, 720.0)
    assert usage["miniapp"]["minutes_per_user"] == round((4.5 + 720) / 3, 2)  # over 3 user-days


async def test_mini_program_time_of_a_day_whose_counters_expired_is_kept(scenario, resources):
    await resources.redis.delete(metrics.miniapp_time_day_key(date(2026, 11, 10)))
    await rollups.rebuild_day(resources, date(2026, 11, 10))
    mp = {d["day"]: d for d in (await kpis.usage(NOVEMBER))["miniapp"]["daily"]}
    assert mp["2026-11-10"]["minutes"] == 4.5


async def test_chat_use_and_stability_come_from_the_day_s_counters(scenario):
    chat = await kpis.chat_use(NOVEMBER)
    assert (chat["replies"], chat["not_understood"], chat["not_understood_rate"]) == (10, 2, 0.2)
    assert chat["intents"][0] == {"intent": "log_followup", "label": "记跟进", "replies": 6}
    assert chat["intents"][2] == {"intent": "unknown", "label": "没太明白", "replies": 2}
    assert await kpis.stability(NOVEMBER) == [
        {"route": "/wechat", "requests": 100, "errors": 2, "error_rate": 0.02, "p95_ms": 100}
    ]


async def test_rebuilding_a_day_again_gives_the_same_figures(scenario, resources):
    before = await kpis.dashboard(scenario["admin"], NOVEMBER, tz=TZ, now=NOW)
    await rollups.rebuild_day(resources, date(2026, 11, 10))
    await rollups.rebuild_day(resources, date(2026, 11, 11))
    await rollups.rebuild_milestones()
    assert await kpis.dashboard(scenario["admin"], NOVEMBER, tz=TZ, now=NOW) == before


async def test_who_sees_which_figures(scenario):
    sales = await kpis.dashboard(scenario["zhang"], NOVEMBER, tz=TZ, now=NOW)
    assert "acquisition" not in sales and "stability" not in sales
    assert sales["overdue"] == [{"salesperson": "张三", "overdue": 2}]
    with pytest.raises(Forbidden):
        await kpis.scope_for(scenario["manager"], team_id=scenario["zhou"].id)
    with pytest.raises(NotInYourTeam):
        await kpis.scope_for(scenario["manager"], member_id=scenario["zhao"].id)
    with pytest.raises(Forbidden):
        await kpis.scope_for(scenario["zhang"], member_id=scenario["li"].id)
    other = await kpis.scope_for(scenario["admin"], team_id=scenario["zhou"].id)
    assert [s["clients"] for s in await kpis.funnel(other, NOVEMBER, TZ)] == [1, 1, 1, 1, 1, 1, 1]


def test_a_period_must_end_after_it_starts_and_last_at_most_a_year():
    with pytest.raises(AppError):
        kpis.period_of(date(2026, 11, 30), date(2026, 11, 1))
    with pytest.raises(AppError):
        kpis.period_of(date(2025, 1, 1), date(2026, 11, 1))


async def test_a_deleted_client_drops_out_of_every_figure(scenario):
    await Client.filter(id=scenario["A"].id).update(deleted_at=NOW)
    await rollups.rebuild_milestones()
    team = await kpis.scope_for(scenario["manager"])
    assert [s["clients"] for s in await kpis.funnel(team, NOVEMBER, TZ)][:2] == [7, 6]
    assert await kpis.overdue(team, now=NOW) == [
        {"salesperson": "张三", "overdue": 1},
        {"salesperson": "李四", "overdue": 1},
    ]


async def test_a_visitor_who_shares_on_several_days_is_one_sharer_whatever_order_days_are_rebuilt(scenario, resources):
    zhang = scenario["zhang"].id
    await TrackEvent.bulk_create(
        [
            view("tA3", "visA", noon(11, 12), sharer=zhang),
            view("tF", "visF", noon(11, 12) + timedelta(minutes=1), parent="tA3", sharer=zhang),
        ]
    )
    await rollups.rebuild_day(resources, date(2026, 11, 12))
    await rollups.rebuild_day(resources, date(2026, 11, 10))  # out of order: 11-12 is told of the earlier day
    team = await kpis.scope_for(scenario["manager"])
    november = await kpis.sharing(team, NOVEMBER)
    assert (november["sharers"], november["new_via_share"], november["fission"]) == (3, 5, 1.67)  # visA once
    later = await kpis.sharing(team, kpis.period_of(date(2026, 11, 11), date(2026, 11, 30)))
    assert later["sharers"] == 2  # visC on 11-11, visA on 11-12
