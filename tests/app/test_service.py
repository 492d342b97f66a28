"""The service's operational surface: health check and request logs."""

import json
import logging

from redis.exceptions import ConnectionError as RedisConnectionError

from core.logs import JsonFormatter
from tests.wx import text_xml


async def test_healthz_is_503_naming_redis_when_redis_is_down(http, resources, monkeypatch):
    async def down():
        raise RedisConnectionError("refused")

    monkeypatch.setattr(resources.redis, "ping", down)
    response = await http.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["redis"].startswith("down")


async def test_each_request_logs_one_json_line_with_latency_and_no_secrets(http, wx, caplog):
    caplog.set_level(logging.INFO, logger="app.request")
    query, body = wx.envelope(text_xml("o-visitor", "我的手机13812345678"))
    await http.post("/wechat", params=query, content=body.encode())
    [record] = [r for r in caplog.records if r.name == "app.request"]
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["path"] == "/wechat" and entry["status"] == 200 and entry["ms"] >= 0
    assert query["signature"] not in line and "13812345678" not in line and "msg_signature" not in line


async def test_an_unknown_route_is_a_json_404(http):
    response = await http.get("/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_logged_exceptions_keep_their_frames_but_not_their_messages():
    phone, company = "138" + "12345678", "华兴" + "精密"  # source lines are logged; the values must not be
    try:
        try:
            raise ValueError(f"phone {phone}")
        except ValueError as inner:
            raise RuntimeError(f"company {company}") from inner
    except RuntimeError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), (type(exc), exc, exc.__traceback__))
    line = JsonFormatter().format(record)
    assert "RuntimeError" in line and "ValueError" in line and "test_service.py" in line
    assert "13812345678" not in line and "华兴精密" not in line
