"""The chat handler registry: one ordered list, first match wins, matchers are pure."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

import nlp
from bot import handlers, router, texts
from bot.context import Context
from bot.filters import STAFF, TEXT, regex
from models.enums import Role

NOW = datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc)


def ctx_for(
    text: str | None = None, *, role: Role | None = None, event: str | None = None, kind: str = "image"
) -> Context:
    """A context for matching only: no database, Redis or WeChat to call."""
    if event:
        message = SimpleNamespace(type="event", event=event, source="o-test")
    else:
        message = SimpleNamespace(type="text" if text is not None else kind, content=text, source="o-test")
    account = SimpleNamespace(role=role, id=1) if role else None
    resources = SimpleNamespace(settings=SimpleNamespace(timezone="Asia/Shanghai"))
    return Context(resources=resources, message=message, now=NOW, user_id=1, account=account)


def handler_for(text: str | None = None, **kw) -> str:
    found = router.match(ctx_for(text, **kw))
    return found[0].name if found else ""


def test_handler_names_are_unique():
    names = [h.name for h in handlers.HANDLERS]
    assert len(names) == len(set(names))


def test_every_question_a_flow_asks_resumes_a_registered_flow():
    """``common.ask``/``client_for`` name the handler whose flow the reply number resumes."""
    asked = set()
    for path in Path(handlers.__file__).parent.joinpath("flows").glob("*.py"):
        asked |= set(re.findall(r'(?:client_for\(ctx, .*|ask\(ctx), "(\w+)", (?:chosen|slots)', path.read_text()))
    assert asked and asked <= set(handlers.RESUMABLE)


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("绑定 123456", None, "bind"),
        ("绑定 123456", Role.SALES, "bind"),
        ("你好", None, "visitor"),
        ("找 昆山 2000平 厂房", None, "visitor"),
        ("我的推广码", Role.PARTNER, "partner_code"),
        ("找 昆山 2000平 厂房", Role.PARTNER, "partner_help"),
        ("我这有个客户要租3000平厂房 在昆山 电话13912340000", Role.PARTNER, "partner_lead"),
        ("我的客户", Role.PARTNER, "partner_referred"),
        ("回复 赵 好的，明天上午带您看", Role.SALES, "reply_visitor"),
        ("回复 赵 好的", None, "visitor"),
        ("2", Role.SALES, "choice"),
        ("通过 A12", Role.MANAGER, "approve"),
        ("驳回 A12 产证不全", Role.MANAGER, "reject"),
        ("更多", Role.SALES, "more"),
        ("把华兴精密转给李四", Role.MANAGER, "reassign"),
        ("A12什么情况", Role.SALES, "listing_card"),
        ("合并 华兴精密机械", Role.SALES, "confirm_duplicate"),
        ("不是重复 华兴精密机械", Role.SALES, "reject_duplicate"),
        ("取消", Role.SALES, "cancel"),
        ("新客户 华兴精密 张总 13812345678 要2000平", Role.SALES, "new_client"),
        ("跟进 华兴精密 明天下午3点带看", Role.SALES, "log_followup"),
        ("找 昆山 2000平 厂房", Role.SALES, "search_listings"),
        ("A12已租", Role.SALES, "listing_status"),
        ("今天跟进谁", Role.SALES, "agenda"),
        ("生成海报 A12", Role.SALES, "poster"),
        ("帮助", Role.ADMIN, "help"),
        ("华兴精密", Role.SALES, "client_by_name"),
        ("你好 在吗 有什么事", Role.SALES, "note_on_client"),
    ],
)
def test_a_message_goes_to_the_first_handler_that_matches(text, role, expected):
    assert handler_for(text, role=role) == expected


def test_events_and_other_messages_have_their_handlers():
    assert handler_for(event="subscribe") == "subscribe"
    assert handler_for(event="subscribe_scan") == "subscribe"
    assert handler_for(event="location") == "other_event"
    assert handler_for(None, role=Role.SALES) == "chat_media"
    assert handler_for(None, role=Role.SALES, kind="voice") == "voice"
    assert handler_for(None, kind="voice") == "voice"
    assert handler_for(None, kind="location") == "location"
    assert handler_for(None, role=Role.PARTNER) == "not_text"
    assert handler_for(event="subscribe_scan_product") == "subscribe"
    assert handler_for(event="subscribe_msg_popup_event") == "subscribe_choice"
    assert handler_for(event="subscribe_msg_sent_event") == "subscribe_sent"


def test_a_visitor_never_reaches_the_parser():
    ctx = ctx_for("新客户 华兴精密 张总 13812345678")
    router.match(ctx)
    assert "parsed" not in vars(ctx)


def test_filters_compose_and_hand_over_what_they_matched():
    ctx = ctx_for("A12", role=Role.SALES)
    both = STAFF & TEXT & regex(r"([A-Z])(\d+)")
    assert both(ctx).groups() == ("A", "12")
    assert not (~STAFF)(ctx)
    assert (regex("B") | regex("A"))(ctx).group() == "A"


def test_every_intent_the_parser_knows_is_answered_by_its_handler_or_as_not_built_yet():
    handled = {h.name for h in handlers.HANDLERS}
    for name in nlp.INTENTS - {"unknown"}:
        assert name in handled or name in texts.INTENT_NAMES, name


@pytest.mark.parametrize("text", ["提现 500", "我的佣金", "华兴精密成交 年租金120万"])
def test_money_words_are_read_by_the_parser(text):
    assert handler_for(text, role=Role.SALES) == nlp.parse(text).intent


def test_a_withdrawal_review_is_no_withdrawal():
    assert handler_for("通过提现 W12", role=Role.MANAGER) == "approve_withdrawal"
    assert handler_for("提现 500", role=Role.PARTNER) == "withdraw"


async def test_an_intent_without_a_built_feature_is_said_plainly_not_as_not_understood(monkeypatch):
    monkeypatch.setitem(texts.INTENT_NAMES, "plan_route", "规划带看路线")
    reply = await handlers.not_built(ctx_for("帮我排下明天的带看路线", role=Role.SALES), nlp.Parsed("plan_route"))
    assert "规划带看路线" in reply and "还没有上线" in reply and "没太明白" not in reply
