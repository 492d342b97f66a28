"""Rate limits per user (openid) and per IP, answered 429 with Retry-After."""
import asyncio
import time

import httpx
import pytest

from tests.miniapp.conftest import LOW_LIMITS

API = "/api/mp/v1"


@pytest.fixture
async def limited(limited_server, resources, fake_wechat):
    if time.time() % 60 > 58:  # the counters are per calendar minute: do not straddle two
        await asyncio.sleep(60 - time.time() % 60 + 0.05)
    async with httpx.AsyncClient(base_url=limited_server, timeout=10) as client:
        yield client


async def _login(client, name: str) -> dict[str, str]:
    response = await client.post(f"{API}/auth/login", json={"code": name})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def test_a_user_beyond_the_per_openid_limit_gets_429_with_retry_after(limited):
    alice = await _login(limited, "alice")
    statuses = [(await limited.get(f"{API}/favorites", headers=alice)).status_code
                for _ in range(LOW_LIMITS.per_openid_per_min + 1)]
    assert statuses[:-1] == [200] * LOW_LIMITS.per_openid_per_min and statuses[-1] == 429
    response = await limited.get(f"{API}/favorites", headers=alice)
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response.headers["Retry-After"]) <= 60


async def test_another_user_is_not_slowed_by_the_first(limited):
    alice, bob = await _login(limited, "alice"), await _login(limited, "bob")
    for _ in range(LOW_LIMITS.per_openid_per_min + 1):
        await limited.get(f"{API}/favorites", headers=alice)
    assert (await limited.get(f"{API}/favorites", headers=bob)).status_code == 200


async def test_one_ip_beyond_the_per_ip_limit_gets_429_whoever_asks(limited):
    users = [await _login(limited, name) for name in ("a", "b", "c")]
    statuses = []
    for headers in users * 3:
        statuses.append((await limited.get(f"{API}/favorites", headers=headers)).status_code)
    # 3 logins + 7 requests reach the IP limit of 10; the rest are refused though no user is over theirs.
    assert statuses[:7] == [200] * 7 and set(statuses[7:]) == {429}


async def test_logins_per_ip_are_limited(limited):
    statuses = [(await limited.post(f"{API}/auth/login", json={"code": f"u{n}"})).status_code
                for n in range(LOW_LIMITS.login_per_ip_per_min + 1)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
