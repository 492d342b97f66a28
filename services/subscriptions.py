"""Subscribe-message permissions (订阅消息): what users accepted in WeChat's popup, banked for notifications.

WeChat reports the popup's choices (``subscribe_msg_popup_event``), later changes in the user's settings
(``subscribe_msg_change_event``) and the outcome of each message sent (``subscribe_msg_sent_event``), each
with a list of templates. A one-time subscription allows one message per acceptance: ``spend`` takes one
before a notification goes out, so the mini-program never sends what WeChat would refuse (43101).
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from models import SubscribeGrant

log = logging.getLogger(__name__)

ACCEPT = "accept"
REJECT = "reject"
USER_REFUSED = "43101"


def entries(event: dict, element: str) -> list[dict]:
    """The per-template entries of an event's ``element`` (one entry parses as a dict, several as a list)."""
    body = event.get(element)
    listed = body.get("List") if isinstance(body, dict) else None
    if isinstance(listed, dict):
        listed = [listed]
    return [entry for entry in listed or [] if isinstance(entry, dict) and entry.get("TemplateId")]


async def _grant(app: str, openid: str, template_id: str) -> SubscribeGrant:
    grant = await SubscribeGrant.filter(app=app, openid=openid, template_id=template_id).first()
    if grant is not None:
        return grant
    try:
        return await SubscribeGrant.create(app=app, openid=openid, template_id=template_id[:128], available=0)
    except IntegrityError:  # the same popup's retry, or two popups at once
        return await SubscribeGrant.get(app=app, openid=openid, template_id=template_id)


async def on_popup(app: str, openid: str, event: dict) -> int:
    """The user's choices in the popup (also ``subscribe_msg_change_event``): how many acceptances banked."""
    banked = 0
    for entry in entries(event, "SubscribeMsgPopupEvent") + entries(event, "SubscribeMsgChangeEvent"):
        status = str(entry.get("SubscribeStatusString") or "").lower()
        grant = await _grant(app, openid, str(entry["TemplateId"]))
        if status == ACCEPT:
            await SubscribeGrant.filter(id=grant.id).update(accepted=True, available=F("available") + 1)
            banked += 1
        elif status == REJECT:
            await SubscribeGrant.filter(id=grant.id).update(accepted=False, available=0)
    return banked


async def on_sent(app: str, openid: str, event: dict) -> None:
    """WeChat's word on a subscribe message sent: kept with the grant; a refusal empties the bank."""
    for entry in entries(event, "SubscribeMsgSentEvent"):
        code = str(entry.get("ErrorCode") or "0")
        result = "success" if code == "0" else f"{code} {entry.get('ErrorStatus') or ''}".strip()
        values: dict = {"last_result": result[:64]}
        if code == USER_REFUSED:
            values.update(accepted=False, available=0)
        await SubscribeGrant.filter(app=app, openid=openid, template_id=str(entry["TemplateId"])).update(**values)


async def spend(app: str, openid: str, template_id: str, *, now: datetime | None = None) -> bool:
    """Take one banked acceptance before sending ``template_id`` to ``openid``; False when none is left."""
    taken = await SubscribeGrant.filter(
        app=app, openid=openid, template_id=template_id, accepted=True, available__gt=0
    ).update(available=F("available") - 1, last_sent_at=now or datetime.now(timezone.utc))
    return bool(taken)


async def available(app: str, openid: str, template_id: str) -> int:
    grant = await SubscribeGrant.filter(app=app, openid=openid, template_id=template_id, accepted=True).first()
    return grant.available if grant else 0
