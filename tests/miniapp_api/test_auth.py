"""POST /auth/login and the bearer token every other endpoint needs."""

import pytest

from models import WechatUser, pii
from services import sessions, wechat_users

LOGIN = "/api/mp/v1/auth/login"


async def test_login_returns_a_token_and_the_openid_and_never_the_session_key(http, fake_wechat):
    response = await http.post(LOGIN, json={"code": "alice:1"})
    assert response.status_code == 200
    body = response.json()
    assert body["openid"] == "o_alice" and body["is_new"] is True and body["token"]
    assert "session_key" not in response.text
    call = fake_wechat.calls("sns/jscode2session")[0]
    assert call.query["appid"] == "wxtestminiapp" and call.query["secret"] == "test-miniapp-secret"


async def test_second_login_is_the_same_user_and_not_new(http):
    first = (await http.post(LOGIN, json={"code": "alice:1"})).json()
    second = (await http.post(LOGIN, json={"code": "alice:2"})).json()
    assert second["is_new"] is False and second["user_id"] == first["user_id"]
    assert await WechatUser.filter(miniapp_openid="o_alice").count() == 1


async def test_session_key_is_kept_in_redis_encrypted(http, resources):
    user_id = (await http.post(LOGIN, json={"code": "alice:1"})).json()["user_id"]
    stored = await resources.redis.get(f"mp:session_key:{user_id}")
    assert stored is not None
    assert pii.decrypt(stored.decode()) != stored.decode()


@pytest.mark.parametrize("code", ["invalid-code", "alice:1"])
async def test_invalid_or_reused_code_is_401(code, http):
    if code == "alice:1":
        await http.post(LOGIN, json={"code": code})
    response = await http.post(LOGIN, json={"code": code})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_code"


async def test_wechat_outage_at_login_is_503_not_500(http, fake_wechat):
    fake_wechat.fail("sns/jscode2session", errcode=-1)
    response = await http.post(LOGIN, json={"code": "alice:1"})
    assert response.status_code == 503 and response.json()["error"]["code"] == "wechat_unavailable"


@pytest.mark.parametrize("path", ["/api/mp/v1/listings", "/api/mp/v1/favorites", "/api/mp/v1/me/referral"])
async def test_endpoints_without_a_bearer_token_are_401(path, http):
    response = await http.get(path)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_required"


@pytest.mark.parametrize("header", ["Bearer nonsense", "Bearer 1.9999999999.forged", "Basic abc", "Bearer"])
async def test_forged_or_malformed_tokens_are_401(header, http):
    response = await http.get("/api/mp/v1/listings", headers={"Authorization": header})
    assert response.status_code == 401


async def test_expired_token_is_401_token_expired(http, settings):
    token = sessions.issue_token(settings, 1, now=0)
    response = await http.get("/api/mp/v1/listings", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"


async def test_a_token_with_non_ascii_bytes_is_401(http):
    response = await http.get(
        "/api/mp/v1/listings", headers={"Authorization": "Bearer 1.9999999999.\u00e9".encode("utf-8")}
    )
    assert response.status_code == 401


async def test_a_token_of_a_user_that_no_longer_exists_is_401(http, settings):
    token = sessions.issue_token(settings, 987654)
    response = await http.get("/api/mp/v1/listings", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"


async def test_the_token_of_a_user_merged_into_another_is_401_at_once(http, resources):
    follower = await WechatUser.create(openid="o_alice", unionid="u_alice")
    token = (await http.post(LOGIN, json={"code": "alice:1"})).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert (await http.get("/api/mp/v1/listings", headers=headers)).status_code == 200
    miniapp_user = await WechatUser.get(miniapp_openid="o_alice")
    assert (await wechat_users.link_unionid(resources.redis, miniapp_user, "u_alice")).id == follower.id
    response = await http.get("/api/mp/v1/listings", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"
