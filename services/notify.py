"""Queue a WeChat notification to a staff member or partner.

Every notification goes through the ``notifications`` outbox and is sent by
the reminders worker under the same rules (exactly once, retries, quota
pauses). ``dedupe_key`` makes queuing idempotent: one notification per event.
"""

from __future__ import annotations

from datetime import datetime, timezone

from tortoise.exceptions import IntegrityError

from models import Account, Client, FollowUp, Notification


async def queue(
    kind: str,
    recipient: Account | int,
    *,
    dedupe_key: str,
    payload: dict,
    client: Client | None = None,
    followup: FollowUp | None = None,
    due_at: datetime | None = None,
) -> Notification | None:
    """The queued notification, or None if this event was already queued.

    ``kind`` names a template of config.yaml's ``templates`` (``notice`` for
    free-form news: payload ``{"title", "detail"}``). Call inside the
    caller's transaction so the notification exists iff the change does.
    """
    recipient_id = recipient if isinstance(recipient, int) else recipient.id
    if await Notification.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        return await Notification.create(
            kind=kind,
            recipient_id=recipient_id,
            dedupe_key=dedupe_key,
            payload=payload,
            client=client,
            followup=followup,
            due_at=due_at or datetime.now(timezone.utc),
        )
    except IntegrityError:
        return None
