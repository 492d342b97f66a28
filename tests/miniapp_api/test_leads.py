"""POST /leads: the visitor's lead reaches a salesperson, attributed and assigned; nothing leaks back."""

import pytest

from models import AuditLog, Client, FollowUp, Notification, ReferralEvent, pii
from models.enums import ReferralEventKind, Role, Source
from services.referrals import attribution

API = "/api/mp/v1"
LEAD = {"company": "华兴精密", "contact_name": "张总", "phone": "13812345678", "need": "2000平单层厂房 昆山"}


async def lead_client(phone: str = "13812345678") -> Client:
    """The newest client with this phone: the one a lead created."""
    return await Client.filter(phone_hash=pii.blind_index("phone", phone)).order_by("-id").first()


async def test_a_lead_creates_a_miniapp_client_assigned_round_robin(http, login, make_staff):
    first, second = await make_staff("张三"), await make_staff("李四")
    owners = []
    for n, name in enumerate(("alice", "bob", "carol")):
        response = await http.post(
            f"{API}/leads",
            json={**LEAD, "company": f"华兴{name}", "phone": f"1381234567{n}"},
            headers=await login(name),
        )
        assert response.status_code == 201, response.text
        client = await lead_client(f"1381234567{n}")
        assert client.source == Source.MINIAPP and client.phone == f"1381234567{n}"
        owners.append(client.owner_id)
    assert owners == [first.id, second.id, first.id]


async def test_the_assignee_gets_a_notice(http, login, make_staff, words):
    sales = await make_staff("张三")
    await http.post(f"{API}/leads", json=LEAD, headers=await login())
    notice = await Notification.get(recipient_id=sales.id)
    assert notice.kind == "notice" and words(notice)["title"] == "小程序新线索"


async def test_the_answer_is_the_same_whether_the_phone_is_known_or_not(http, login, make_staff):
    await make_staff("张三")
    unknown = await http.post(f"{API}/leads", json={**LEAD, "phone": "13900000000"}, headers=await login("bob"))
    await Client.create(company="华兴", contact_name="张总", phone="13812345678", source=Source.VISIT)
    known = await http.post(f"{API}/leads", json={**LEAD, "phone": "+86 138-1234-5678"}, headers=await login())
    assert (known.status_code, known.json()) == (unknown.status_code, unknown.json()) == (201, {"received": True})


async def test_a_known_phone_never_links_the_visitor_to_the_existing_client(http, login, make_staff, words):
    sales, other = await make_staff("张三"), await make_staff("李四")
    existing = await Client.create(
        company="华兴", contact_name="张总", phone="13812345678", source=Source.VISIT, owner=other
    )
    await http.post(f"{API}/leads", json={**LEAD, "need": "我是张总，改约明天"}, headers=await login("mallory"))
    await existing.refresh_from_db()
    assert existing.wechat_user_id is None
    assert await FollowUp.filter(client_id=existing.id).count() == 0
    lead = await lead_client()
    assert lead.id != existing.id and lead.duplicate_of_id == existing.id
    assert lead.owner_id == other.id  # the salesperson who can tell whether it is the same client
    notice = await Notification.get(recipient_id=other.id)
    assert words(notice)["title"] == "小程序新线索（可能重复）"
    assert words(notice)["detail"] == f"{lead.display_name} 疑与华兴重复"
    assert not await Notification.filter(recipient_id=sales.id).exists()


async def test_the_lead_text_is_kept_as_the_visitors_words(http, login, make_staff):
    await make_staff("张三")
    await http.post(f"{API}/leads", json=LEAD, headers=await login())
    words = await FollowUp.get(client_id=(await lead_client()).id)
    assert (words.content, words.by_client, words.author_id) == (LEAD["need"], True, None)


async def test_a_lead_goes_through_the_one_intake_path_with_its_audit_entry(http, login, make_staff):
    await make_staff("张三")
    await http.post(f"{API}/leads", json=LEAD, headers=await login())
    client = await lead_client()
    created = await AuditLog.get(action="client.create", entity_id=client.id)
    assert created.after["via"] == "miniapp" and created.after["phone_hash"] == client.phone_hash
    assert await AuditLog.filter(action="client.lead", entity_id=client.id).count() == 1


async def test_a_visitors_second_lead_joins_their_first(http, login, make_staff):
    await make_staff("张三")
    headers = await login()
    await http.post(f"{API}/leads", json=LEAD, headers=headers)
    await http.post(f"{API}/leads", json={**LEAD, "need": "还要带办公"}, headers=headers)
    assert await Client.all().count() == 1
    assert await FollowUp.filter(by_client=True).count() == 2


async def test_a_lead_about_a_listing_names_it_to_the_salesperson(http, login, make_listing, make_staff, words):
    sales = await make_staff("张三")
    listing = await make_listing()
    await http.post(f"{API}/leads", json={**LEAD, "listing_id": listing.id}, headers=await login())
    notice = await Notification.get(recipient_id=sales.id)
    assert words(notice)["detail"] == f"华兴精密：2000平单层厂…（房源{listing.code}）"  # the need trimmed to fit


async def test_a_referred_lead_is_a_referral_assigned_to_the_staff_referrer(http, login, make_staff, resources):
    await make_staff("张三")
    referrer = await make_staff("李四")
    scene = await attribution.scene_for_account(referrer)
    await http.post(f"{API}/leads", json=LEAD, headers=await login(scene=scene.scene))
    client = await lead_client()
    assert (client.source, client.owner_id, client.referrer_id) == (Source.REFERRAL, referrer.id, referrer.id)
    assert await ReferralEvent.filter(scene_id=scene.id, kind=ReferralEventKind.LEAD).count() == 1


async def test_a_partner_referral_goes_to_the_partner_sales_contact_and_the_partner_is_told(
    http, login, make_staff, words
):
    contact = await make_staff("张三")
    await make_staff("李四")
    partner = await make_staff("经纪人老王", Role.PARTNER, manager=contact)
    scene = await attribution.scene_for_account(partner)
    await http.post(f"{API}/leads", json=LEAD, headers=await login(scene=scene.scene))
    client = await lead_client()
    assert client.owner_id == contact.id and client.referrer_id == partner.id
    told = await Notification.get(recipient_id=partner.id)
    assert words(told)["title"] == "您推荐的客户已留资"


@pytest.mark.parametrize(
    "body, field",
    [
        ({**LEAD, "phone": "12345"}, "phone"),
        ({**LEAD, "phone": "12812345678"}, "phone"),
        ({**LEAD, "phone": 13812345678}, "phone"),
        ({**LEAD, "company": ""}, "company"),
        ({**LEAD, "need": "x" * 1001}, "need"),
        ({**LEAD, "company": "华" * 1_000_000}, "company"),
        ({**LEAD, "company": ["华兴"]}, "company"),
        ({**LEAD, "listing_id": "1"}, "listing_id"),
        ({**LEAD, "listing_id": True}, "listing_id"),
        ({**LEAD, "listing_id": 2**63}, "listing_id"),
        ({**LEAD, "contact_name": "a\x00b"}, "contact_name"),
        ({**LEAD, "admin": True}, "admin"),
        ({k: v for k, v in LEAD.items() if k != "need"}, "need"),
    ],
)
async def test_hostile_or_wrong_lead_bodies_are_400_naming_the_field(body, field, http, login):
    response = await http.post(f"{API}/leads", json=body, headers=await login())
    assert response.status_code == 400, response.text
    assert field in response.json()["error"]["fields"]
    assert await Client.all().count() == 0


@pytest.mark.parametrize(
    "raw", [b"", b"[]", b"null", b"{", b'"x"', b"{" * 5000 + b"}" * 5000, b'{"company": "\\ud800"}']
)
async def test_non_object_or_broken_json_is_400(raw, http, login):
    headers = {**await login(), "Content-Type": "application/json"}
    response = await http.post(f"{API}/leads", content=raw, headers=headers)
    assert response.status_code == 400
    assert "error" in response.json()


async def test_a_lead_for_a_hidden_listing_is_404(http, login, make_listing):
    from models.enums import ListingStatus

    listing = await make_listing(status=ListingStatus.CLOSED)
    response = await http.post(f"{API}/leads", json={**LEAD, "listing_id": listing.id}, headers=await login())
    assert response.status_code == 404


async def test_two_simultaneous_leads_of_one_visitor_make_one_client(http, login, make_staff):
    import asyncio

    await make_staff("张三")
    headers = await login("alice")
    responses = await asyncio.gather(
        http.post(f"{API}/leads", json=LEAD, headers=headers), http.post(f"{API}/leads", json=LEAD, headers=headers)
    )
    assert sorted(r.status_code for r in responses) == [201, 201]
    assert await Client.filter(phone_hash=pii.blind_index("phone", "13812345678")).count() == 1


async def test_a_possible_duplicate_of_an_ownerless_client_goes_round_robin(http, login, make_staff):
    sales = await make_staff("张三")
    existing = await Client.create(company="华兴", phone="13812345678", source=Source.VISIT)
    await http.post(f"{API}/leads", json=LEAD, headers=await login())
    lead = await lead_client()
    assert (lead.duplicate_of_id, lead.owner_id) == (existing.id, sales.id)
    assert (await Client.get(id=existing.id)).owner_id is None


async def test_after_a_lead_with_a_known_phone_the_visitors_viewings_carry_their_own_lead(
    http, login, make_staff, make_listing, words
):
    from datetime import datetime, timedelta, timezone

    from models import Viewing

    other = await make_staff("李四")
    existing = await Client.create(
        company="华兴", contact_name="张总", phone="13812345678", source=Source.VISIT, owner=other
    )
    headers = await login("mallory")
    await http.post(f"{API}/leads", json={**LEAD, "company": "马某贸易"}, headers=headers)
    listing = await make_listing()
    tomorrow = datetime.now(timezone(timedelta(hours=8))) + timedelta(days=1)
    start = tomorrow.replace(hour=11, minute=0, second=0, microsecond=0)
    body = {"listing_id": listing.id, "start_at": start.isoformat(), "name": "王先生", "phone": "13800001111"}
    booked = await http.post(f"{API}/viewings", json=body, headers=headers)
    viewing = await Viewing.get(id=booked.json()["id"])
    assert viewing.client_id == (await lead_client()).id != existing.id
    notice = await Notification.get(dedupe_key=f"viewing:{viewing.id}:booked")
    assert "马某贸易" in words(notice)["detail"] and "华兴" not in words(notice)["detail"]
