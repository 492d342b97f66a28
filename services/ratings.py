"""Satisfaction: after a viewing the client rates it 1-5, by an H5 link or in the mini-program.

The link carries the viewing id signed with SECRET_KEY (``/h5/rate/<id>.<signature>``): nothing to guess,
and a link works for its own viewing only. The worker queues the link to the client's salesperson once per
viewing, when the viewing has ended, to forward in chat. A client on the mini-program (who booked there, or
whose client record is their mini-program user) sees their viewings with ``rate_state`` and rates there
(``rate_own``); the mini-program invites them when a viewing is ``open`` to rating.
One rating per viewing, whichever way it came; a second submission changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timedelta, timezone

from arq import cron
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery

from core.config import Settings
from models import Client, Viewing, ViewingRating
from models.enums import ViewingStatus
from services import notify
from services.errors import (
    AlreadyRated,
    InvalidRequest,
    RatingClosed,
    RatingLinkInvalid,
    ViewingNotFound,
    ViewingNotOver,
)
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


def _checked_score(score: object) -> int:
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise InvalidRequest("score must be 1 to 5", {"score": "1-5"})
    return score


async def rate(settings: Settings, token: str, *, score: object, comment: str | None = None) -> ViewingRating:
    """Store the client's rating; Conflict if this viewing is already rated."""
    score = _checked_score(score)
    return await _store(await viewing_of(settings, token), score, comment)


# ---- in the mini-program ----------------------------------------------------------------------------

OPEN, RATED, NOT_YET, CLOSED = "open", "rated", "not_yet", "closed"
"""A viewing's ``rate_state``: may be rated now, rated already, not ended yet, cancelled or too old."""


def _of_user(wechat_user_id: int) -> Q:
    """Viewings the user booked, or whose client record is theirs (a viewing arranged by the salesperson)."""
    return Q(wechat_user_id=wechat_user_id) | Q(client__wechat_user_id=wechat_user_id)


def rate_state(viewing: Viewing, score: int | None, now: datetime) -> str:
    if score is not None:
        return RATED
    if viewing.status == ViewingStatus.CANCELLED or viewing.end_at + RATE_FOR < now:
        return CLOSED
    return OPEN if viewing.end_at <= now else NOT_YET


async def viewings_of_user(wechat_user_id: int, *, now: datetime | None = None, limit: int = 50) -> list[dict]:
    """The user's viewings, latest first, each with its status, rating state and the score given."""
    now = now or datetime.now(timezone.utc)
    viewings = (
        await Viewing.filter(_of_user(wechat_user_id))
        .order_by("-start_at", "-id")
        .limit(limit)
        .select_related("listing")
    )
    scores = dict(
        await ViewingRating.filter(viewing_id__in=[v.id for v in viewings]).values_list("viewing_id", "score")
    )
    out = []
    for viewing in viewings:
        score = scores.get(viewing.id)
        ended = viewing.status == ViewingStatus.BOOKED and viewing.end_at <= now
        out.append(
            {
                "id": viewing.id,
                "listing_id": viewing.listing_id,
                "listing_title": viewing.listing.title,
                "start_at": viewing.start_at.isoformat(),
                "end_at": viewing.end_at.isoformat(),
                "status": ViewingStatus.DONE.value if ended else viewing.status.value,
                "rate_state": rate_state(viewing, score, now),
                "score": score,
            }
        )
    return out


async def rate_own(
    *, wechat_user_id: int, viewing_id: int, score: object, comment: str | None = None, now: datetime | None = None
) -> ViewingRating:
    """The user rates their own viewing after it ended: someone else's is NotFound; one not over yet, cancelled
    or ended more than ``RATE_FOR`` ago is a Conflict, as is a second rating."""
    score = _checked_score(score)
    now = now or datetime.now(timezone.utc)
    viewing = await Viewing.filter(_of_user(wechat_user_id), id=viewing_id).first()
    if viewing is None:
        raise ViewingNotFound()
    state = rate_state(viewing, None, now)
    if state == NOT_YET:
        raise ViewingNotOver()
    if state == CLOSED:
        raise RatingClosed()
    return await _store(viewing, score, comment)


async def _store(viewing: Viewing, score: int, comment: str | None) -> ViewingRating:
    comment = (comment or "").strip()[:MAX_COMMENT] or None
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
    """A link to each viewing that ended recently, to the client's salesperson (once per viewing); not for one
    the client has already rated in the mini-program."""
    now = now or datetime.now(timezone.utc)
    viewings = (
        await Viewing.filter(end_at__lte=now, end_at__gt=now - LINK_WINDOW, client__owner_id__not_isnull=True)
        .exclude(status=ViewingStatus.CANCELLED)
        .exclude(id__in=Subquery(ViewingRating.filter(rated_at__gt=now - LINK_WINDOW).values("viewing_id")))
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
