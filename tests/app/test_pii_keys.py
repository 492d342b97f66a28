"""A wrong PII_KEY fails loudly, and the key is rotated by a resumable command that loses no value."""

import base64
import os
import re

import pytest

from models import Account, Client, Listing, pii
from models.pii import Keyring, PiiDecryptionError
from services import pii_keys
from tests.app.test_cli import run
from tests.conftest import test_environ

OTHER_KEY = base64.urlsafe_b64encode(b"o" * 32).decode()


@pytest.fixture
def configured_key(settings):
    """Whatever a test configures, the process's PII key is the test settings' one afterwards."""
    yield settings.pii_key_bytes
    pii.configure(settings.pii_key_bytes)


async def test_a_value_under_another_key_raises_instead_of_showing_ciphertext(resources, configured_key):
    client = await Client.create(company="华兴精密", phone="13812345678")
    pii.configure(b"o" * 32)
    with pytest.raises(PiiDecryptionError):
        await Client.get(id=client.id)


async def test_the_start_up_check_names_the_column_a_wrong_key_does_not_open(resources):
    client = await Client.create(company="华兴精密", phone="13812345678")
    assert await pii_keys.verify() >= 1
    with pytest.raises(pii_keys.PiiKeyMismatch, match=rf"clients\.phone of row {client.id}"):
        await pii_keys.verify(Keyring.from_secret(b"o" * 32))


async def test_rotation_is_resumable_and_every_value_and_hash_follows_the_new_key(resources, configured_key):
    team = [await Account.create(name=f"销售{i}", role="sales", phone=f"1390000000{i}") for i in range(3)]
    for i in range(7):
        await Client.create(
            company=f"公司{i}",
            phone=f"1381234567{i}",
            wechat_id=f"wx_{i}",
            owner=team[i % 3],
            email=f"c{i}@example.cn" if i % 2 else None,
        )
    await Listing.create(
        code="A1",
        title="花桥厂房",
        property_type="factory",
        deal_type="rent",
        region="花桥",
        area=2000,
        landlord_phone="13700000000",
    )
    old, new = Keyring.from_secret(configured_key), Keyring.from_secret(os.urandom(32))

    def stop_after_first_batch(table, last_id):
        if table == "clients":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await pii_keys.rotate(old, new, batch=3, progress=stop_after_first_batch)
    report = await pii_keys.rotate(old, new, batch=3)
    # the first run did the accounts and one batch of clients: 3 phones; 3 phones, 3 WeChat ids, 1 email
    assert (report.already, report.rotated) == (3 + 7, 4 + 4 + 2 + 1)
    assert await pii_keys.verify_all(new) == 3 + 7 * 2 + 3 + 1
    with pytest.raises(pii_keys.PiiKeyMismatch):
        await pii_keys.verify(old)
    pii._active[:] = [new]
    assert sorted(c.phone for c in await Client.all()) == [f"1381234567{i}" for i in range(7)]
    assert (await Listing.get(code="A1")).landlord_phone == "13700000000"
    found = await Client.get(phone_hash=pii.blind_index("phone", "13812345673"))
    assert found.company == "公司3" and found.wechat_id == "wx_3"
    assert await Client.filter(wechat_id_hash=pii.blind_index("wechat_id", "wx_6")).exists()


def test_the_cli_refuses_a_wrong_key_and_rotates_to_a_new_one(fake_wechat_server, tmp_path):
    env = test_environ(fake_wechat_server.url, DATABASE_URL=f"sqlite://{tmp_path}/keys.sqlite3", REDIS_URL="")
    assert run("migrate", **env).returncode == 0
    assert run("createstaff", "--name", "张三", "--role", "sales", "--phone", "13812345678", **env).returncode == 0
    wrong = run("createstaff", "--name", "李四", "--role", "sales", **{**env, "PII_KEY": OTHER_KEY})
    assert wrong.returncode == 2 and "PII_KEY does not decrypt" in wrong.stderr and "Traceback" not in wrong.stderr
    same = run("rotate-pii-key", **{**env, "PII_KEY_NEW": env["PII_KEY"]})
    assert same.returncode == 2 and "same as PII_KEY" in same.stderr
    rotated = run("rotate-pii-key", **{**env, "PII_KEY_NEW": OTHER_KEY})
    assert rotated.returncode == 0, rotated.stderr
    assert re.search(r"values re-encrypted: 1\b", rotated.stdout)
    assert run("createstaff", "--name", "李四", "--role", "sales", **env).returncode == 2
    assert run("createstaff", "--name", "李四", "--role", "sales", **{**env, "PII_KEY": OTHER_KEY}).returncode == 0


async def test_notes_written_before_they_were_encrypted_are_encrypted_in_place(resources, configured_key):
    from datetime import datetime, timezone

    from tortoise import Tortoise

    from models import FollowUp

    client = await Client.create(company="华兴精密")
    note = await FollowUp.create(client=client, content="旧备注", happened_at=datetime.now(timezone.utc))
    connection = Tortoise.get_connection("default")
    mark = "%s" if connection.capabilities.dialect == "mysql" else "?"
    await connection.execute_query(
        f"UPDATE followups SET content = {mark} WHERE id = {mark}", ["旧备注 13812345678", note.id]
    )
    keys = Keyring.from_secret(configured_key)
    report = await pii_keys.rotate(keys, keys)
    assert report.rotated == 1
    _, rows = await connection.execute_query(f"SELECT content FROM followups WHERE id = {note.id}")
    assert pii.is_ciphertext(rows[0]["content"])
    assert (await FollowUp.get(id=note.id)).content == "旧备注 13812345678"
