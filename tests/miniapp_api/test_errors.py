"""What a mini-program user reads when a request is refused: a specific code and a Chinese sentence, never a 500."""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import app.factory  # noqa: F401  (imports every package, so every error class is defined)
from miniapp_api import errors as api_errors
from services import errors

API = "/api/mp/v1"
ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
WEB_SERVER_CODES = {"bad_request", "not_found", "method_not_allowed", "too_large", "error", "internal"}
GENERIC_CLASSES = {"AppError", "NotFound", "Forbidden", "Conflict", "Unauthorized"}


def all_error_classes(cls: type[errors.AppError] = errors.AppError) -> set[type[errors.AppError]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= all_error_classes(sub)
    return found


def test_every_error_code_has_chinese_wording():
    codes = {cls.code for cls in all_error_classes()} | WEB_SERVER_CODES
    assert codes - set(api_errors.MESSAGES) == set()
    for code, word in api_errors.MESSAGES.items():
        if isinstance(word, str):
            assert CJK.search(word), code


@pytest.mark.parametrize("package", ["services", "miniapp_api", "h5", "media", "payments"])
def test_errors_that_reach_a_user_are_specific_classes(package):
    """A generic ``AppError(...)``/``NotFound(...)`` (or one given ``code=``) would reach users without wording of
    its own: every refusal is a class in ``services/errors.py`` with its code."""
    generic = []
    for path in (ROOT / package).rglob("*.py"):
        if path == ROOT / "services" / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in GENERIC_CLASSES or (name.endswith("Error") and any(k.arg == "code" for k in node.keywords)):
                    generic.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert generic == []


def test_wording_carries_the_facts_of_the_error():
    assert api_errors.message(errors.TooManyViewings(3)) == "最多同时预约3次看房，请先取消一个"
    assert api_errors.message(errors.InsufficientBalance(12345)) == "可提现余额不足，当前可提现123.45元"
    assert api_errors.message(errors.InvalidRequest("bad", {"phone": "x", "start_at": "y"})) == "请检查手机号、看房时间"
    assert api_errors.message(errors.InvalidRequest("bad", {"__proto__": "unknown field"})) == "请检查其他内容"


def _in(days: float) -> str:
    """``days`` from today at 11:00 in Shanghai (inside the viewing hours)."""
    cst = timezone(timedelta(hours=8))
    return (datetime.now(cst).replace(hour=11, minute=0, second=0, microsecond=0) + timedelta(days=days)).isoformat()


def booking(listing_id: int, start_at: str) -> dict:
    return {"listing_id": listing_id, "start_at": start_at, "name": "王先生", "phone": "13800001111"}


def refusals(listing_id: int) -> list[tuple[str, str, dict, int, str, str]]:
    """(method, path, request options, status, code, message) of requests a user can make and be refused."""
    return [
        ("get", f"{API}/listings", {"auth": False}, 401, "token_required", "请先登录"),
        ("get", f"{API}/listings", {"headers": {"Authorization": "Bearer forged"}}, 401, "invalid_token", "重新登录"),
        ("get", f"{API}/listings/999999", {}, 404, "listing_not_found", "房源不存在或已下架"),
        ("get", f"{API}/listings/99999999999", {}, 404, "listing_not_found", "房源不存在或已下架"),
        ("get", f"{API}/listings?area_min=lots", {}, 400, "invalid_request", "请检查最小面积"),
        ("post", f"{API}/viewings", {"json": [1, 2]}, 400, "invalid_request", "请检查提交的内容"),
        ("post", f"{API}/viewings", {"content": b"{not json"}, 400, "bad_request", "请求格式不正确"),
        (
            "post",
            f"{API}/viewings",
            {"json": booking(listing_id, _in(-1))},
            400,
            "viewing_in_past",
            "这个时间已经过去",
        ),
        (
            "post",
            f"{API}/viewings",
            {"json": booking(listing_id, _in(400))},
            400,
            "viewing_too_far_ahead",
            "天内的看房",
        ),
        ("delete", f"{API}/viewings/424242", {}, 404, "viewing_not_found", "没有找到这个预约"),
        ("get", f"{API}/no-such-thing", {}, 404, "not_found", "找不到您要的内容"),
        ("put", f"{API}/listings", {}, 405, "method_not_allowed", "不支持这种请求方式"),
    ]


async def test_refused_requests_carry_a_code_and_a_chinese_message(http, login, make_listing):
    listing = await make_listing()
    headers = await login()
    for method, path, options, status, code, words in refusals(listing.id):
        options = dict(options)
        if not options.pop("auth", True):
            pass
        elif "headers" not in options:
            options["headers"] = headers
        response = await http.request(method.upper(), path, **options)
        assert response.status_code == status, (path, response.text)
        error = response.json()["error"]
        assert error["code"] == code and words in error["message"], (path, error)


async def test_a_viewing_in_a_taken_slot_says_so(http, login, make_listing):
    listing = await make_listing()
    body = booking(listing.id, _in(2))
    assert (await http.post(f"{API}/viewings", json=body, headers=await login("alice"))).status_code == 201
    response = await http.post(f"{API}/viewings", json=body, headers=await login("bob"))
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "slot_taken",
        "message": "这个时间已被预约，请换一个时间",
        "fields": {"start_at": "slot taken"},
    }


async def test_cancelling_a_viewing_twice_says_it_is_no_longer_booked(http, login, make_listing):
    listing = await make_listing()
    headers = await login()
    booked = await http.post(f"{API}/viewings", json=booking(listing.id, _in(2)), headers=headers)
    path = f"{API}/viewings/{booked.json()['id']}"
    assert (await http.delete(path, headers=headers)).status_code < 300
    again = await http.delete(path, headers=headers)
    assert again.status_code == 409
    assert again.json()["error"] == {"code": "not_booked", "message": "这个预约已取消或已结束"}


async def test_errors_outside_user_pages_keep_the_english_message(http):
    response = await http.get("/no-such-page")
    assert response.status_code == 404 and not CJK.search(response.json()["error"]["message"])
