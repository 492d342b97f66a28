"""The matching engine's pure parts: criteria, per-dimension scores and reasons, the region tree."""

from dataclasses import replace
from decimal import Decimal

import pytest

from bot import format as fmt
from core.config import MatchingWeights
from services import clients, matching, regions
from services.matching import Criteria


def row(**overrides) -> dict:
    values = dict(
        id=1,
        code="A1",
        title="t",
        property_type="factory",
        deal_type="rent",
        region="花桥",
        city="苏州",
        district="昆山",
        town="花桥",
        area=Decimal("2000"),
        rent=Decimal("25"),
        sale_price=None,
        single_storey=True,
        ceiling_height=Decimal("9"),
        floor_load=Decimal("3"),
        power_kva=Decimal("630"),
        features=["crane"],
        status="vacant",
        review_status="approved",
        owner_id=None,
    )
    values.update(overrides)
    return values


def said(match: matching.Match) -> list[str]:
    """The reasons as the chat words them."""
    return [fmt.reason(r) for r in match.reasons]


def test_criteria_from_slots_keeps_known_slots_only(settings):
    c = Criteria.from_slots({"region": "昆山", "area_min": 1800.0, "client": "x", "features": ["dock", "crane"]})
    assert (c.region, c.area_min, c.features) == ("昆山", 1800.0, ["crane", "dock"])


def test_a_listing_inside_every_bound_scores_one_with_a_tick_each(settings):
    c = Criteria(area_min=1800, area_max=2200, rent_max=25, ceiling_height_min=8)
    match = matching.score(c, row(), settings)
    assert match.score == 1.0 and fmt.explanation(match) == "面积✓ 租金✓ 层高✓"


@pytest.mark.parametrize(("rent", "reason"), [(27, "租金超8%"), (28.5, "租金超14%")])
def test_rent_over_budget_is_scored_down_and_says_by_how_much(settings, rent, reason):
    c = Criteria(rent_max=25)
    match = matching.score(c, row(rent=Decimal(str(rent))), settings)
    assert reason in said(match) and match.score < 1


def test_rent_beyond_the_tolerance_fails(settings):
    assert matching.score(Criteria(rent_max=25), row(rent=Decimal("29")), settings) is None


def test_area_outside_the_range_says_by_how_much(settings):
    match = matching.score(Criteria(area_min=1800, area_max=2000), row(area=Decimal("2160")), settings)
    assert said(match) == ["面积+8%"] and 0 < match.score < 1


def test_a_monthly_budget_is_compared_with_rent_times_area(settings):
    match = matching.score(Criteria(budget_month_max=50000), row(area=Decimal("2000"), rent=Decimal("26")), settings)
    assert said(match) == ["月租超4%"]


def test_a_sale_total_is_compared_with_price_times_area(settings):
    c = Criteria(deal_type="sale", sale_total_max=10_000_000)
    assert matching.score(c, row(sale_price=Decimal("4800"), rent=None), settings).reasons == [
        matching.Reason("sale_total")
    ]


def test_a_missing_required_feature_fails(settings):
    assert matching.score(Criteria(features=["dock"]), row(features=["crane"]), settings) is None


def test_weights_come_from_settings(settings):
    c = Criteria(area_min=1800, area_max=2000, rent_max=25)
    listing = row(area=Decimal("2100"), rent=Decimal("25"))
    heavy_area = replace(settings, matching=replace(settings.matching, weights=MatchingWeights(area=10, price=1)))
    heavy_price = replace(settings, matching=replace(settings.matching, weights=MatchingWeights(area=1, price=10)))
    assert matching.score(c, listing, heavy_area).score < matching.score(c, listing, heavy_price).score


def test_fit_applies_the_hard_filters_in_python(settings):
    from models import Listing

    listing = Listing(**{k: v for k, v in row().items() if k != "owner_id"})
    assert matching.fit(Criteria(region="苏州", area_min=1800, area_max=2200), listing, settings) is not None
    assert matching.fit(Criteria(region="嘉兴"), listing, settings) is None
    assert matching.fit(Criteria(ceiling_height_min=10), listing, settings) is None
    assert matching.fit(Criteria(property_type="warehouse"), listing, settings) is None


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("花桥", ("苏州", "昆山", "花桥")),
        ("昆山", ("苏州", "昆山", None)),
        ("苏州", ("苏州", None, None)),
        ("昆山市", ("苏州", "昆山", None)),
        ("苏州工业园区", ("苏州", "苏州工业园", None)),
        ("花桥镇", ("苏州", "昆山", "花桥")),
    ],
)
def test_region_tree_resolves_a_place_at_any_level(settings, name, place):
    found = regions.tree(settings).resolve(name)
    assert (found.city, found.district, found.town) == place


def test_an_unknown_place_is_none(settings):
    assert regions.tree(settings).resolve("火星") is None


@pytest.mark.parametrize(
    "name", ["苏州华兴精密有限公司", "华兴精密", "华兴精密（苏州）有限公司", "江苏华兴精密股份有限公司", " 华兴 精密 "]
)
def test_company_names_normalize_alike(settings, name):
    assert clients.normalize_company(name, settings) == "华兴精密"


def test_stage_probability_comes_from_config(settings):
    assert [clients.stage_probability(settings, s) for s in ("intent", "viewing", "negotiating", "won", "lost")] == [
        10,
        30,
        60,
        100,
        0,
    ]
