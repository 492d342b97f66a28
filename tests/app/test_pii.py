"""Phones, WeChat ids and emails are encrypted at rest and found by their keyed hash."""

from tortoise import Tortoise

from models import Client, pii


async def raw_row(table: str, id_: int) -> dict:
    conn = Tortoise.get_connection("default")
    _, rows = await conn.execute_query(f"SELECT * FROM {table} WHERE id = {int(id_)}")
    return dict(rows[0])


async def test_phone_wechat_id_and_email_are_not_stored_in_plaintext(resources):
    client = await Client.create(company="华兴精密", phone="13812345678", wechat_id="hx_zhang", email="z@hx.cn")
    row = await raw_row("clients", client.id)
    stored = " ".join(str(v) for v in row.values())
    assert "13812345678" not in stored and "hx_zhang" not in stored and "z@hx.cn" not in stored


async def test_encrypted_fields_read_back_as_plaintext(resources):
    client = await Client.create(company="华兴精密", phone="13812345678")
    assert (await Client.get(id=client.id)).phone == "13812345678"


async def test_a_phone_is_found_by_its_hash_whatever_its_spacing(resources):
    client = await Client.create(company="华兴精密", phone="138 1234 5678")
    found = await Client.get(phone_hash=pii.blind_index("phone", "+86 138-1234-5678"))
    assert found.id == client.id


async def test_changing_a_phone_updates_its_hash(resources):
    client = await Client.create(company="华兴精密", phone="13812345678")
    client.phone = "13900000000"
    await client.save(update_fields=["phone"])
    assert await Client.filter(phone_hash=pii.blind_index("phone", "13900000000")).exists()


def test_mask_phone_keeps_the_first_three_and_last_four_digits():
    assert pii.mask_phone("13812345678") == "138****5678"
