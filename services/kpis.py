"""The business's figures by period and team, as the dashboard shows them; each says how it is computed (NOTES).

Scope: an admin sees every team (or one, ``team_id`` = its manager), a manager
their team (themselves and the accounts they manage), a salesperson their own
clients. Company-wide figures (spend and ROI, app usage, chat use, stability)
are for admins and managers only.

The figures read the rollup tables (``services.rollups``), rebuilt every few
minutes by the worker, plus a few small live queries (overdue follow-ups,
deals, ratings, spend); nothing here scans the follow-ups or tracking events.
A period is a range of business days, both ends included.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count, Max, Sum

from models import (
    Account,
    ChannelSpend,
    Client,
    ClientMilestones,
    Deal,
    EndpointDaily,
    IntentDaily,
    Listing,
    ListingShareDaily,
    ListingStatusChange,
    Retention,
    SharerDay,
    TrackDaily,
    TrackEvent,
    UsageDaily,
    ViewingRating,
)
from models.enums import DealStatus, EventKind, ListingStatus, ReviewStatus, Role, Source, Stage
from services import metrics
from services.errors import FiguresOutOfReach, InvalidRequest, NotInYourTeam, StaffOnly
from services.rollups import H5, MINIAPP, RETENTION_DAYS, day_range

FUNNEL = (
    ("created_at", "客户录入"),
    ("requirement_at", "需求分析"),
    ("pushed_at", "匹配推送"),
    ("interest_at", "意向"),
    ("viewing_at", "带看"),
    ("negotiating_at", "谈判"),
    ("won_at", "成交"),
)
CYCLE_BUCKETS = ((0, 7, "≤7天"), (8, 14, "8-14天"), (15, 30, "15-30天"), (31, 60, "31-60天"), (61, 90, "61-90天"))
CYCLE_OVER = "90天以上"
SOURCE_LABELS = {
    Source.DOUYIN: "抖音推广",
    Source.REFERRAL: "老客户介绍",
    Source.VISIT: "线下拜访",
    Source.OFFICIAL_ACCOUNT: "公众号引流",
    Source.CHANNELS: "视频号推广",
    Source.MOMENTS_AD: "朋友圈广告",
    Source.MINIAPP: "小程序",
    Source.OTHER: "其他渠道",
}
INTENT_LABELS = {
    "new_client": "录入客户",
    "log_followup": "记跟进",
    "cancel_followup": "取消提醒",
    "client_info": "查客户",
    "client_by_name": "按名字查客户",
    "update_stage": "改阶段",
    "match_client": "给客户配房",
    "search_listings": "找房源",
    "new_listing": "录房源",
    "listing_status": "房源状态",
    "listing_card": "查房源",
    "listing_figures": "房源数据",
    "listing_stats": "房源数据",
    "agenda": "日程",
    "deal": "记成交",
    "record_deal": "记成交",
    "confirm_deal": "确认成交",
    "poster": "海报",
    "referral_code": "推广码",
    "reassign": "转交客户",
    "approve": "审核通过",
    "reject": "驳回",
    "choice": "选编号",
    "more": "更多",
    "help": "帮助",
    "chat_media": "发图片视频",
    "bind": "绑定",
    "my_commission": "我的佣金",
    "withdraw": "提现",
    "my_stats": "我的数据",
    "team_stats": "团队业绩",
    "staff_clients": "同事的客户",
    "staff_followups": "同事的跟进",
    "send_listing": "发房源给客户",
    "share_text": "房源文案",
    "courtesy": "问候致谢",
    "note_on_client": "客户名开头的跟进",
    "not_built": "未上线功能",
    metrics.NOT_UNDERSTOOD: "没太明白",
}
"""Chinese names of the chat handlers (``bot.handlers``) the chat figures show; others show their own name."""
NOTES = {
    "funnel": "本期新录入的客户（录入时间在所选日期内）中，到目前为止走到每一步的人数；走到后面一步的客户也计入前面各步。"
    "需求分析=需求至少填了一项；匹配推送=打开过推送的房源页、收藏或预约过房源；意向=咨询、收藏、留言或预约；"
    "带看=有未取消的带看或进入带看阶段；谈判=进入谈判阶段；成交=签约或进入成交阶段。转化率=本步人数÷上一步人数。",
    "listing_deal_rate": "本期成交关闭的房源数÷本期在架的房源数（已审核、期初未关闭、期末前已录入）。",
    "deal_cycle": "本期成交客户从首次接触（录入或第一条跟进，取早者）到签约（第一份合同或进入成交阶段）的天数：平均、中位数和分布。",
    "overdue": "现在已过计划跟进时间、仍在跟进中（未成交、未流失）的客户数，按负责销售。",
    "leads": "本期新录入的客户数，按客户来源渠道。",
    "forwarding": "本期被转发最多的（本团队的）房源的转发链：每个节点是一次访问，子节点是通过它分享的链接打开的访问（只画有转发的分支，最多200次访问）。",
    "sharing": "分享传播量=通过别人分享的链接打开房源页的次数；裂变系数=通过分享首次访问的新访客数÷本期带来过访问的分享人数；"
    "转发深度=从第一位访客起经过几次转发（1=第一位访客转发出去的）。",
    "acquisition": "获客成本=本期渠道花费÷本期该渠道新客户数；ROI=本期该渠道客户签约的成交额（首年租金或售价）÷本期渠道花费。"
    "花费在“渠道花费”页录入或导入。",
    "satisfaction": "客户带看结束后打的1-5分（销售转发的H5评分链接，或小程序“我的预约”里的评分邀请）：本期评分的平均分、评分数和分布。",
    "repeat_deals": "本期签约的客户中，之前已签过约的客户占比（复购率）。",
    "usage": "日活=当天打开过H5房源页的访客（按浏览器）或使用过小程序的登录用户；月活=截至当天30天内的去重人数；"
    "人均时长=本期使用时长之和÷本期每天日活之和：H5按页面在屏幕上可见的阅读时间，小程序按在前台的时间"
    "（小程序切到后台时和在前台每分钟上报一次，每人每天最多计12小时）。留存=某天首次出现的用户在第1/7/30天再来的比例。",
    "chat": "本期公众号聊天里每种指令/意图被回复的次数；“没太明白”=回复了提示语的消息数。",
    "stability": "本期每个接口的请求数、5xx错误率和P95耗时（按耗时分桶估算，取桶的上限）。",
}


# ---- scope and period -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    owner_ids: frozenset[int] | None
    """The salespeople whose clients count; None: everyone."""
    company: bool
    """Whether the company-wide figures are shown."""
    label: str


@dataclass(frozen=True)
class Period:
    since: date
    until: date
    """Both included."""

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def instants(self, tz: str) -> tuple[datetime, datetime]:
        return day_range(self.since, tz)[0], day_range(self.until, tz)[1]

    def dates(self) -> list[date]:
        return [self.since + timedelta(days=n) for n in range(self.days)]


def period_of(since: date, until: date, *, longest_days: int = 366) -> Period:
    if until < since:
        raise InvalidRequest("the period ends before it starts", {"until": "before since"})
    if (until - since).days >= longest_days:
        raise InvalidRequest(f"a period is at most {longest_days} days", {"since": "too long"})
    return Period(since, until)


async def scope_for(actor: Account, *, team_id: int | None = None, member_id: int | None = None) -> Scope:
    """What ``actor`` may see, narrowed to one team (its manager's id) or one salesperson."""
    if not actor.active or actor.role not in (Role.ADMIN, Role.MANAGER, Role.SALES):
        raise StaffOnly("dashboard")
    if actor.role == Role.SALES:
        if member_id not in (None, actor.id) or team_id is not None:
            raise FiguresOutOfReach("own_figures")
        return Scope(frozenset({actor.id}), False, actor.name)
    if actor.role == Role.MANAGER:
        if team_id not in (None, actor.id):
            raise FiguresOutOfReach("own_team")
        team_id = actor.id
    if member_id is not None:
        member = await Account.get_or_none(id=member_id)
        if member is None or (actor.role == Role.MANAGER and member.id != actor.id and member.manager_id != actor.id):
            raise NotInYourTeam(member or Account(id=member_id, name=str(member_id), role=Role.SALES))
        return Scope(frozenset({member.id}), True, member.name)
    if team_id is None:
        return Scope(None, True, "全部团队")
    manager = await Account.get_or_none(id=team_id, role__in=(Role.MANAGER, Role.ADMIN))
    if manager is None:
        raise FiguresOutOfReach("no_team")
    members = await Account.filter(manager_id=team_id).exclude(role=Role.PARTNER).values("id")
    return Scope(frozenset({team_id, *(m["id"] for m in members)}), True, f"{manager.name}团队")


def _owned(query, scope: Scope, column: str = "owner_id"):
    return query if scope.owner_ids is None else query.filter(**{f"{column}__in": list(scope.owner_ids)})


async def _sharer_ids(scope: Scope) -> list[int] | None:
    """Accounts whose shares count for the scope: its salespeople and the partners they look after."""
    if scope.owner_ids is None:
        return None
    partners = await Account.filter(role=Role.PARTNER, manager_id__in=list(scope.owner_ids)).values("id")
    return [*scope.owner_ids, *(p["id"] for p in partners)]


def _rate(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _yuan(fen: int) -> str:
    return str((Decimal(fen) / 100).quantize(Decimal("0.01")))


# ---- business figures -------------------------------------------------------------------------------


def _is_set(column: str) -> Q:
    condition: dict[str, Any] = {f"{column}__isnull": False}
    return Q(**condition)


async def funnel(scope: Scope, period: Period, tz: str) -> list[dict]:
    since, until = period.instants(tz)
    cohort = _owned(ClientMilestones.filter(created_at__gte=since, created_at__lt=until), scope)
    # one query: each step counts the clients whose column is set (annotations named apart from the columns)
    reached = {f"n_{column}": Count("client_id", _filter=_is_set(column)) for column, _ in FUNNEL[1:]}
    row = (await cohort.annotate(entered=Count("client_id"), **reached).values("entered", *reached))[0]
    counts = [int(row["entered"] or 0), *(int(row[name] or 0) for name in reached)]
    steps = []
    for i, ((_, label), n) in enumerate(zip(FUNNEL, counts, strict=True)):
        steps.append(
            {
                "step": label,
                "clients": n,
                "conversion": _rate(n, counts[i - 1]) if i else 1.0 if n else 0.0,
                "overall": _rate(n, counts[0]),
            }
        )
    return steps


async def listing_deal_rate(scope: Scope, period: Period, tz: str) -> dict:
    since, until = period.instants(tz)
    closed_before = Subquery(
        ListingStatusChange.filter(to_status=ListingStatus.CLOSED, changed_at__lt=since).values("listing_id")
    )
    listings = _owned(Listing.filter(review_status=ReviewStatus.APPROVED, created_at__lt=until), scope)
    listed_ids = await listings.exclude(id__in=closed_before).values_list("id", flat=True)
    closed = 0
    if listed_ids:
        closed = len(
            set(
                await ListingStatusChange.filter(
                    to_status=ListingStatus.CLOSED,
                    changed_at__gte=since,
                    changed_at__lt=until,
                    client_id__not_isnull=True,
                    listing_id__in=listed_ids,
                ).values_list("listing_id", flat=True)
            )
        )
    return {"listed": len(listed_ids), "closed_with_deal": closed, "rate": _rate(closed, len(listed_ids))}


async def deal_cycle(scope: Scope, period: Period, tz: str) -> dict:
    since, until = period.instants(tz)
    rows = await _owned(ClientMilestones.filter(won_at__gte=since, won_at__lt=until), scope).values(
        "first_contact_at", "won_at"
    )
    days = sorted(max((r["won_at"] - r["first_contact_at"]).days, 0) for r in rows)
    distribution = Counter(_cycle_bucket(d) for d in days)
    labels = [label for *_, label in CYCLE_BUCKETS] + [CYCLE_OVER]
    middle = len(days) // 2
    median = (days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2) if days else 0
    return {
        "deals": len(days),
        "average_days": round(sum(days) / len(days), 1) if days else 0.0,
        "median_days": median,
        "distribution": [{"bucket": label, "clients": distribution[label]} for label in labels],
    }


def _cycle_bucket(days: int) -> str:
    for low, high, label in CYCLE_BUCKETS:
        if low <= days <= high:
            return label
    return CYCLE_OVER


async def overdue(scope: Scope, *, now: datetime) -> list[dict]:
    """Clients whose planned follow-up is past, per salesperson (busiest first); live, not from a rollup."""
    rows = (
        await _owned(
            Client.live()
            .filter(next_followup_at__lt=now, owner_id__not_isnull=True)
            .exclude(stage__in=(Stage.WON, Stage.LOST)),
            scope,
        )
        .annotate(n=Count("id"))
        .group_by("owner_id")
        .values("owner_id", "n")
    )
    names = dict(await Account.filter(id__in=[r["owner_id"] for r in rows]).values_list("id", "name"))
    out = [{"salesperson": names.get(r["owner_id"], str(r["owner_id"])), "overdue": r["n"]} for r in rows]
    return sorted(out, key=lambda r: (-r["overdue"], r["salesperson"]))


async def leads_by_channel(scope: Scope, period: Period, tz: str) -> list[dict]:
    since, until = period.instants(tz)
    rows = (
        await _owned(ClientMilestones.filter(created_at__gte=since, created_at__lt=until), scope)
        .annotate(n=Count("client_id"))
        .group_by("source")
        .values("source", "n")
    )
    found = {r["source"]: r["n"] for r in rows}
    return [
        {"channel": source.value, "label": SOURCE_LABELS[source], "leads": found.get(source.value, 0)}
        for source in Source
    ]


async def sharing(scope: Scope, period: Period) -> dict:
    sharer_ids = await _sharer_ids(scope)
    daily = TrackDaily.filter(day__gte=period.since, day__lte=period.until)
    sharers = SharerDay.filter(day__gte=period.since, day__lte=period.until)
    if sharer_ids is not None:
        daily = daily.filter(sharer_id__in=sharer_ids)
        sharers = sharers.filter(sharer_id__in=sharer_ids)
    totals = await daily.annotate(
        views=Sum("views"),
        shares=Sum("shares"),
        share_setups=Sum("share_setups"),
        new_via_share=Sum("new_via_share"),
        depth_sum=Sum("depth_sum"),
        depth_max=Max("depth_max"),
    ).values("views", "shares", "share_setups", "new_via_share", "depth_sum", "depth_max")
    t = {k: int(v or 0) for k, v in (totals[0] if totals else {}).items()}
    # each visitor once: on the first day in the period they shared (their previous share day is before it)
    n_sharers = await sharers.filter(Q(prev_day__isnull=True) | Q(prev_day__lt=period.since)).count()
    per_day = {
        row["day"]: row
        for row in await daily.annotate(views=Sum("views"), shares=Sum("shares"))
        .group_by("day")
        .values("day", "views", "shares")
    }
    return {
        "views": t.get("views", 0),
        "shares": t.get("shares", 0),
        "share_setups": t.get("share_setups", 0),
        "sharers": n_sharers,
        "new_via_share": t.get("new_via_share", 0),
        "fission": round(t.get("new_via_share", 0) / n_sharers, 2) if n_sharers else 0.0,
        "depth_max": t.get("depth_max", 0),
        "depth_avg": round(t.get("depth_sum", 0) / t["shares"], 2) if t.get("shares") else 0.0,
        "daily": [
            {
                "day": d.isoformat(),
                "views": int(per_day[d]["views"] or 0) if d in per_day else 0,
                "shares": int(per_day[d]["shares"] or 0) if d in per_day else 0,
            }
            for d in period.dates()
        ],
    }


async def acquisition(period: Period, tz: str) -> list[dict]:
    """Per channel, company-wide: spend, new clients, cost per client, deal value and ROI."""
    since, until = period.instants(tz)
    spend = {
        getattr(r["channel"], "value", r["channel"]): int(r["fen"] or 0)
        for r in await ChannelSpend.filter(spent_on__gte=period.since, spent_on__lte=period.until)
        .annotate(fen=Sum("amount_fen"))
        .group_by("channel")
        .values("channel", "fen")
    }
    leads = {
        r["source"]: r["n"]
        for r in await ClientMilestones.filter(created_at__gte=since, created_at__lt=until)
        .annotate(n=Count("client_id"))
        .group_by("source")
        .values("source", "n")
    }
    value: dict[str, int] = defaultdict(int)
    deals: dict[str, int] = defaultdict(int)
    for row in (
        await Deal.filter(signed_at__gte=since, signed_at__lt=until)
        .exclude(status=DealStatus.CANCELLED)
        .values("size_fen", "client__source")
    ):
        source = getattr(row["client__source"], "value", row["client__source"])
        value[source] += row["size_fen"]
        deals[source] += 1
    out = []
    for source in Source:
        fen, n = spend.get(source.value, 0), leads.get(source.value, 0)
        if not (fen or n or deals[source.value]):
            continue
        out.append(
            {
                "channel": source.value,
                "label": SOURCE_LABELS[source],
                "spend_yuan": _yuan(fen),
                "leads": n,
                "cost_per_lead_yuan": _yuan(round(fen / n)) if n and fen else None,
                "deals": deals[source.value],
                "deal_value_yuan": _yuan(value[source.value]),
                "roi": round(value[source.value] / fen, 2) if fen else None,
            }
        )
    return out


async def satisfaction(scope: Scope, period: Period, tz: str) -> dict:
    since, until = period.instants(tz)
    scores = await _owned(ViewingRating.filter(rated_at__gte=since, rated_at__lt=until), scope).values_list(
        "score", flat=True
    )
    counts = Counter(scores)
    return {
        "ratings": len(scores),
        "average": round(sum(scores) / len(scores), 2) if scores else None,
        "distribution": [{"score": s, "ratings": counts[s]} for s in range(1, 6)],
    }


async def repeat_deals(scope: Scope, period: Period, tz: str) -> dict:
    since, until = period.instants(tz)
    signed = _owned(
        Deal.filter(signed_at__gte=since, signed_at__lt=until).exclude(status=DealStatus.CANCELLED),
        scope,
        "client__owner_id",
    )
    clients = set(await signed.values_list("client_id", flat=True))
    returning = (
        set(
            await Deal.filter(client_id__in=list(clients), signed_at__lt=since)
            .exclude(status=DealStatus.CANCELLED)
            .values_list("client_id", flat=True)
        )
        if clients
        else set()
    )
    return {"clients": len(clients), "repeat_clients": len(returning), "rate": _rate(len(returning), len(clients))}


async def forwarding_tree(scope: Scope, period: Period, tz: str, *, limit: int = 200) -> dict | None:
    """The forwarding tree of the scope's most forwarded listing (one of its salespeople's) in the period, at most
    ``limit`` visits: each node a visit, its children the visits its shared link brought; None if none was."""
    since, until = period.instants(tz)
    shared = ListingShareDaily.filter(day__gte=period.since, day__lte=period.until)
    if scope.owner_ids is not None:
        shared = shared.filter(listing_id__in=Subquery(Listing.filter(owner_id__in=list(scope.owner_ids)).values("id")))
    top = (
        await shared.annotate(n=Sum("shares"))
        .group_by("listing_id")
        .order_by("-n", "listing_id")
        .limit(1)
        .values("listing_id", "n")
    )
    if not top or not top[0]["n"]:
        return None
    listing = await Listing.get_or_none(id=top[0]["listing_id"])
    # by the (listing, time) index, every kind: filtering views in SQL made databases pick the (kind, time) index
    events = (
        await TrackEvent.filter(listing_id=top[0]["listing_id"], happened_at__gte=since, happened_at__lt=until)
        .order_by("happened_at", "id")
        .values("kind", "token", "parent_token", "visitor", "channel")
    )
    views = [e for e in events if e["kind"] == EventKind.VIEW][:limit]
    nodes: dict[str, dict] = {}
    roots: list[dict] = []
    for view in views:
        node = {"name": f"访客{view['visitor'][:4]}", "channel": view["channel"], "children": []}
        nodes[view["token"]] = node
        parent = nodes.get(view["parent_token"] or "")
        (parent["children"] if parent is not None else roots).append(node)
    forwarded = [root for root in roots if root["children"]]
    return {
        "listing": f"{listing.code} {listing.title}" if listing else str(top[0]["listing_id"]),
        "shares": int(top[0]["n"]),
        "tree": {"name": listing.code if listing else "房源", "children": forwarded},
    }


# ---- company-wide figures ---------------------------------------------------------------------------


async def usage(period: Period) -> dict:
    out: dict = {}
    for surface in (H5, MINIAPP):
        rows = {
            r["day"]: r
            for r in await UsageDaily.filter(surface=surface, day__gte=period.since, day__lte=period.until).values(
                "day", "dau", "mau", "new", "time_ms"
            )
        }
        daily = [
            {
                "day": d.isoformat(),
                "dau": rows[d]["dau"] if d in rows else 0,
                "mau": rows[d]["mau"] if d in rows else 0,
                "new": rows[d]["new"] if d in rows else 0,
                "minutes": round(rows[d]["time_ms"] / 60000, 1) if d in rows else 0.0,
            }
            for d in period.dates()
        ]
        cohorts = await Retention.filter(
            surface=surface, cohort_day__gte=period.since, cohort_day__lte=period.until
        ).values("cohort_day", "size", *(f"d{n}" for n in RETENTION_DAYS))
        retention = {}
        for n in RETENTION_DAYS:
            # only cohorts old enough to have had their day N
            ripe = [c for c in cohorts if c["cohort_day"] + timedelta(days=n) <= period.until]
            size = sum(c["size"] for c in ripe)
            retention[f"d{n}"] = _rate(sum(c[f"d{n}"] for c in ripe), size)
        out[surface] = {
            "average_dau": round(sum(int(d["dau"]) for d in daily) / len(daily), 1),
            "mau": daily[-1]["mau"],
            "minutes_per_user": round(
                sum(float(d["minutes"]) for d in daily) / max(sum(int(d["dau"]) for d in daily), 1), 2
            ),
            "retention": retention,
            "daily": daily,
        }
    return out


async def chat_use(period: Period) -> dict:
    rows = (
        await IntentDaily.filter(day__gte=period.since, day__lte=period.until)
        .annotate(n=Sum("replies"))
        .group_by("intent")
        .values("intent", "n")
    )
    intents = sorted(
        (
            {"intent": r["intent"], "label": INTENT_LABELS.get(r["intent"], r["intent"]), "replies": int(r["n"])}
            for r in rows
        ),
        key=lambda r: (-r["replies"], r["intent"]),
    )
    total = sum(r["replies"] for r in intents)
    unknown = sum(r["replies"] for r in intents if r["intent"] == metrics.NOT_UNDERSTOOD)
    return {
        "replies": total,
        "not_understood": unknown,
        "not_understood_rate": _rate(unknown, total),
        "intents": intents,
    }


async def stability(period: Period) -> list[dict]:
    rows = await EndpointDaily.filter(day__gte=period.since, day__lte=period.until).values(
        "route", "requests", "errors", "buckets"
    )
    routes: dict[str, dict] = {}
    for row in rows:
        r = routes.setdefault(
            row["route"], {"requests": 0, "errors": 0, "buckets": [0] * (len(metrics.BUCKETS_MS) + 1)}
        )
        r["requests"] += row["requests"]
        r["errors"] += row["errors"]
        for i, n in enumerate(row["buckets"][: len(r["buckets"])]):
            r["buckets"][i] += n
    out = [
        {
            "route": route,
            "requests": r["requests"],
            "errors": r["errors"],
            "error_rate": _rate(r["errors"], r["requests"]),
            "p95_ms": p95_ms(r["buckets"]),
        }
        for route, r in routes.items()
    ]
    return sorted(out, key=lambda r: -r["requests"])


def p95_ms(buckets: list[int]) -> int | None:
    """The upper bound of the bucket holding the 95th percentile; None past the last bound or with no requests."""
    total = sum(buckets)
    if not total:
        return None
    running = 0
    for bound, n in zip((*metrics.BUCKETS_MS, None), buckets, strict=False):
        running += n
        if running >= 0.95 * total:
            return bound
    return None


# ---- the dashboard ----------------------------------------------------------------------------------


async def dashboard(
    actor: Account,
    period: Period,
    *,
    tz: str,
    team_id: int | None = None,
    member_id: int | None = None,
    now: datetime | None = None,
) -> dict:
    scope = await scope_for(actor, team_id=team_id, member_id=member_id)
    now = now or datetime.now(timezone.utc)
    figures: dict[str, Coroutine[Any, Any, Any]] = {
        "funnel": funnel(scope, period, tz),
        "listing_deal_rate": listing_deal_rate(scope, period, tz),
        "deal_cycle": deal_cycle(scope, period, tz),
        "overdue": overdue(scope, now=now),
        "leads": leads_by_channel(scope, period, tz),
        "sharing": sharing(scope, period),
        "forwarding": forwarding_tree(scope, period, tz),
        "satisfaction": satisfaction(scope, period, tz),
        "repeat_deals": repeat_deals(scope, period, tz),
    }
    if scope.company:
        figures["acquisition"] = acquisition(period, tz)
        figures["usage"] = usage(period)
        figures["chat"] = chat_use(period)
        figures["stability"] = stability(period)
    # independent reads: on MySQL each takes its own pooled connection, so the page waits for the slowest only
    values = await asyncio.gather(*figures.values())
    return {"scope": scope.label, "since": period.since.isoformat(), "until": period.until.isoformat()} | dict(
        zip(figures, values, strict=True)
    )
