"""Demo and benchmark data (`python -m app seed`, the benchmarks): a small team, synthetic listings and clients.

Listings follow the industrial parks of the Yangtze and Pearl River deltas:
areas log-normal around 3,000 m², rents and sale prices by city, single-storey
factories with higher ceilings and loads than multi-storey ones. Seeding is
idempotent: it tops up to the requested counts, so `make run` seeding on every
start never duplicates demo data. Rows are bulk-inserted with explicit ids.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from tortoise.transactions import in_transaction

from core.config import StageProbability
from models import Account, AuditLog, Client, FollowUp, Listing, Requirement, WechatUser
from models.enums import DealType, ListingStatus, PropertyType, ReviewStatus, Role, Source, Stage
from models.pii import blind_index
from services import accounts, audit
from services import clients as client_service

DEMO_TEAM = [("王经理", Role.MANAGER), ("张三", Role.SALES), ("李四", Role.SALES)]
SEED_MARK = "demo data (python -m app seed)"
SEED_ACCOUNT_ACTION = "account.seed"
BATCH = 2000


@dataclass(frozen=True)
class CityProfile:
    weight: int
    rent: tuple[float, float]
    """yuan/m²/month for a typical single-storey factory"""
    sale: tuple[float, float]
    """yuan/m²"""


CITY_PROFILES = {
    "苏州": CityProfile(20, (22, 36), (4500, 7500)),
    "无锡": CityProfile(8, (18, 28), (3500, 5500)),
    "常州": CityProfile(6, (14, 22), (2800, 4500)),
    "嘉兴": CityProfile(8, (15, 24), (3000, 5000)),
    "上海": CityProfile(14, (35, 60), (9000, 16000)),
    "南通": CityProfile(5, (12, 20), (2500, 4000)),
    "东莞": CityProfile(12, (20, 32), (5000, 8000)),
    "深圳": CityProfile(10, (35, 65), (12000, 20000)),
    "惠州": CityProfile(6, (15, 24), (3500, 5500)),
    "佛山": CityProfile(7, (18, 28), (4500, 7000)),
    "广州": CityProfile(6, (25, 40), (7000, 12000)),
    "中山": CityProfile(3, (14, 22), (3000, 4800)),
}
DEFAULT_PROFILE = CityProfile(3, (15, 25), (3000, 5000))
PROPERTY_TYPES = [
    (PropertyType.FACTORY, 62),
    (PropertyType.WAREHOUSE, 28),
    (PropertyType.OFFICE, 7),
    (PropertyType.LAND, 3),
]
STATUSES = [
    (ListingStatus.VACANT, 75),
    (ListingStatus.VIEWING, 10),
    (ListingStatus.NEGOTIATING, 5),
    (ListingStatus.CLOSED, 5),
    (ListingStatus.PAUSED, 5),
]
FEATURE_ODDS = {
    "crane": 0.25,
    "eia": 0.4,
    "sewage": 0.2,
    "property_cert": 0.5,
    "standalone": 0.15,
    "dock": 0.35,
    "dangerous_goods": 0.04,
    "office_included": 0.5,
    "dormitory": 0.3,
    "canteen": 0.2,
}
TRANSFORMERS = [200, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500]
PARKS = ["工业园", "科技园", "智造园", "产业园", "物流园", "创业园", "高新园"]
TYPE_WORDS = {"factory": "厂房", "warehouse": "仓库", "office": "研发楼", "land": "工业用地"}
COMPANY_HEADS = [
    "华兴",
    "宏达",
    "恒通",
    "远航",
    "金泰",
    "东升",
    "新锐",
    "鼎盛",
    "瑞丰",
    "永信",
    "天成",
    "博远",
    "嘉和",
    "中驰",
    "立信",
    "凯达",
    "盛华",
    "海川",
    "万晟",
    "启明",
]
INDUSTRIES = [
    "精密机械",
    "电子",
    "新能源电池",
    "食品加工",
    "物流",
    "模具",
    "汽车零部件",
    "医疗器械",
    "家具",
    "光伏",
    "包装印刷",
    "化工新材料",
    "服装",
    "智能装备",
]
SURNAMES = "张王李赵陈刘杨黄周吴徐孙胡朱高林何郭马罗"


async def seed_team() -> tuple[list[Account], list[str]]:
    """The demo team, created once; returns the accounts and report lines with bind codes.

    A fresh code is printed only for a demo account that seed itself created and nobody has bound yet:
    an account of the same name made by ``createstaff`` (a real 张三) or already in use never gets one.
    """
    team, report = [], []
    manager = None
    for name, role in DEMO_TEAM:
        account = await Account.filter(name=name).first()
        if account is None:
            account, code = await accounts.create_staff(name, role, manager=manager)
            await audit.record(None, SEED_ACCOUNT_ACTION, "account", account.id, after={"name": name})
        elif await _unbound_demo_account(account):
            code = await accounts.issue_bind_code(account)
        else:
            code = None
        manager = manager or account
        team.append(account)
        report.append(
            f"{role.value:8} {name}: 绑定 {code}"
            if code
            else f"{role.value:8} {name}: already exists and is not an unbound demo account, no bind code"
        )
    return team, report


async def _unbound_demo_account(account: Account) -> bool:
    created_by_seed = await AuditLog.filter(action=SEED_ACCOUNT_ACTION, entity="account", entity_id=account.id).exists()
    return created_by_seed and not await WechatUser.filter(account_id=account.id).exists()


async def seed_demo(*, listings: int, clients: int, rng_seed: int, regions: dict) -> list[str]:
    team, report = await seed_team()
    rng = random.Random(rng_seed)
    added_listings = await seed_listings(listings, rng=rng, regions=regions, team=team)
    added_listings += await seed_showcase(team)
    added_clients = await seed_clients(clients, rng=rng, regions=regions, team=team)
    report.append(f"listings: {added_listings} added, {await Listing.filter(internal_notes=SEED_MARK).count()} demo")
    report.append(f"clients: {added_clients} added, {await Client.filter(notes=SEED_MARK).count()} demo")
    report.append("try the bot in another terminal: .venv/bin/python -m app chat --as 张三")
    return report


def _weighted(rng: random.Random, pairs):
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def _place(rng: random.Random, regions: dict) -> tuple[str, str | None, str | None]:
    cities = list(regions)
    city = rng.choices(cities, weights=[CITY_PROFILES.get(c, DEFAULT_PROFILE).weight for c in cities])[0]
    district = rng.choice(list(regions[city] or {"": []}))
    towns = (regions[city] or {}).get(district) or []
    town = rng.choice(towns) if towns and rng.random() < 0.7 else None
    return city, district or None, town


def sample_area(rng: random.Random, kind: PropertyType) -> float:
    """A building area as industrial parks offer them: log-normal around the type's median, m²."""
    median = {"factory": 3000, "warehouse": 5000, "office": 1500, "land": 15000}[kind.value]
    value = math.exp(rng.gauss(math.log(median), 0.75))
    return float(min(max(round(value, -1), 300), 60000))


def _listing(rng: random.Random, listing_id: int, regions: dict, owners: list[int]) -> Listing:
    city, district, town = _place(rng, regions)
    profile = CITY_PROFILES.get(city, DEFAULT_PROFILE)
    kind = _weighted(rng, PROPERTY_TYPES)
    deal = DealType.SALE if rng.random() < 0.15 else DealType.RENT
    area = sample_area(rng, kind)
    single = kind == PropertyType.LAND or rng.random() < (
        0.55 if kind == PropertyType.FACTORY else 0.8 if kind == PropertyType.WAREHOUSE else 0.1
    )
    ceiling = rng.choice([6, 7, 8, 8, 9, 9, 10, 12]) if single else rng.choice([4.5, 5, 5.5, 6])
    load = rng.choice([2, 3, 3, 5]) if single else rng.choice([0.8, 1, 1.2, 1.5])
    power = min(TRANSFORMERS, key=lambda t: abs(t - area * rng.uniform(0.08, 0.25)))
    features = sorted(
        f
        for f, odds in FEATURE_ODDS.items()
        if rng.random() < odds and not (f == "dock" and kind == PropertyType.OFFICE)
    )
    discount = 1.0 if single else 0.8
    rent = round(rng.uniform(*profile.rent) * discount * 2) / 2
    sale = round(rng.uniform(*profile.sale) * discount, -2)
    place = town or district or city
    status = _weighted(rng, STATUSES)
    return Listing(
        id=listing_id,
        code=f"A{listing_id}",
        title=f"{place}{rng.choice(PARKS)}{rng.randint(1, 30)}号{TYPE_WORDS[kind.value]}",
        property_type=kind,
        deal_type=deal,
        region=place,
        city=city,
        district=district,
        town=town,
        area=Decimal(str(area)),
        rent=Decimal(str(rent)) if deal == DealType.RENT else None,
        sale_price=Decimal(str(sale)) if deal == DealType.SALE else None,
        single_storey=single,
        floors=1 if single else rng.randint(2, 5),
        ceiling_height=Decimal(str(ceiling)),
        floor_load=Decimal(str(load)),
        power_kva=Decimal(str(power)),
        features=features,
        property_cert="property_cert" in features,
        sewage="sewage" in features,
        status=status,
        review_status=ReviewStatus.APPROVED if rng.random() < 0.95 else ReviewStatus.PENDING,
        owner_id=rng.choice(owners),
        internal_notes=SEED_MARK,
    )


async def _next_id(model: type[Listing] | type[Client]) -> int:
    """The id after the highest one in use (demo rows are inserted in bulk with their ids)."""
    last = await model.all().order_by("-id").only("id").first()
    return (last.id if last else 0) + 1


async def seed_listings(count: int, *, rng: random.Random, regions: dict, team: list[Account]) -> int:
    """Top the demo listings up to ``count``; returns how many were added."""
    missing = count - await Listing.filter(internal_notes=SEED_MARK).count()
    if missing <= 0 or not regions:
        return 0
    owners = [a.id for a in team]
    start = await _next_id(Listing)
    for offset in range(0, missing, BATCH):
        rows = [_listing(rng, start + offset + i, regions, owners) for i in range(min(BATCH, missing - offset))]
        async with in_transaction():
            await Listing.bulk_create(rows)
    return missing


# What the help text's examples find (找 昆山 2000平 层高8米 厂房, 新客户 … 昆山), so a newcomer's
# first searches after `make run` show results: (town, area m², ceiling m, rent yuan/m²/month, features).
SHOWCASE = [
    ("花桥", 2100, 9, 26, ["crane", "property_cert", "eia"]),
    ("花桥", 1850, 8, 24, ["dock", "office_included"]),
    ("陆家", 2400, 10, 27, ["crane", "standalone", "property_cert"]),
    ("张浦", 2000, 8.5, 22, ["eia", "dormitory"]),
    ("周市", 3200, 12, 25, ["crane", "dock", "sewage"]),
    ("千灯", 1600, 8, 21, ["office_included"]),
]


async def seed_showcase(team: list[Account]) -> int:
    """Six approved single-storey factories in 昆山 for the help examples; added once."""
    added = 0
    for town, area, ceiling, rent, features in SHOWCASE:
        title = f"{town}示范园{area}平单层厂房"
        if await Listing.filter(title=title).exists():
            continue
        listing = await Listing.create(
            code=f"S{added + 1}-{town}",
            title=title,
            property_type=PropertyType.FACTORY,
            deal_type=DealType.RENT,
            region=town,
            city="苏州",
            district="昆山",
            town=town,
            area=Decimal(area),
            rent=Decimal(str(rent)),
            single_storey=True,
            floors=1,
            ceiling_height=Decimal(str(ceiling)),
            floor_load=Decimal(3),
            power_kva=Decimal(400),
            features=features,
            property_cert="property_cert" in features,
            sewage="sewage" in features,
            status=ListingStatus.VACANT,
            review_status=ReviewStatus.APPROVED,
            owner=team[1],
            internal_notes=SEED_MARK,
            transport="距沪宁高速出口5公里",
            park_facilities="园区食堂、宿舍、24小时安保",
        )
        listing.code = f"A{listing.id}"
        await listing.save(update_fields=["code"])
        added += 1
    return added


def _client(
    rng: random.Random, client_id: int, regions: dict, owners: list[int], settings_like
) -> tuple[Client, Requirement]:
    city, district, town = _place(rng, regions)
    region = rng.choice([x for x in (city, district, town) if x])
    company = f"{rng.choice(COMPANY_HEADS)}{rng.choice(INDUSTRIES)}"
    phone = f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"
    stage = _weighted(
        rng, [(Stage.INTENT, 50), (Stage.VIEWING, 25), (Stage.NEGOTIATING, 12), (Stage.WON, 8), (Stage.LOST, 5)]
    )
    client = Client(
        id=client_id,
        company=company,
        company_norm=client_service.normalize_company(company, settings_like),
        contact_name=rng.choice(SURNAMES),
        phone=phone,
        phone_hash=blind_index("phone", phone),
        industry=company[2:],
        region=region,
        source=rng.choice(list(Source)),
        stage=stage,
        deal_probability=StageProbability().of(stage.value),
        owner_id=rng.choice(owners),
        notes=SEED_MARK,
    )
    kind = PropertyType.WAREHOUSE if "物流" in company else PropertyType.FACTORY
    target = sample_area(rng, kind)
    profile = CITY_PROFILES.get(city, DEFAULT_PROFILE)
    requirement = Requirement(
        client_id=client_id,
        deal_type=DealType.RENT,
        property_type=kind,
        region=region,
        area_min=Decimal(str(round(target * 0.9))),
        area_max=Decimal(str(round(target * 1.1))),
        ceiling_height_min=Decimal(str(rng.choice([6, 7, 8, 9]))) if rng.random() < 0.5 else None,
        rent_max=Decimal(str(round(rng.uniform(*profile.rent)))) if rng.random() < 0.6 else None,
        features=["dock"] if kind == PropertyType.WAREHOUSE and rng.random() < 0.5 else [],
    )
    return client, requirement


@dataclass(frozen=True)
class _Regions:
    """Just what ``normalize_company`` reads from settings."""

    regions: dict


async def seed_clients(count: int, *, rng: random.Random, regions: dict, team: list[Account]) -> int:
    """Top the demo clients up to ``count`` (owned by the sales team, some with a follow-up due soon)."""
    missing = count - await Client.filter(notes=SEED_MARK).count()
    if missing <= 0 or not regions:
        return 0
    owners = [a.id for a in team if a.role == Role.SALES] or [a.id for a in team]
    start = await _next_id(Client)
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    for offset in range(0, missing, BATCH):
        pairs = [
            _client(rng, start + offset + i, regions, owners, _Regions(regions))
            for i in range(min(BATCH, missing - offset))
        ]
        followups = []
        for client, _ in pairs:
            if rng.random() < 0.4 and client.stage not in (Stage.WON, Stage.LOST):
                client.next_followup_at = now + timedelta(hours=rng.randint(-24, 72))
                followups.append(
                    FollowUp(
                        client_id=client.id,
                        author_id=client.owner_id,
                        content="电话沟通需求",
                        happened_at=now,
                        next_at=client.next_followup_at,
                        remind_at=client.next_followup_at,
                    )
                )
        async with in_transaction():
            await Client.bulk_create([c for c, _ in pairs])
            await Requirement.bulk_create([r for _, r in pairs])
            await FollowUp.bulk_create(followups)
    return missing
