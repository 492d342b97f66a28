"""Backups: taken while chat traffic runs, restored into a fresh database with every row; refused when unsafe."""

import asyncio
import base64
import sys
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import urlparse

import pytest

from app import demo
from core import db
from core.config import BackupConfig, ConfigError, load_settings
from models import Account, Client, Notification
from models.enums import Role
from services import accounts, backups
from tests.conftest import TEST_DATABASE_URL, test_environ


async def run_app(env: dict, *args: str) -> tuple[int, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 300)
    return proc.returncode, out.decode()


@pytest.fixture
async def migrated(resources):
    """The test database's migration history, which the per-test cleanup empties, written back."""
    from aerich.models import Aerich

    revisions = (db.migration_location(resources.settings.database_url) / "models").glob("*.py")
    latest = max(revisions, key=lambda path: (int(path.name.split("_", 1)[0]), path.name))  # aerich's order
    await Aerich.create(version=latest.name, app="models", content={})
    return resources


@pytest.fixture
async def fresh_database_url(tmp_path):
    """A database that does not exist yet, dropped afterwards."""
    if not TEST_DATABASE_URL.startswith("mysql://"):
        yield f"sqlite://{tmp_path}/restored.sqlite3"
        return
    url = TEST_DATABASE_URL + "_restored"
    yield url
    import aiomysql

    parsed = urlparse(url)
    conn = await aiomysql.connect(
        host=parsed.hostname, port=parsed.port or 3306, user=parsed.username or "root", password=parsed.password or ""
    )
    try:
        async with conn.cursor() as cursor:
            await cursor.execute(f"DROP DATABASE IF EXISTS `{parsed.path.lstrip('/')}`")
    finally:
        conn.close()


async def test_a_backup_taken_during_chat_traffic_restores_every_row_into_a_fresh_database(
    migrated, resources, http, wx, fake_wechat, tmp_path, fresh_database_url
):
    settings = resources.settings
    await demo.seed_demo(listings=120, clients=40, rng_seed=7, regions=settings.regions)
    zhang = await Account.get(name="张三")
    await accounts.bind(resources.redis, "o-zhang", await accounts.issue_bind_code(zhang))

    async def traffic():
        for i in range(12):
            sent = await wx.text(http, "o-zhang", f"新客户 备份测试{i}厂 王总 1390000{i:04d} 昆山 2000平厂房")
            assert sent.status == 200

    out = tmp_path / "during-traffic.backup"
    manifest, _ = await asyncio.gather(backups.backup(settings, out), traffic())
    assert manifest.tables["listings"] >= 120 and manifest.tables["clients"] >= 40
    assert manifest.schema_version and manifest.dialect == urlparse(TEST_DATABASE_URL).scheme
    assert (tmp_path / "during-traffic.backup.sha256").exists()
    assert b"1390000" not in out.read_bytes() and b"listings" not in out.read_bytes()

    env = test_environ(fake_wechat.url, DATABASE_URL=fresh_database_url, REDIS_URL="")
    code, text = await run_app(env, "restore", str(out))
    assert code == 0, text
    assert "row counts and checksums match" in text
    again = tmp_path / "of-the-restored.backup"
    code, text = await run_app(env, "backup", "--out", str(again))
    assert code == 0, text
    restored, _ = backups.read_archive(again, backups.backup_key(settings))
    assert restored.tables == manifest.tables
    assert restored.sha256 == manifest.sha256, "every row and every stored value is the same"

    code, text = await run_app(env, "restore", str(out))
    assert code == 1 and "not empty" in text and "--force" in text
    code, text = await run_app(env, "restore", "--force", str(out))
    assert code == 0, text


async def test_a_damaged_or_foreign_backup_is_refused_before_the_database_is_touched(migrated, resources, tmp_path):
    await Client.create(company="华兴精密", phone="13812345678")
    out = tmp_path / "b.backup"
    await backups.backup(resources.settings, out)
    other_key = replace(resources.settings, backup_key=base64.urlsafe_b64encode(b"k" * 32).decode())
    with pytest.raises(backups.BackupError, match="BACKUP_KEY"):
        backups.read_archive(out, backups.backup_key(other_key))
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    out.write_bytes(bytes(data))
    with pytest.raises(backups.BackupError, match="checksum"):
        backups.read_archive(out, backups.backup_key(resources.settings))
    out.with_name(out.name + ".sha256").unlink()
    with pytest.raises(backups.BackupError, match="BACKUP_KEY, or it was altered"):
        backups.read_archive(out, backups.backup_key(resources.settings))


def test_the_backup_key_must_differ_from_the_other_keys(fake_wechat_server):
    env = test_environ(fake_wechat_server.url)
    with pytest.raises(ConfigError, match="BACKUP_KEY must differ"):
        load_settings(environ={**env, "BACKUP_KEY": env["PII_KEY"]})
    with pytest.raises(ConfigError, match="BACKUP_KEY must differ"):
        load_settings(environ={**env, "BACKUP_KEY": env["SECRET_KEY"]})


async def test_the_scheduled_backup_keeps_the_newest_n(migrated, resources, tmp_path):
    settings = replace(resources.settings, backup=BackupConfig(keep=2, dir=str(tmp_path)))
    for name in ("scrm-20260101T000000Z.backup", "scrm-20260102T000000Z.backup", "scrm-20260103T000000Z.backup"):
        (tmp_path / name).write_bytes(b"old")
        (tmp_path / (name + ".sha256")).write_text("x")
    written = await backups.scheduled_backup({"resources": replace(resources, settings=settings)})
    assert sorted(p.name for p in tmp_path.glob("*.backup")) == ["scrm-20260103T000000Z.backup", written]
    assert not (tmp_path / "scrm-20260101T000000Z.backup.sha256").exists()
    assert [job.name for job in backups.cron_jobs(settings)] == ["cron:scheduled_backup"]


async def test_a_failed_scheduled_backup_is_reported_to_every_admin_once_a_day(resources, tmp_path, make_staff, words):
    admin = await make_staff("管理员", Role.ADMIN)
    await make_staff("张三", Role.SALES)
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the backup directory should be")
    settings = replace(resources.settings, backup=BackupConfig(keep=2, dir=str(blocked)))
    ctx = {"resources": replace(resources, settings=settings)}
    assert (await backups.scheduled_backup(ctx)).startswith("failed")
    await backups.scheduled_backup(ctx)
    [notice] = await Notification.all()
    assert notice.recipient_id == admin.id and notice.kind == "notice" and words(notice)["title"] == "数据库备份失败"
    assert notice.dedupe_key.startswith(f"backup:failed:{datetime.now(timezone.utc):%Y%m%d}")
