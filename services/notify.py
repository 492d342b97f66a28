"""Queue a WeChat notification to a staff member or partner: what happened and its facts, never its wording.

Every notification goes through the ``notifications`` outbox and is sent by
the reminders worker under the same rules (exactly once, retries, quota
pauses). ``dedupe_key`` makes queuing idempotent: one notification per event.

A service records a ``Notice`` (what happened) with its facts as plain JSON values (codes, names, amounts
in fen, times as epoch seconds); the wording people read is the official account's, in ``bot/notices.py``,
applied when the outbox sends (``services.outbox.Sender`` is given it by the worker). So a service never holds
presentation text, and a notice queued before a wording change is sent in the new wording.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any

from tortoise.exceptions import IntegrityError

from models import Account, Client, FollowUp, Notification

NOTICE_TEMPLATE = "notice"
"""The template (config.yaml ``templates``) every ``Notice`` is sent with; reminders have templates of their own."""


class Notice(str, Enum):
    """What happened, with the facts each kind records."""

    LISTING_TO_REVIEW = "listing_to_review"  # listing (code), title, by (name)
    LISTING_RESUBMITTED = "listing_resubmitted"  # listing, title, by
    LISTING_APPROVED = "listing_approved"  # listing
    LISTING_REJECTED = "listing_rejected"  # listing, reason
    LISTING_FITS_CLIENT = "listing_fits_client"  # listing, client (name), score (percent)
    CLIENT_HANDED_OVER = "client_handed_over"  # client, by
    CLIENT_TAKEN_AWAY = "client_taken_away"  # client, by, to (names): told to the previous owner
    LEAD = "lead"  # via (miniapp, h5), client, need, listing (code or None), created, duplicate_of (name or None)
    VISITOR_MESSAGE = "visitor_message"  # client, words (the visitor's message, not relayed in chat)
    REPLY_UNDELIVERED = "reply_undelivered"  # client, phone (the staff member's answer did not reach the visitor)
    PARTNER_LEAD = "partner_lead"  # partner (name), client, need (their words)
    REFERRAL_LEAD = "referral_lead"  # client
    REFERRAL_WON = "referral_won"  # client
    COMMISSION_EARNED = "commission_earned"  # amount_fen
    COMMISSION_REVERSED = "commission_reversed"  # amount_fen, reason
    COMMISSION_CLAWED_BACK = "commission_clawed_back"  # amount_fen, reason
    COMMISSION_RELEASED = "commission_released"  # amount_fen
    LEVEL_CHANGED = "level_changed"  # before, after (level names of the rule)
    VIEWING_BOOKED = "viewing_booked"  # client (name or None), start_at, listing
    VIEWING_CANCELLED = "viewing_cancelled"  # client (name or None), start_at, listing
    WITHDRAWAL_TO_REVIEW = "withdrawal_to_review"  # withdrawal (code), by, amount_fen
    WITHDRAWAL_TO_CONFIRM = "withdrawal_to_confirm"  # withdrawal
    WITHDRAWAL_PAID = "withdrawal_paid"  # withdrawal, amount_fen (after the fee)
    WITHDRAWAL_REJECTED = "withdrawal_rejected"  # withdrawal, reason
    WITHDRAWAL_FAILED = "withdrawal_failed"  # withdrawal, reason
    MANUAL_PAYOUT_DUE = "manual_payout_due"  # withdrawal, amount_fen, why (unconfigured or None)
    PAYOUT_REFUSED = "payout_refused"  # withdrawal, code (WeChat Pay's)
    RECONCILIATION_DIFFERS = "reconciliation_differs"  # day (ISO date), differences
    BACKUP_FAILED = "backup_failed"  # reason
    RATING_TO_FORWARD = "rating_to_forward"  # client, listing, url (the rating page the tap opens)


async def queue(
    notice: Notice,
    recipient: Account | int,
    *,
    dedupe_key: str,
    facts: dict[str, Any],
    client: Client | None = None,
    followup: FollowUp | None = None,
    due_at: datetime | None = None,
) -> Notification | None:
    """The queued notification, or None if this event was already queued.

    Call inside the caller's transaction so the notification exists iff the change does.
    """
    recipient_id = recipient if isinstance(recipient, int) else recipient.id
    if await Notification.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        return await Notification.create(
            kind=NOTICE_TEMPLATE,
            recipient_id=recipient_id,
            dedupe_key=dedupe_key,
            payload={"notice": notice.value, **facts},
            client=client,
            followup=followup,
            due_at=due_at or datetime.now(timezone.utc),
        )
    except IntegrityError:
        return None
