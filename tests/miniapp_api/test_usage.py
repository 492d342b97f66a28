"""POST /usage/time: the mini-program reports its time on screen, summed per user and day for the dashboard."""

import asyncio

from models import WechatUser
from services import metrics

API = "/api/mp/v1"


async def test_reported_seconds_add_up_per_user_and_day(http, login, resources, settings):
    headers = await login()
    for seconds in (60, 45):
        response = await http.post(f"{API}/usage/time", json={"seconds": seconds}, headers=headers)
        assert response.status_code == 204, response.text
    user = await WechatUser.get(miniapp_openid__isnull=False)
    day_key = metrics.miniapp_time_day_key(metrics.today(settings.timezone))
    for _ in range(100):  # counts reach Redis within FLUSH_S, however long a loaded machine takes
        if metrics.decode_hash(await resources.redis.hgetall(day_key)).get(str(user.id)) == 105_000:
            break
        await asyncio.sleep(metrics.FLUSH_S)
    assert metrics.decode_hash(await resources.redis.hgetall(day_key)) == {str(user.id): 105_000}


async def test_a_report_needs_a_token(http):
    response = await http.post(f"{API}/usage/time", json={"seconds": 60})
    assert response.status_code == 401


async def test_a_report_out_of_range_or_malformed_is_a_400_naming_the_field(http, login):
    headers = await login()
    for body in ({"seconds": 0}, {"seconds": 301}, {"seconds": "60"}, {"seconds": 60, "extra": 1}, {}):
        response = await http.post(f"{API}/usage/time", json=body, headers=headers)
        assert response.status_code == 400, body
        assert response.json()["error"]["fields"], body
