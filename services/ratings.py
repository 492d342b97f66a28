"""Satisfaction: after a viewing the salesperson gets a link to forward, and the client rates it 1-5 there.

The link carries the viewing id signed with SECRET_KEY (``/h5/rate/<id>.<signature>``): nothing to guess,
and a link works for its own viewing only. One rating per viewing; a second submission changes nothing.
The worker queues the link to the client's salesperson once per viewing, when the viewing has ended.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timedelta, timezone

from arq import cron
from tortoise.exceptions import IntegrityError

from core.config import Settings
from models import Client, Viewing, ViewingRating
from models.enums import ViewingStatus
from services import notify
from services.errors import AlreadyRated, InvalidRequest, RatingLinkInvalid
from services.notify import Notice
from services.tasks import task

LINK_WINDOW = timedelta(days=2)
"""A viewing that ended longer ago than this (worker down) gets no late link."""
RATE_FOR = timedelta(days=30)
"""A link is accepted this long after its viewing ended."""
MAX_COMMENT = 255


def _signature(settings: Settings, viewing_id: int) -> str:
    digest = hmac.new(settings.secret_key_bytes, f"scrm-rate:{viewing_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode().rstrip("=")


def token_for(settings: Settings, viewing_id: int) -> str:
    return f"{viewing_id}.{_signature(settings, viewing_id)}"


def link_for(settings: Settings, viewing_id: int) -> str:
    return f"{settings.public_base_url.rstrip('/')}/h5/rate/{token_for(settings, viewing_id)}"


async def viewing_of(settings: Settings, token: str, *, now: datetime | None = None) -> Viewing:
    """The viewing a rating link is for; NotFound for a malformed, forged, cancelled or expired link."""
    viewing_id, _, signature = (token or "").partition(".")
    if not viewing_id.isdigit() or len(viewing_id) > 10:
        raise RatingLinkInvalid()
    if not hmac.compare_digest(signature.encode(), _signature(settings, int(viewing_id)).encode()):
        raise RatingLinkInvalid()
    viewing = await Viewing.get_or_none(id=int(viewing_id)).select_related("listing")
    now = now or datetime.now(timezone.utc)
    if viewing is None or viewing.status == ViewingStatus.CANCELLED or viewing.end_at + RATE_FOR < now:
        raise RatingLinkInvalid()
    return viewing


async def rate(settings: Settings, token: str, *, score: object, comment: str | None = None) -> ViewingRating:
    """Store the client's rating; Conflict if this viewing is already rated."""
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise InvalidRequest("score must be 1 to 5", {"score": "1-5"})
    comment = (comment or "").strip()[:MAX_COMMENT] or None
    viewing = await viewing_of(settings, token)
    if await ViewingRating.filter(viewing_id=viewing.id).exists():
        raise AlreadyRated()
    client = await Client.get_or_none(id=viewing.client_id) if viewing.client_id is not None else None
    owner_id = client.owner_id if client is not None else None
    try:
        return await ViewingRating.create(
            viewing_id=viewing.id, client_id=viewing.client_id, owner_id=owner_id, score=score, comment=comment
        )
    except IntegrityError:  # rated meanwhile from another tab
        raise AlreadyRated() from None


async def queue_links(settings: Settings, *, now: datetime | None = None) -> int:
    """A link to each viewing that ended recently, to the client's salesperson (once per viewing)."""
    now = now or datetime.now(timezone.utc)
    viewings = (
        await Viewing.filter(end_at__lte=now, end_at__gt=now - LINK_WINDOW, client__owner_id__not_isnull=True)
        .exclude(status=ViewingStatus.CANCELLED)
        .select_related("client", "listing")
    )
    queued = 0
    for viewing in viewings:
        client = viewing.client
        if client is None or client.owner_id is None:  # filtered out above; its client changed meanwhile
            continue
        done = await notify.queue(
            Notice.RATING_TO_FORWARD,
            client.owner_id,
            dedupe_key=f"rating:{viewing.id}",
            facts={
                "client": client.display_name,
                "listing": viewing.listing.code,
                "url": link_for(settings, viewing.id),
            },
            client=client,
        )
        queued += done is not None
    return queued


@task()
async def send_rating_links(ctx: dict) -> int:
    return await queue_links(ctx["resources"].settings)


def cron_jobs(settings: Settings) -> list:
    return [cron(send_rating_links, minute=set(range(2, 60, 5)), run_at_startup=False, timeout=300)]
