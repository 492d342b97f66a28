"""Chat wording of the services' errors: every specific error is worded; codes are stable and unique."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

from bot import errors as chat_errors
from services import errors

GENERIC = {errors.AppError, errors.NotFound, errors.Forbidden, errors.Conflict, errors.Unauthorized, errors.RateLimited}


def error_classes() -> list[type[errors.AppError]]:
    return [cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, errors.AppError)]


def test_every_error_has_its_own_code():
    codes = [cls.code for cls in error_classes()]
    assert len(codes) == len(set(codes))


def test_every_specific_error_has_chat_wording():
    assert set(error_classes()) - GENERIC <= set(chat_errors.WORDING)


def test_an_error_names_what_was_refused_in_the_chat():
    listing = SimpleNamespace(code="A12", status=SimpleNamespace(value="negotiating"))
    holder = SimpleNamespace(owner_name="张三", client=SimpleNamespace(display_name="华兴精密"))
    text = chat_errors.chat_text(errors.ListingHeld(listing, holder))
    assert "A12已被张三的客户华兴精密占用（谈判中）" in text
    assert chat_errors.chat_text(errors.ManagersOnly("reassign_client")) == "只有经理或管理员可以转交客户"
    assert (
        chat_errors.chat_text(errors.from_validation(Exception("company: too long")))
        == "公司名太长或格式不对，请改短后再发"
    )


def test_an_error_without_wording_still_gets_a_polite_reply():
    assert "rate_limited" in chat_errors.chat_text(errors.RateLimited("slow down"))
