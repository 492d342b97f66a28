"""Rate limits per user (openid) and per IP, answered 429 with Retry-After."""

import asyncio
import contextlib
import dataclasses
import time

import httpx
import pytest

from tests.conftest import serving
from tests.miniapp_api.conftest import LOW_LIMITS

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
    statuses = [
        (await limited.get(f"{API}/favorites", headers=alice)).status_code
        for _ in range(LOW_LIMITS.per_openid_per_min + 1)
    ]
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
    statuses = [
        (await limited.post(f"{API}/auth/login", json={"code": f"u{n}"})).status_code
        for n in range(LOW_LIMITS.login_per_ip_per_min + 1)
    ]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}


async def _logins_until_refused(client, headers: dict[str, str], first: int) -> list[int]:
    return [
        (await client.post(f"{API}/auth/login", json={"code": f"u{first + n}"}, headers=headers)).status_code
        for n in range(LOW_LIMITS.login_per_ip_per_min + 1)
    ]


async def test_without_a_configured_proxy_forwarding_headers_are_ignored(limited):
    """A client talking to the app directly cannot buy fresh buckets with made-up X-Forwarded-For headers."""
    statuses = []
    for n in range(LOW_LIMITS.login_per_ip_per_min + 1):
        spoofed = {"X-Forwarded-For": f"203.0.113.{n}", "X-Real-IP": f"198.51.100.{n}"}
        statuses.append((await limited.post(f"{API}/auth/login", json={"code": f"s{n}"}, headers=spoofed)).status_code)
    assert statuses[-1] == 429


@pytest.fixture
async def behind_proxy(settings, resources, fake_wechat):
    """``async with behind_proxy(proxies_count=1) as client``: the app configured as behind nginx."""

    @contextlib.asynccontextmanager
    async def start(**proxy_settings):
        configured = dataclasses.replace(settings, rate_limits=LOW_LIMITS, **proxy_settings)
        name = "scrm_proxied_" + "_".join(f"{k}{v}" for k, v in proxy_settings.items()).replace("-", "")
        async with serving(configured, resources, name) as url, httpx.AsyncClient(base_url=url, timeout=10) as client:
            yield client

    if time.time() % 60 > 58:
        await asyncio.sleep(60 - time.time() % 60 + 0.05)
    return start


async def test_behind_nginx_each_client_address_has_its_own_bucket(behind_proxy):
    async with behind_proxy(proxies_count=1) as client:
        # nginx appends the address it saw ($proxy_add_x_forwarded_for): the last entry is the client.
        first = await _logins_until_refused(client, {"X-Forwarded-For": "203.0.113.7"}, 0)
        second = await _logins_until_refused(client, {"X-Forwarded-For": "203.0.113.8"}, 100)
    assert first[-1] == 429 and second[:-1] == [200] * LOW_LIMITS.login_per_ip_per_min


async def test_behind_nginx_a_forged_first_hop_does_not_escape_the_limit(behind_proxy):
    async with behind_proxy(proxies_count=1) as client:
        statuses = []
        for n in range(LOW_LIMITS.login_per_ip_per_min + 1):
            forged = {"X-Forwarded-For": f"10.9.9.{n}, 203.0.113.7"}  # the client wrote the first entry
            statuses.append(
                (await client.post(f"{API}/auth/login", json={"code": f"f{n}"}, headers=forged)).status_code
            )
    assert statuses[-1] == 429


async def test_a_real_ip_header_set_by_the_proxy_keys_the_limit(behind_proxy):
    async with behind_proxy(real_ip_header="X-Real-IP") as client:
        first = await _logins_until_refused(client, {"X-Real-IP": "203.0.113.7"}, 0)
        second = await _logins_until_refused(client, {"X-Real-IP": "203.0.113.8"}, 100)
    assert first[-1] == 429 and second[:-1] == [200] * LOW_LIMITS.login_per_ip_per_min
