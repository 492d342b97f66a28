"""services.clients: merging keeps every phone, soft deletion, corrections under the version."""

from datetime import datetime, timezone

from models import ClientContact
from services import clients


async def test_merging_a_phone_into_a_client_without_one_fills_it_instead_of_adding_a_contact(
    team, make_client, settings
):
    client = await make_client(team["zhang"], "华兴精密", phone=None)
    await clients.create_or_merge(
        actor=team["zhang"], slots={"phone": "13812345678"}, settings=settings, via="chat", into=client
    )
    assert client.phone == "13812345678" and not await ClientContact.exists()


async def test_merging_the_same_second_phone_twice_keeps_one_contact(team, make_client, settings):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    for _ in range(2):
        await clients.create_or_merge(
            actor=team["zhang"],
            slots={"phone": "139 0000 1111", "contact_name": "王"},
            settings=settings,
            via="chat",
            into=client,
        )
    [contact] = await clients.contacts_of(client)
    assert (contact.name, contact.phone) == ("王", "139 0000 1111") and client.phone == "13812345678"


async def test_a_deleted_client_is_no_duplicate_and_not_found_by_phone(team, make_client, settings):
    client = await make_client(team["zhang"], "华兴精密", phone="13812345678")
    await clients.delete(actor=team["zhang"], client=client, now=datetime.now(timezone.utc))
    assert await clients.duplicates(phone="13812345678", company="华兴精密", settings=settings) == []
    assert await clients.by_phone(team["zhang"], "13812345678") == []
    assert await clients.by_phone_elsewhere(team["li"], "13812345678") is None
