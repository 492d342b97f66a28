"""``GET /metrics`` for Prometheus: the totals of every process (services.metrics), for machines only.

With ``metrics_token`` configured, only ``Authorization: Bearer <metrics_token>`` is let in. Without one,
only a direct connection from a loopback address (a scraper on the same host): a request that came
through a proxy (it carries X-Forwarded-For or X-Real-IP) is refused even from 127.0.0.1, since nginx
itself connects from there. Anyone refused gets 404, as if there were nothing here.
"""

from __future__ import annotations

import hmac
import ipaddress

from sanic import Request
from sanic.exceptions import NotFound
from sanic.response import HTTPResponse, text

from services import metrics
from services.resources import Resources

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


async def metrics_page(request: Request) -> HTTPResponse:
    resources: Resources = request.app.ctx.resources
    if not _allowed(request, resources.settings.metrics_token):
        raise NotFound("not found")
    return text(await metrics.render(resources), content_type=CONTENT_TYPE)


def _allowed(request: Request, token: str) -> bool:
    if token:
        given = request.headers.get("authorization", "")
        return given.startswith("Bearer ") and hmac.compare_digest(given[7:].strip().encode(), token.encode())
    if "x-forwarded-for" in request.headers or "x-real-ip" in request.headers:
        return False
    try:
        return ipaddress.ip_address(request.ip).is_loopback
    except ValueError:
        return False
