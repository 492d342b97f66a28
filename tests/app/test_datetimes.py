"""Aware datetimes round-trip on every write path (create, save with update_fields, update), on SQLite and MySQL."""

from datetime import datetime, timedelta, timezone

from models import Client

AT = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)


async def test_a_utc_datetime_saved_with_update_fields_reads_back_the_same_instant(resources):
    client = await Client.create(company="x")
    client.next_followup_at = AT
    await client.save(update_fields=["next_followup_at"])
    assert (await Client.get(id=client.id)).next_followup_at == AT


async def test_a_utc_datetime_written_by_update_reads_back_the_same_instant(resources):
    client = await Client.create(company="x")
    await Client.filter(id=client.id).update(next_followup_at=AT)
    assert (await Client.get(id=client.id)).next_followup_at == AT


async def test_filters_order_instants_whichever_path_wrote_them(resources):
    created = await Client.create(company="a", next_followup_at=AT)
    updated = await Client.create(company="b")
    await Client.filter(id=updated.id).update(next_followup_at=AT + timedelta(hours=1))
    before = await Client.filter(next_followup_at__lt=AT + timedelta(minutes=30)).values_list("id", flat=True)
    assert before == [created.id]
