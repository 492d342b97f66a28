"""Rows the tests build, shared by every test directory (registered in tests/conftest.py as a plugin).

A directory whose tests need other defaults overrides a fixture in its own conftest.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot import notices
from models import Account, Client, Listing, ListingMedia, Notification
from models.enums import ListingStatus, MediaKind, PropertyType, ReviewStatus, Role, Stage
from services import clients as client_service
from services import ledger, regions

MANAGER, SALES, OTHER = "o-manager", "o-zhang", "o-li"


@pytest.fixture
async def team(make_staff) -> dict[str, Account]:
    manager = await make_staff("王经理", Role.MANAGER, bind_openid=MANAGER)
    zhang = await make_staff("张三", Role.SALES, manager=manager, bind_openid=SALES)
    li = await make_staff("李四", Role.SALES, manager=manager, bind_openid=OTHER)
    return {"manager": manager, "zhang": zhang, "li": li}


@pytest.fixture
async def company(team, make_staff) -> dict[str, Account]:
    """Two teams and an admin: 王经理 (张三, 李四) and 赵经理 (钱五), plus 管理员."""
    other_manager = await make_staff("赵经理", Role.MANAGER)
    qian = await make_staff("钱五", Role.SALES, manager=other_manager)
    admin = await make_staff("管理员", Role.ADMIN)
    return {**team, "other_manager": other_manager, "qian": qian, "admin": admin}


@pytest.fixture
def make_listing(settings, resources):
    """``await make_listing(rent=Decimal("28"), owner=zhang, gallery=[(MediaKind.PHOTO, "/media/t/1.jpg")])``: an
    approved, vacant single-storey factory for rent in 花桥 (its city and district resolved from ``region``), coded
    A1, A2...; ``gallery`` adds its photos and videos in order, the first the cover."""
    counter = iter(range(1, 10_000))

    async def make(*, gallery: Sequence[tuple[MediaKind, str]] = (), **overrides) -> Listing:
        n = next(counter)
        region = overrides.pop("region", "花桥")
        place = regions.tree(settings).resolve(region)
        values = dict(
            code=f"A{n}",
            title=f"{region}厂房{n}",
            property_type=PropertyType.FACTORY,
            deal_type="rent",
            region=region,
            city=place.city if place else None,
            district=place.district if place else None,
            town=place.town if place else None,
            area=Decimal("2000"),
            rent=Decimal("25"),
            single_storey=True,
            ceiling_height=Decimal("9"),
            floor_load=Decimal("3"),
            power_kva=Decimal("630"),
            features=[],
            status=ListingStatus.VACANT,
            review_status=ReviewStatus.APPROVED,
        )
        values.update(overrides)
        listing = await Listing.create(**values)
        for position, (kind, url) in enumerate(gallery, start=1):
            image = kind != MediaKind.VIDEO
            await ListingMedia.create(
                listing=listing,
                kind=kind,
                position=position,
                is_cover=position == 1,
                original_url=url,
                web_url=url if image else None,
            )
        return listing

    return make


@pytest.fixture
def make_client(settings, resources):
    """``await make_client(zhang, "华兴精密", phone=..., area_min=1800, stage=Stage.VIEWING)``: a client of
    ``owner`` entered as chat enters one (``services.clients.create_or_merge``: the duplicate rule, the audit
    entry), with its requirement; then moved to ``stage``."""

    async def make(
        owner: Account,
        company: str = "华兴精密",
        *,
        phone: str | None = None,
        contact_name: str | None = "张",
        stage: Stage = Stage.INTENT,
        on_duplicate: client_service.OnDuplicate = client_service.OnDuplicate.REFUSE,
        **requirement,
    ) -> Client:
        client = await client_service.create_or_merge(
            actor=owner,
            slots={"company": company, "contact_name": contact_name, "phone": phone, **requirement},
            settings=settings,
            via="test",
            on_duplicate=on_duplicate,
        )
        if stage != Stage.INTENT:
            client.stage = stage
            client.deal_probability = client_service.stage_probability(settings, stage)
            await client.save(update_fields=["stage", "deal_probability"])
        return client

    return make


async def balance(account: Account) -> ledger.Balance:
    return await ledger.balances(account.id)


async def fund(account: Account, fen: int, *, key: str | None = None) -> None:
    """Give ``account`` ``fen`` of released commission (a fixed reward, released at once)."""
    from datetime import datetime, timezone

    from models.enums import EarningKind, EarningTier
    from services import commissions

    now = datetime.now(timezone.utc)
    earning = await commissions._earn(
        key=key or f"test:{account.id}:{fen}:{now.timestamp()}",
        kind=EarningKind.VIEWING,
        tier=EarningTier.DIRECT,
        account_id=account.id,
        client_id=None,
        level="standard",
        basis="test",
        amount_fen=fen,
        release_at=now,
    )
    await commissions.release(earning.id, now=now)


@pytest.fixture
def login(http):
    """``headers = await login("alice", scene="s1")``: log in with a fresh wx.login code, return auth headers."""
    counter = itertools.count(1)

    async def do(name: str = "alice", *, scene: str | None = None) -> dict[str, str]:
        body = {"code": f"{name}:{next(counter)}"}
        if scene is not None:
            body["scene"] = scene
        response = await http.post("/api/mp/v1/auth/login", json=body)
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['token']}"}

    return do


@pytest.fixture
def words(settings):
    """``words(notification)``: what its recipient reads (``{"title": ..., "detail": ...}``), as bot.notices words
    the facts a service recorded, each value fitted to a template's 20 characters."""
    zone = ZoneInfo(settings.timezone)

    def read(notification: Notification) -> dict[str, str]:
        return notices.text(notification, zone)

    return read
