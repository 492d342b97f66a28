"""POST /h5/events: the page's beacons (clicks, dwell heartbeats, share setups), queued, never blocking.

A beacon is ``{"t": "<view token>", "e": [{"k": "click", "x": "tel"}, {"k": "dwell", "n": 15000}, ...]}``
sent with ``navigator.sendBeacon`` (any content type). It is accepted (204)
only with the visitor cookie the page set, and kept only if its token is a
stored view of that visitor, which is checked when the queue is written
(``services.tracking``). Robots are filtered at the page view: their views are
never stored, so their beacons, if any, are dropped with them. (A beacon sent
while the page unloads may carry the browser's default user agent, so beacons
are not judged by it.)
"""

from __future__ import annotations

import json

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, empty

from h5 import identity
from models.enums import EventKind
from services import ratelimit, tracking
from services.errors import InvalidRequest, NoVisitor

bp = Blueprint("h5_events")

MAX_BODY = 4096
MAX_EVENTS = 20
BEACON_KINDS = {"click": EventKind.CLICK, "dwell": EventKind.DWELL, "share": EventKind.SHARE}
SHARE_TARGETS = frozenset({"chat", "moments"})
MAX_DWELL_MS = 24 * 3600 * 1000


@bp.post("/events")
async def events(request: Request) -> HTTPResponse:
    resources = request.app.ctx.resources
    ip = request.remote_addr or request.ip or "unknown"
    await ratelimit.hit(resources.redis, f"h5:events:{ip}", resources.settings.h5.beacons_per_ip_per_min)
    token, items = _parse(request.body or b"")
    visitor = identity.read(request)
    if visitor is None:
        raise NoVisitor()
    tracking.enqueue(
        resources.redis,
        [
            tracking.follow_event(kind, token=token, visitor=visitor.id, target=target, value=value)
            for kind, target, value in items
        ],
    )
    return empty()


def _parse(body: bytes) -> tuple[str, list[tuple[EventKind, str | None, int | None]]]:
    if len(body) > MAX_BODY:
        raise InvalidRequest("beacon too large", {"body": "too large"})
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise InvalidRequest("beacon must be JSON", {"body": "invalid"}) from None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str) or not tracking.TOKEN.fullmatch(data["t"]):
        raise InvalidRequest("beacon needs the page's token t", {"t": "invalid"})
    raw = data.get("e")
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_EVENTS:
        raise InvalidRequest(f"beacon needs 1 to {MAX_EVENTS} events e", {"e": "invalid"})
    return data["t"], [_event(item) for item in raw]


def _event(item) -> tuple[EventKind, str | None, int | None]:
    if not isinstance(item, dict) or item.get("k") not in BEACON_KINDS:
        raise InvalidRequest("event kind k must be click, dwell or share", {"k": "invalid"})
    kind = BEACON_KINDS[item["k"]]
    target, value = item.get("x"), item.get("n")
    if kind == EventKind.CLICK and target not in tracking.CLICK_TARGETS:
        raise InvalidRequest("click target x is unknown", {"x": "invalid"})
    if kind == EventKind.SHARE and target not in SHARE_TARGETS:
        raise InvalidRequest("share target x must be chat or moments", {"x": "invalid"})
    if kind == EventKind.DWELL:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_DWELL_MS:
            raise InvalidRequest("dwell n must be milliseconds", {"n": "invalid"})
        return kind, None, value
    return kind, target, None
