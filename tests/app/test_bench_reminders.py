"""``bench reminders`` against a WeChat-compatible API that is not the test fake."""

import json
import os

import pytest

from tests.app.test_terminal_tools import run_app
from tests.conftest import test_environ
from tests.fakewechat import FakeWeChat


class CompatibleWeChat(FakeWeChat):
    """Answers the API like the fake, but has none of its test endpoints: ``/_stats`` is an errcode, as on WeChat."""

    def _internal(self, method, path, query, body):
        return 200, "application/json", json.dumps({"errcode": 40066, "errmsg": "invalid url"}).encode()


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="worker processes need a shared Redis (CI=true)")
async def test_bench_reminders_runs_against_any_compatible_api(resources):
    with CompatibleWeChat() as wechat:
        code, out = await run_app(test_environ(wechat.url), "bench", "reminders", "--n", "20", "--workers", "1")
    assert code == 0, out
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["sent"] == 20
    assert "fake_delivered" not in summary
