"""The CLI as an operator uses it: real processes, last lines that scripts can read."""

import asyncio
import base64
import dataclasses
import os
import re
import subprocess
import sys
from asyncio.subprocess import PIPE

import pytest

from tests.conftest import TEST_DATABASE_URL, _drop_test_database, test_environ


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=120, env=env or None
    )


def test_genkey_prints_a_32_byte_key_as_its_last_line():
    result = run("genkey")
    key = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0
    assert len(base64.urlsafe_b64decode(key)) == 32


def test_a_bad_setting_stops_with_one_line_naming_the_key(fake_wechat_server):
    result = run("migrate", **test_environ(fake_wechat_server.url, PII_KEY="short"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "PII_KEY" in result.stderr and "Traceback" not in result.stderr


def test_createstaff_prints_a_six_digit_bind_code_as_its_last_line(fake_wechat_server, tmp_path):
    env = test_environ(fake_wechat_server.url, DATABASE_URL=f"sqlite://{tmp_path}/cli.sqlite3", REDIS_URL="")
    assert run("migrate", **env).returncode == 0
    result = run("createstaff", "--name", "张三", "--role", "sales", "--phone", "13812345678", **env)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d{6}", result.stdout.strip().splitlines()[-1])


def test_migrate_twice_applies_nothing_the_second_time(fake_wechat_server, tmp_path):
    env = test_environ(fake_wechat_server.url, DATABASE_URL=f"sqlite://{tmp_path}/m.sqlite3", REDIS_URL="")
    first, second = run("migrate", **env), run("migrate", **env)
    assert "init" in first.stdout
    assert "up to date" in second.stdout


def prod_environ(fake_url: str) -> dict[str, str]:
    """A complete production configuration; the services it names are never reached by a refused command."""
    return test_environ(
        fake_url,
        ENV="prod",
        DATABASE_URL="mysql://root:@127.0.0.1:1/never_opened",
        REDIS_URL="redis://127.0.0.1:1/0",
        BACKUP_KEY=base64.urlsafe_b64encode(b"b" * 32).decode(),
    )


def test_seed_refuses_to_run_in_production(fake_wechat_server):
    result = run("seed", **prod_environ(fake_wechat_server.url))
    assert result.returncode == 2
    assert "ENV=prod" in result.stderr and "绑定" not in result.stdout


def test_benchmarks_refuse_to_run_in_production(fake_wechat_server):
    result = run("bench", "match", **prod_environ(fake_wechat_server.url))
    assert result.returncode == 2
    assert "ENV=prod" in result.stderr


def test_seed_prints_no_bind_code_for_a_real_account_of_a_demo_name(fake_wechat_server, tmp_path):
    env = test_environ(fake_wechat_server.url, DATABASE_URL=f"sqlite://{tmp_path}/seed.sqlite3", REDIS_URL="")
    assert run("migrate", **env).returncode == 0
    assert run("createstaff", "--name", "张三", "--role", "sales", **env).returncode == 0
    result = run("seed", "--listings", "0", "--clients", "0", **env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"王经理: 绑定 \d{6}", result.stdout)
    assert re.search(r"张三: .*no bind code", result.stdout)
    again = run("seed", "--listings", "0", "--clients", "0", **env)
    assert re.search(r"王经理: 绑定 \d{6}", again.stdout), "an unbound demo account gets a fresh code on every start"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("mysql://"), reason="MySQL's schema changes; CI=true runs it"
)
async def test_web_hosts_starting_together_migrate_one_at_a_time(fake_wechat_server, settings):
    """Each host's unit migrates before it serves (deploy/scrm-web.service): the second waits, then has nothing to do."""
    fresh = dataclasses.replace(settings, database_url=f"{TEST_DATABASE_URL}_hosts")
    env = test_environ(fake_wechat_server.url, DATABASE_URL=fresh.database_url)
    try:
        hosts = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "app", "migrate", env=env, stdout=PIPE, stderr=PIPE
            )
            for _ in range(2)
        ]
        results = await asyncio.wait_for(asyncio.gather(*(host.communicate() for host in hosts)), 120)
        assert [host.returncode for host in hosts] == [0, 0], results
        last_lines = sorted(out.decode().strip().splitlines()[-1] for out, _ in results)
        assert last_lines[0].startswith("migrations applied: 0_")
        assert last_lines[1] == "migrations applied: none (up to date)"
    finally:
        await _drop_test_database(fresh)
