"""The fake itself: what benchmarks and other processes rely on."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.fakewechat import FakeWeChat, remote_reset, remote_stats

ROOT = Path(__file__).resolve().parents[2]


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def test_stats_and_reset_over_http(fake_wechat):
    token = post(
        fake_wechat.url + "cgi-bin/stable_token", {"grant_type": "client_credential", "appid": "a", "secret": "s"}
    )
    send = fake_wechat.url + "cgi-bin/message/template/send?access_token=" + token["access_token"]
    body = {"touser": "o_a", "template_id": "t", "data": {"k": {"value": "v"}}, "client_msg_id": "m1"}
    assert post(send, body)["msgid"] == post(send, body)["msgid"]
    post(fake_wechat.url + "_fail", {"path": "cgi-bin/message/template/send", "errcode": 45009})
    assert post(send, {**body, "client_msg_id": "m2"})["errcode"] == 45009
    assert remote_stats(fake_wechat.url) == {
        "calls": {"cgi-bin/stable_token": 1, "cgi-bin/message/template/send": 3},
        "errors": {"cgi-bin/message/template/send": {"45009": 1}},
        "total": 4,
        "tokens_issued": 1,
        "delivered": 1,
        "delivered_client_msg_ids": 1,
        "duplicates": 1,
    }
    remote_reset(fake_wechat.url)
    assert remote_stats(fake_wechat.url)["total"] == 0
    assert post(send, body)["errcode"] == 40001  # tokens are forgotten too


def test_cgi_bin_token_and_configurable_showqrcode_path():
    with FakeWeChat(showqrcode_path="/mp/cgi-bin/showqrcode") as fake:
        assert fake.showqrcode_base == fake.url + "mp/cgi-bin/showqrcode"
        url = fake.url + "cgi-bin/token?grant_type=client_credential&appid=a&secret=s"
        with urllib.request.urlopen(url, timeout=5) as response:
            assert json.load(response)["expires_in"] == 7200
        assert fake.calls("/cgi-bin/token")[0].query["appid"] == "a"


def test_runs_standalone():
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakewechat", "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        assert remote_stats(url)["total"] == 0
    finally:
        process.terminate()
        assert process.wait(timeout=5) == 0
