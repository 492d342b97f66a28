"""``python -m app reconcile`` as an operator runs it."""

import json

from tests.app.test_cli import run
from tests.conftest import test_environ


def test_reconcile_on_an_empty_ledger_finds_nothing_and_ends_with_json(fake_wechat_server, tmp_path):
    env = test_environ(fake_wechat_server.url, DATABASE_URL=f"sqlite://{tmp_path}/r.sqlite3", REDIS_URL="")
    assert run("migrate", **env).returncode == 0
    result = run("reconcile", "--day", "2026-11-30", **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "day": "2026-11-30",
        "accounts": 0,
        "transfers": 0,
        "differences": 0,
    }
    assert run("reconcile", "--day", "yesterday", **env).returncode == 2
