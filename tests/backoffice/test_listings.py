"""Listings in the back office: the shared pool, the review queue, edits, status, gallery, by role."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from models import AuditLog, Listing, ListingMedia
from models.enums import ListingStatus, ReviewStatus


@pytest.fixture
async def stock(company, make_listing):
    """An approved listing per team, and a pending one of 张三's and of 钱五's."""
    return {
        "zhang_live": await make_listing(owner=company["zhang"], title="花桥厂房甲"),
        "qian_live": await make_listing(owner=company["qian"], title="太仓仓库乙"),
        "zhang_pending": await make_listing(
            owner=company["zhang"], title="陆家厂房丙", review_status=ReviewStatus.PENDING
        ),
        "qian_pending": await make_listing(
            owner=company["qian"], title="沙溪厂房丁", review_status=ReviewStatus.PENDING
        ),
    }


def codes(page: str, stock) -> set[str]:
    return {key for key, listing in stock.items() if f'href="/bo/listings/{listing.code}"' in page}


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("admin", {"zhang_live", "qian_live", "zhang_pending", "qian_pending"}),
        ("manager", {"zhang_live", "qian_live", "zhang_pending"}),
        ("zhang", {"zhang_live", "qian_live", "zhang_pending"}),
        ("li", {"zhang_live", "qian_live"}),
        ("qian", {"zhang_live", "qian_live", "qian_pending"}),
    ],
)
async def test_the_pool_and_ones_own_listings_are_listed(bo_client, company, stock, role, seen):
    client = await bo_client(company[role])
    page = await client.get("/bo/listings")
    assert page.status_code == 200 and codes(page.text, stock) == seen
    for key, listing in stock.items():
        assert (await client.get(f"/bo/listings/{listing.code}")).status_code == (200 if key in seen else 404)


async def test_filters_narrow_the_list(bo_client, company, stock):
    client = await bo_client(company["admin"])
    assert codes((await client.get("/bo/listings?review=pending")).text, stock) == {"zhang_pending", "qian_pending"}
    assert codes((await client.get("/bo/listings?q=太仓")).text, stock) == {"qian_live"}
    assert (await client.get("/bo/listings?status=nope&page=-3")).status_code == 200


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("manager", 200), ("zhang", 403)])
async def test_the_review_queue_is_for_managers(bo_client, company, stock, role, status):
    page = await (await bo_client(company[role])).get("/bo/listings/review")
    assert page.status_code == status


async def test_a_manager_approves_listings_in_bulk(bo_client, company, stock):
    client = await bo_client(company["manager"])
    done = await client.post_form(
        "/bo/listings/review",
        {"action": "approve", "codes": [stock["zhang_pending"].code, stock["qian_pending"].code]},
    )
    assert done.status_code == 200 and "已通过2套" in done.text
    assert {
        listing.review_status
        for listing in await Listing.filter(id__in=[stock["zhang_pending"].id, stock["qian_pending"].id])
    } == {ReviewStatus.APPROVED}
    assert await AuditLog.filter(action="listing.approve", actor_id=company["manager"].id).count() == 2


async def test_a_rejection_needs_its_reason(bo_client, company, stock):
    client = await bo_client(company["manager"])
    code = stock["zhang_pending"].code
    refused = await client.post_form("/bo/listings/review", {"action": "reject", "codes": [code]})
    assert refused.status_code == 400 and "驳回理由" in refused.text
    done = await client.post_form("/bo/listings/review", {"action": "reject", "codes": [code], "reason": "产证不全"})
    assert done.status_code == 200
    listing = await Listing.get(id=stock["zhang_pending"].id)
    assert listing.review_status == ReviewStatus.REJECTED and listing.review_note == "产证不全"
    owner = await bo_client(company["zhang"])
    assert "产证不全" in (await owner.get(f"/bo/listings/{code}")).text
    assert (await owner.post_form(f"/bo/listings/{code}/resubmit")).status_code == 302
    assert (await Listing.get(id=listing.id)).review_status == ReviewStatus.PENDING


async def test_sales_cannot_review(bo_client, company, stock):
    client = await bo_client(company["zhang"])
    refused = await client.post_form(
        "/bo/listings/review", {"action": "approve", "codes": [stock["zhang_pending"].code]}
    )
    assert refused.status_code == 403
    assert (await Listing.get(id=stock["zhang_pending"].id)).review_status == ReviewStatus.PENDING


async def test_the_owner_edits_every_field_and_the_change_is_audited(bo_client, company, stock):
    client = await bo_client(company["zhang"])
    listing = stock["zhang_live"]
    form = (await client.get(f"/bo/listings/{listing.code}/edit")).text
    assert 'name="landlord_phone"' in form and 'name="fire_rating"' in form
    saved = await client.post_form(
        f"/bo/listings/{listing.code}/edit",
        {
            "version": listing.version,
            "title": "花桥单层厂房带行车",
            "region": "陆家",
            "area": "3000",
            "rent": "26.5",
            "ceiling_height": "10",
            "floor_load": "5",
            "power_kva": "800",
            "fire_rating": "丙二类",
            "land_use": "工业",
            "property_cert": "1",
            "sewage": "0",
            "single_storey": "1",
            "floors": "1",
            "features": ["crane", "dock"],
            "landlord_phone": "13900001111",
            "internal_notes": "底价25",
            "latitude": "31.3",
            "longitude": "121.1",
        },
    )
    assert saved.status_code == 302
    fresh = await Listing.get(id=listing.id)
    assert (fresh.area, fresh.rent, fresh.town, fresh.features, fresh.sewage, fresh.landlord_phone) == (
        3000,
        26.5,
        "陆家",
        ["crane", "dock"],
        False,
        "13900001111",
    )
    entry = await AuditLog.get(action="listing.update", entity_id=listing.id)
    assert entry.after["area"] == "3000.00" or str(entry.after["area"]).startswith("3000")
    assert "13900001111" not in str(entry.after)


async def test_someone_elses_listing_cannot_be_edited(bo_client, company, stock):
    client = await bo_client(company["li"])
    listing = stock["zhang_live"]
    refused = await client.post_form(
        f"/bo/listings/{listing.code}/edit", {"version": listing.version, "area": "1", "region": "花桥"}
    )
    assert refused.status_code == 403
    other_team = await bo_client(company["other_manager"])
    refused = await other_team.post_form(
        f"/bo/listings/{listing.code}/edit", {"version": listing.version, "area": "1", "region": "花桥"}
    )
    assert refused.status_code == 403
    assert (await Listing.get(id=listing.id)).area == 2000


async def test_a_stale_edit_is_refused(bo_client, company, stock):
    client = await bo_client(company["zhang"])
    listing = stock["zhang_live"]
    await Listing.filter(id=listing.id).update(version=listing.version + 1)
    refused = await client.post_form(
        f"/bo/listings/{listing.code}/edit", {"version": listing.version, "area": "1", "region": "花桥"}
    )
    assert refused.status_code == 409 and "刚被别人修改" in refused.text


async def test_a_new_listing_from_sales_waits_for_review(bo_client, company):
    client = await bo_client(company["zhang"])
    created = await client.post_form(
        "/bo/listings/new",
        {"region": "花桥", "area": "1500", "rent": "22", "property_type": "warehouse", "address": "绿地大道1号"},
    )
    assert created.status_code == 302
    listing = await Listing.get(owner_id=company["zhang"].id)
    assert listing.review_status == ReviewStatus.PENDING and listing.address == "绿地大道1号"
    assert created.headers["location"] == f"/bo/listings/{listing.code}?saved=1"
    missing = await client.post_form("/bo/listings/new", {"rent": "22"})
    assert missing.status_code == 400 and "必填" in missing.text


async def test_status_follows_the_chat_rules(bo_client, company, stock):
    client = await bo_client(company["li"])
    listing = stock["zhang_live"]
    refused = await client.post_form(f"/bo/listings/{listing.code}/status", {"status": "paused"})
    assert refused.status_code == 403 and "负责人或经理" in refused.text
    owner = await bo_client(company["zhang"])
    paused = await owner.post_form(f"/bo/listings/{listing.code}/status", {"status": "paused"})
    assert paused.status_code == 302
    assert (await Listing.get(id=listing.id)).status == ListingStatus.PAUSED
    pending = await owner.post_form(f"/bo/listings/{stock['zhang_pending'].code}/status", {"status": "viewing"})
    assert pending.status_code == 409


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "steelblue").save(out, "JPEG")
    return out.getvalue()


async def test_the_gallery_is_managed_from_the_page(bo_client, company, stock):
    client = await bo_client(company["zhang"])
    listing = stock["zhang_live"]
    for _ in range(2):
        uploaded = await client.post(
            f"/bo/listings/{listing.code}/media",
            data={"csrf": client.csrf},
            files={"file": ("a.jpg", jpeg(), "image/jpeg")},
        )
        assert uploaded.status_code == 302
    items = await ListingMedia.filter(listing_id=listing.id).order_by("position")
    assert len(items) == 2 and items[0].is_cover
    assert (await client.post_form(f"/bo/listings/{listing.code}/media/2/cover")).status_code == 302
    assert (await ListingMedia.get(id=items[1].id)).is_cover
    assert (await client.post_form(f"/bo/listings/{listing.code}/media/2/up")).status_code == 302
    assert (await ListingMedia.get(id=items[1].id)).position == 1
    assert (await client.post_form(f"/bo/listings/{listing.code}/media/1/delete")).status_code == 302
    assert await ListingMedia.filter(listing_id=listing.id).count() == 1
    bad = await client.post(
        f"/bo/listings/{listing.code}/media",
        data={"csrf": client.csrf},
        files={"file": ("a.jpg", b"nope", "image/jpeg")},
    )
    assert bad.status_code == 415 and "只能添加照片" in bad.text
    other = await bo_client(company["li"])
    refused = await other.post_form(f"/bo/listings/{listing.code}/media/1/delete")
    assert refused.status_code == 403


async def test_the_detail_shows_figures_links_and_hides_the_landlord_from_others(bo_client, company, stock):
    listing = stock["zhang_live"]
    listing.landlord_phone, listing.internal_notes = "13900000000", "底价25"
    await listing.save(update_fields=["landlord_phone", "internal_notes"])
    own = (await (await bo_client(company["zhang"])).get(f"/bo/listings/{listing.code}")).text
    assert f"/h5/listings/{listing.code}" in own and "近7天" in own
    assert "13900000000" in own and "底价25" in own
    others = (await (await bo_client(company["li"])).get(f"/bo/listings/{listing.code}")).text
    assert "13900000000" not in others and "底价25" not in others


async def test_a_poster_carries_the_viewers_attribution(bo_client, company, stock):
    client = await bo_client(company["li"])
    made = await client.post_form(f"/bo/listings/{stock['zhang_live'].code}/poster")
    assert made.status_code == 302 and made.headers["location"].endswith(".jpg")
