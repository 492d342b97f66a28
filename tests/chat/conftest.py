"""Staff chat fixtures: a small team bound to WeChat, listing and client factories, a ``say`` helper."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from models import Account, Client, Listing, Requirement
from models.enums import ListingStatus, PropertyType, ReviewStatus, Role, Stage
from services import clients as client_service
from services import regions

MANAGER, SALES, OTHER = "o-manager", "o-zhang", "o-li"


@pytest.fixture
async def team(make_staff) -> dict[str, Account]:
    manager = await make_staff("王经理", Role.MANAGER, bind_openid=MANAGER)
    zhang = await make_staff("张三", Role.SALES, manager=manager, bind_openid=SALES)
    li = await make_staff("李四", Role.SALES, manager=manager, bind_openid=OTHER)
    return {"manager": manager, "zhang": zhang, "li": li}


@pytest.fixture
def say(http, wx, resources):
    """``await say(openid, text)`` -> the reply text, through the signed (AES) endpoint.

    The reply deadline is raised to 5 s so a loaded CI machine still gets the passive reply to check.
    """

    async def send(openid: str, text: str, **kw) -> str:
        sent = await wx.text(http, openid, text, **kw)
        assert sent.status == 200, sent.body
        return sent.text

    settings = resources.settings
    resources.settings = replace(settings, reply_deadline_s=5.0)
    yield send
    resources.settings = settings


@pytest.fixture
def make_listing(settings, resources):
    counter = iter(range(1, 10_000))

    async def make(**overrides) -> Listing:
        n = next(counter)
        region = overrides.pop("region", "花桥")
        place = regions.tree(settings).resolve(region)
        values = dict(
            code=f"A{n}", title=f"{region}厂房{n}", property_type=PropertyType.FACTORY, deal_type="rent",
            region=region, city=place.city if place else None, district=place.district if place else None,
            town=place.town if place else None, area=Decimal("2000"), rent=Decimal("25"), single_storey=True,
            ceiling_height=Decimal("9"), floor_load=Decimal("3"), power_kva=Decimal("630"), features=[],
            status=ListingStatus.VACANT, review_status=ReviewStatus.APPROVED,
        )
        values.update(overrides)
        return await Listing.create(**values)

    return make


@pytest.fixture
def make_client(settings, resources):
    async def make(owner: Account, company: str = "华兴精密", *, phone: str | None = None,
                   contact_name: str | None = "张", stage: Stage = Stage.INTENT, **requirement) -> Client:
        client = await Client.create(company=company, company_norm=client_service.normalize_company(company, settings),
                                     contact_name=contact_name, phone=phone, owner=owner, stage=stage,
                                     region=requirement.get("region"))
        await Requirement.create(client=client, **requirement)
        return client

    return make


@pytest.fixture(scope="session", autouse=True)
def warm_parser():
    """The parser loads its dictionaries on first use (~0.5 s): not inside a 1 s reply deadline."""
    import nlp

    nlp.parse("找昆山2000平厂房")
