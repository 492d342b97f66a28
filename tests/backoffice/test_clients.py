"""Clients in the back office: each role sees and changes what chat lets it, and no more."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models import AuditLog, Client, Notification, StageChange
from models.enums import Role, Stage
from services import clients, staff_sessions


@pytest.fixture
async def book(company, make_client):
    """One client per salesperson, and one of the manager's own."""
    return {
        "zhang": await make_client(company["zhang"], "华兴精密", phone="13800000001", area_min=1800, area_max=2200),
        "li": await make_client(company["li"], "东方电子", phone="13800000002", region="昆山"),
        "qian": await make_client(company["qian"], "远大物流", phone="13800000003"),
        "manager": await make_client(company["manager"], "宏图机械", phone="13800000004"),
    }


def names(page: str, book) -> set[str]:
    return {key for key, client in book.items() if f'/bo/clients/{client.id}"' in page}


@pytest.mark.parametrize(
    ("role", "seen"),
    [
        ("admin", {"zhang", "li", "qian", "manager"}),
        ("manager", {"zhang", "li", "manager"}),
        ("zhang", {"zhang"}),
        ("qian", {"qian"}),
    ],
)
async def test_the_list_shows_what_the_role_may_see(bo_client, company, book, role, seen):
    client = await bo_client(company[role])
    page = await client.get("/bo/clients")
    assert page.status_code == 200
    assert names(page.text, book) == seen


@pytest.mark.parametrize(
    ("role", "target", "status"),
    [
        ("admin", "qian", 200),
        ("manager", "li", 200),
        ("manager", "qian", 404),
        ("zhang", "li", 404),
        ("zhang", "zhang", 200),
        ("qian", "manager", 404),
    ],
)
async def test_a_client_by_id_opens_only_for_who_may_see_it(bo_client, company, book, role, target, status):
    client = await bo_client(company[role])
    for path in (f"/bo/clients/{book[target].id}", f"/bo/clients/{book[target].id}/edit"):
        response = await client.get(path)
        assert response.status_code == status, path
        if status == 404:
            assert "没有找到这个客户" in response.text and book[target].company not in response.text


async def test_a_partner_never_gets_a_back_office_session(resources, make_staff):
    partner = await make_staff("合伙人老周", Role.PARTNER)
    with pytest.raises(Exception, match="partner"):
        await staff_sessions.start(resources, partner, method="link")


async def test_a_partner_session_forced_into_redis_is_refused(bo_client, company, resources, book):
    client = await bo_client(company["zhang"])
    company["zhang"].role = Role.PARTNER
    await company["zhang"].save(update_fields=["role"])
    assert (await client.get("/bo/clients")).status_code == 302


async def test_filters_narrow_the_list(bo_client, company, book):
    client = await bo_client(company["admin"])
    assert names((await client.get("/bo/clients?q=华兴")).text, book) == {"zhang"}
    assert names((await client.get("/bo/clients?q=138 0000 0002")).text, book) == {"li"}
    assert names((await client.get(f"/bo/clients?owner={company['qian'].id}")).text, book) == {"qian"}
    assert names((await client.get("/bo/clients?region=昆山")).text, book) == {"li"}
    assert names((await client.get("/bo/clients?area=2000")).text, book) == {"zhang"}
    assert names((await client.get("/bo/clients?stage=won")).text, book) == set()
    nonsense = await client.get("/bo/clients?stage=nope&area=abc&page=x&owner=999999999999")
    assert nonsense.status_code == 200


async def test_the_detail_shows_contact_timeline_and_matches(bo_client, company, book, make_listing):
    listing = await make_listing(owner=company["zhang"], area=2000)
    client = await bo_client(company["zhang"])
    page = await client.get(f"/bo/clients/{book['zhang'].id}")
    assert "13800000001" in page.text and listing.code in page.text and "面积✓" in page.text


async def test_an_edit_is_saved_with_its_audit_entry(bo_client, company, book):
    client = await bo_client(company["zhang"])
    target = book["zhang"]
    saved = await client.post_form(
        f"/bo/clients/{target.id}/edit",
        {
            "version": target.version,
            "company": "华兴精密机械",
            "contact_name": "张总",
            "phone": "13800000009",
            "stage": "viewing",
            "area_min": "1500",
            "area_max": "2500",
            "features": ["crane"],
        },
    )
    assert saved.status_code == 302
    fresh = await Client.get(id=target.id)
    assert (fresh.company, fresh.phone, fresh.stage) == ("华兴精密机械", "13800000009", Stage.VIEWING)
    assert fresh.version > target.version
    entry = await AuditLog.filter(action="client.update", entity_id=target.id).first()
    assert entry.actor_id == company["zhang"].id and entry.after["company"] == "华兴精密机械"
    assert "13800000009" not in str(entry.after)  # contact data only as its blind index
    assert await StageChange.filter(client_id=target.id, to_stage=Stage.VIEWING).exists()
    page = await client.get(f"/bo/clients/{target.id}")
    assert "client.update" in page.text and "华兴精密机械" in page.text


async def test_an_edit_over_someone_elses_change_is_refused(bo_client, company, book):
    client = await bo_client(company["zhang"])
    target = book["zhang"]
    stale = {"version": target.version, "company": "旧名字"}
    await Client.filter(id=target.id).update(version=target.version + 1, company="别人改的")
    refused = await client.post_form(f"/bo/clients/{target.id}/edit", stale)
    assert refused.status_code == 409 and "刚被别人修改" in refused.text and "别人改的" in refused.text
    assert (await Client.get(id=target.id)).company == "别人改的"


async def test_an_edit_that_duplicates_another_client_is_refused(bo_client, company, book):
    client = await bo_client(company["zhang"])
    target = book["zhang"]
    refused = await client.post_form(
        f"/bo/clients/{target.id}/edit", {"version": target.version, "company": "华兴精密", "phone": "13800000003"}
    )
    assert refused.status_code == 409 and "远大物流" in refused.text
    assert (await Client.get(id=target.id)).phone == "13800000001"


async def test_an_edit_with_bad_numbers_names_the_field(bo_client, company, book):
    client = await bo_client(company["zhang"])
    target = book["zhang"]
    refused = await client.post_form(
        f"/bo/clients/{target.id}/edit", {"version": target.version, "company": "x", "area_min": "两千"}
    )
    assert refused.status_code == 400 and "请填数字" in refused.text


async def test_an_edit_without_the_csrf_token_is_refused(bo_client, company, book):
    client = await bo_client(company["zhang"])
    target = book["zhang"]
    refused = await client.post(f"/bo/clients/{target.id}/edit", data={"version": target.version, "company": "x"})
    assert refused.status_code == 403
    assert (await Client.get(id=target.id)).company == "华兴精密"


async def test_another_teams_client_cannot_be_edited_by_id(bo_client, company, book):
    client = await bo_client(company["manager"])
    target = book["qian"]
    refused = await client.post_form(f"/bo/clients/{target.id}/edit", {"version": target.version, "company": "x"})
    assert refused.status_code == 404
    assert (await Client.get(id=target.id)).company == "远大物流"


async def test_a_manager_reassigns_within_the_team_only(bo_client, company, book):
    client = await bo_client(company["manager"])
    moved = await client.post_form(f"/bo/clients/{book['zhang'].id}/reassign", {"to": company["li"].id})
    assert moved.status_code == 302
    assert (await Client.get(id=book["zhang"].id)).owner_id == company["li"].id
    refused = await client.post_form(f"/bo/clients/{book['li'].id}/reassign", {"to": company["qian"].id})
    assert refused.status_code == 403 and "不在你的团队" in refused.text
    assert await AuditLog.filter(action="client.reassign", entity_id=book["zhang"].id).exists()


async def test_sales_cannot_reassign(bo_client, company, book):
    client = await bo_client(company["zhang"])
    refused = await client.post_form(f"/bo/clients/{book['zhang'].id}/reassign", {"to": company["li"].id})
    assert refused.status_code == 403
    assert (await Client.get(id=book["zhang"].id)).owner_id == company["zhang"].id


async def test_bulk_reassign_moves_all_or_none(bo_client, company, book):
    client = await bo_client(company["manager"])
    ids = [book["zhang"].id, book["li"].id]
    moved = await client.post_form("/bo/clients/reassign", {"ids": ids, "to": company["manager"].id})
    assert moved.status_code == 200 and "2个客户" in moved.text
    assert {c.owner_id for c in await Client.filter(id__in=ids)} == {company["manager"].id}
    refused = await client.post_form(
        "/bo/clients/reassign", {"ids": [book["manager"].id, book["qian"].id], "to": company["li"].id}
    )
    assert refused.status_code == 404
    assert (await Client.get(id=book["manager"].id)).owner_id == company["manager"].id


async def test_the_export_holds_what_the_viewer_sees_with_others_phones_masked(bo_client, company, book):
    client = await bo_client(company["manager"])
    response = await client.get("/bo/clients.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["编号", "公司", "联系人", "电话"]
    by_company = {row[1]: row for row in rows[1:]}
    assert set(by_company) == {"华兴精密", "东方电子", "宏图机械"}
    assert by_company["宏图机械"][3] == "13800000004"  # the manager's own client
    assert by_company["华兴精密"][3] == "138****0001"  # a salesperson's client


@pytest.mark.parametrize(("role", "count"), [("admin", 4), ("manager", 3), ("zhang", 1), ("qian", 1)])
async def test_each_role_exports_only_what_it_may_see(bo_client, company, book, role, count):
    client = await bo_client(company[role])
    response = await client.get("/bo/clients.csv?q=")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) - 1 == count


async def test_the_export_follows_the_filters(bo_client, company, book):
    client = await bo_client(company["admin"])
    response = await client.get("/bo/clients.csv?q=远大")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["远大物流"]


async def test_a_client_reassigned_in_the_back_office_tells_the_previous_owner_too(bo_client, company, book, words):
    client = await bo_client(company["manager"])
    moved = await client.post_form(f"/bo/clients/{book['zhang'].id}/reassign", {"to": company["li"].id})
    assert moved.status_code == 302
    told = {n.recipient_id: words(n)["title"] for n in await Notification.all()}
    assert company["zhang"].id in told and "转给了李四" in told[company["zhang"].id]
    assert company["li"].id in told


@pytest.mark.parametrize(
    ("role", "seen"), [("admin", {"zhang", "qian"}), ("manager", {"zhang"}), ("zhang", {"zhang"}), ("qian", {"qian"})]
)
async def test_the_month_s_leads_by_entry_day_in_the_list_and_the_csv(bo_client, company, book, role, seen):
    """Entered 2026-11-01 00:30 Shanghai (still October 31 in UTC) counts for November; October 31 does not."""
    november = datetime(2026, 11, 1, 0, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    await Client.filter(id__in=[book["zhang"].id, book["qian"].id]).update(created_at=november)
    await Client.filter(id=book["li"].id).update(created_at=november - timedelta(hours=1))
    await Client.filter(id=book["manager"].id).update(created_at=november + timedelta(days=30))
    client = await bo_client(company[role])
    month = "since=2026-11-01&until=2026-11-30"
    assert names((await client.get(f"/bo/clients?{month}")).text, book) == seen
    exported = await client.get(f"/bo/clients.csv?{month}")
    companies = {row[1] for row in list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))[1:]}
    assert companies == {book[key].company for key in seen}
    assert (await client.get("/bo/clients?since=2026-13-01&until=x")).status_code == 200  # ignored, not an error


@pytest.mark.parametrize("role", ["zhang", "manager", "admin"])
async def test_the_detail_shows_other_contacts_masked_as_the_first_one_is(bo_client, company, book, role, settings):
    await clients.add_contact(
        actor=company["zhang"], client=book["zhang"], name="孙总", phone="13912345678", settings=settings
    )
    browser = await bo_client(company[role])
    page = (await browser.get(f"/bo/clients/{book['zhang'].id}")).text
    assert "其他联系人" in page and "孙总" in page
    first_in_full = "13800000001" in page
    assert ("13912345678" in page) == first_in_full
    assert ("139****5678" in page) == (not first_in_full)
