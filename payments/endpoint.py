"""POST /wechatpay/notify/transfer: the result of a merchant transfer.

WeChat Pay expects 200/204 when the notification was taken, and retries (for
up to a day) on anything else; we answer 4xx only to notifications that do
not verify or are not ours, and 500 when we could not store the result (so
WeChat Pay tries again).
"""

from __future__ import annotations

import logging

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty, json

from services import payouts
from wechatpay import InvalidNotification

log = logging.getLogger(__name__)

bp = Blueprint("wechatpay_notify", url_prefix="/wechatpay/notify")
MAX_BODY = 16 * 1024


def _fail(status: int, message: str) -> HTTPResponse:
    return json({"code": "FAIL", "message": message}, status=status)


@bp.post("/transfer")
async def transfer(request: Request) -> HTTPResponse:
    resources = request.app.ctx.resources
    if len(request.body or b"") > MAX_BODY:
        return _fail(413, "body too large")
    try:
        body = (request.body or b"").decode("utf-8")
        resource = resources.wechatpay.parse_notification(request.headers, body)
    except (UnicodeDecodeError, InvalidNotification) as exc:
        log.warning("WeChat Pay notification refused: %s", exc)
        return _fail(401, "verification failed")
    try:
        await payouts.on_notification(resources, resource)
    except payouts.CallbackRejected as exc:
        log.error("WeChat Pay notification not applied: %s", exc)
        return _fail(400, "unknown transfer")
    return empty(status=204)
