"""What clients may see of listings: the nearest on-market ones to a point."""

from decimal import Decimal

import pytest

from models.enums import ListingStatus, ReviewStatus
from services import listings_public
from services.errors import AppError


async def test_the_nearest_on_market_listings_first_with_their_distance(make_listing):
    near = await make_listing(latitude=Decimal("31.300000"), longitude=Decimal("121.050000"))
    # east of 100° longitude: on SQLite, where decimals are text, "121" < "99" must not decide
    farther = await make_listing(latitude=Decimal("31.300000"), longitude=Decimal("121.150000"))
    west = await make_listing(latitude=Decimal("31.300000"), longitude=Decimal("99.000000"))
    await make_listing(latitude=Decimal("31.300100"), longitude=Decimal("121.050000"), status=ListingStatus.PAUSED)
    await make_listing(
        latitude=Decimal("31.300100"), longitude=Decimal("121.050000"), review_status=ReviewStatus.PENDING
    )
    await make_listing()  # no coordinates
    found = await listings_public.nearest(31.3, 121.06, limit=5)
    assert [listing.id for listing, _ in found] == [near.id, farther.id, west.id]
    assert 0.9 < found[0][1] < 1.0 and 8.5 < found[1][1] < 8.6


@pytest.mark.parametrize(("lat", "lng"), [(91, 0), (0, 181), (-91, -181)])
async def test_an_impossible_point_is_refused(resources, lat, lng):
    with pytest.raises(AppError):
        await listings_public.nearest(lat, lng)
