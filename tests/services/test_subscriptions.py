"""Subscribe-message acceptances: banked per template, spent one per message, emptied by a refusal."""

from models import SubscribeGrant
from services import subscriptions


def popup(*entries: tuple[str, str]) -> dict:
    listed = [{"TemplateId": t, "SubscribeStatusString": s} for t, s in entries]
    return {"SubscribeMsgPopupEvent": {"List": listed[0] if len(listed) == 1 else listed}}


async def test_each_acceptance_allows_one_message(resources):
    assert await subscriptions.on_popup("gh_mp", "o1", popup(("t1", "accept"))) == 1
    await subscriptions.on_popup("gh_mp", "o1", popup(("t1", "accept"), ("t2", "reject")))
    assert await subscriptions.available("gh_mp", "o1", "t1") == 2
    assert await subscriptions.spend("gh_mp", "o1", "t1")
    assert await subscriptions.spend("gh_mp", "o1", "t1")
    assert not await subscriptions.spend("gh_mp", "o1", "t1")
    assert not await subscriptions.spend("gh_mp", "o1", "t2")
    assert not await subscriptions.spend("gh_other", "o1", "t1")


async def test_a_refusal_empties_the_bank(resources):
    await subscriptions.on_popup("gh_mp", "o1", popup(("t1", "accept")))
    change = {"SubscribeMsgChangeEvent": {"List": {"TemplateId": "t1", "SubscribeStatusString": "reject"}}}
    await subscriptions.on_popup("gh_mp", "o1", change)
    assert await subscriptions.available("gh_mp", "o1", "t1") == 0
    await subscriptions.on_popup("gh_mp", "o1", popup(("t1", "accept")))
    sent = {"SubscribeMsgSentEvent": {"List": {"TemplateId": "t1", "ErrorCode": "43101", "ErrorStatus": "refuse"}}}
    await subscriptions.on_sent("gh_mp", "o1", sent)
    grant = await SubscribeGrant.get(openid="o1", template_id="t1")
    assert (grant.accepted, grant.available, grant.last_result) == (False, 0, "43101 refuse")


async def test_malformed_lists_are_ignored(resources):
    for event in ({}, {"SubscribeMsgPopupEvent": "x"}, {"SubscribeMsgPopupEvent": {"List": [1, {"x": 1}]}}):
        assert await subscriptions.on_popup("gh_mp", "o1", event) == 0
    assert not await SubscribeGrant.exists()
