"""``bench dashboard`` seeds its own database, rolls it up and times the dashboard for each role."""

import json
import os

import pytest

from tests.app.test_terminal_tools import run_app
from tests.conftest import test_environ


@pytest.mark.slow
async def test_bench_dashboard_runs_on_a_small_scale(fake_wechat, tmp_path):
    env = test_environ(fake_wechat.url, REDIS_URL="")  # the bench writes only its own database
    code, out = await run_app(
        env, "bench", "dashboard", "--database-url", f"sqlite://{tmp_path}/bench.sqlite3",
        "--clients", "60", "--followups", "300", "--events", "2000", "--repeat", "2",
    )  # fmt: skip
    assert code == 0, out
    summary = json.loads(out.strip().splitlines()[-1])
    assert (summary["salespeople"], summary["clients"], summary["track_events"]) == (50, 60, 2000)
    assert summary["funnel"][0] > 0 and summary["admin_p95_ms"] > 0
    assert os.path.exists(tmp_path / "bench.sqlite3")
