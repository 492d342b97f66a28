"""Sending the notification outbox: claim a batch, send each message, settle the batch.

Exactly once for the user, at least once at the transport:

- A worker claims due rows with one conditional UPDATE (``pending`` and due,
  or ``sending`` with an expired lease -> ``sending``, its claim token, a
  lease of ``lease_s``); on MySQL the candidates are first read with
  ``FOR UPDATE SKIP LOCKED`` so workers do not queue behind each other. Only
  the rows the UPDATE actually changed belong to the worker.
- A worker killed mid-send leaves its rows ``sending`` until the lease ends;
  then another worker claims and sends them again with the same
  ``client_msg_id``, and WeChat delivers a repeated ``client_msg_id`` once.
- Every row ends ``sent``, ``failed`` with the reason, or ``cancelled`` with
  the reason; transient errors come back ``pending`` with a later
  ``next_attempt_at`` until ``max_attempts``.
- Quota errors (45009, 45011) pause every worker through ``reminders:paused_until``
  in Redis; the rows wait, their attempt not counted.

The lease must outlast a batch: ``batch_size / send_concurrency * wechat_timeout_s``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import secrets
import socket
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from core.config import Settings
from models import FollowUp, Notification, WechatUser
from models.enums import NotificationStatus as Status
from models.enums import Stage
from services import follows
from services.reminders import FOLLOWUP_DUE
from services.resources import Resources
from wechat.errors import QuotaError, WeChatError, WeChatErrorCode
from wechat.templates import Value

log = logging.getLogger(__name__)

PAUSE_KEY = "reminders:paused_until"
NOT_BOUND = "recipient has no bound WeChat"
UNSUBSCRIBED = "recipient unfollowed the official account"
DEACTIVATED = "recipient account is deactivated"

Clock = Callable[[], datetime]
Wording = Callable[[Notification, ZoneInfo], Mapping[str, Value]]
"""A notification's named values as the recipient reads them (``bot.notices.values``): services record facts,
the interface words them."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def worker_name() -> str:
    return f"{socket.gethostname()[:24]}:{os.getpid()}:{secrets.token_hex(3)}"


@dataclass
class _Outcome:
    status: Status | None  # None: back to pending (retry or quota pause)
    reason: str | None = None
    msgid: int | None = None
    retry_at: datetime | None = None
    counts_attempt: bool = True


class Sender:
    """Sends the outbox for one worker process, worded by ``wording``; ``clock`` is injected by tests."""

    def __init__(
        self, resources: Resources, *, wording: Wording, name: str | None = None, clock: Clock = utcnow
    ) -> None:
        self.resources = resources
        self.wording = wording
        self.name = name or worker_name()
        self.clock = clock
        config = self.settings.reminders
        self.batch_size = config.batch_size
        self.lease = timedelta(seconds=config.lease_s)
        self.max_attempts = config.max_attempts
        self.retry_base_s = config.retry_base_s
        self.quota_pause_s = config.quota_pause_s
        self.rate_pause_s = config.rate_pause_s
        self.concurrency = config.send_concurrency
        self._batches = 0

    @property
    def settings(self) -> Settings:
        """Read on each use: template ids change at run time (services.runtime_settings)."""
        return self.resources.settings

    async def drain(self) -> Counter:
        """Send batches until nothing is claimable (or sending is paused); counts by outcome."""
        totals: Counter = Counter()
        while True:
            if await self.paused_until() is not None:
                totals["paused"] += 1
                break
            batch = await self.claim()
            if not batch:
                break
            totals.update(await self.send(batch))
        return totals

    async def run(self, stop: asyncio.Event) -> None:
        """Drain, then wait ``poll_interval_s``, until ``stop`` is set (the worker's sending loop)."""
        interval = self.settings.reminders.poll_interval_s
        while not stop.is_set():
            try:
                await self.drain()
            except Exception:  # a database or Redis hiccup must not end the loop; leases cover the rows
                log.exception("outbox: sending failed, retrying in %s s", interval)
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                pass

    async def paused_until(self) -> datetime | None:
        raw = await self.resources.redis.get(PAUSE_KEY)
        if raw is None:
            return None
        until = datetime.fromtimestamp(float(raw), timezone.utc)
        return until if until > self.clock() else None

    async def claim(self) -> list[Notification]:
        """This worker's next batch, each row now ``sending`` under its lease."""
        now = self.clock()
        self._batches += 1
        token = f"{self.name}:{self._batches}"[:64]
        claimable = (
            Q(status=Status.PENDING, due_at__lte=now) & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        ) | Q(status=Status.SENDING, claimed_until__lt=now)
        async with in_transaction():
            # FOR UPDATE SKIP LOCKED where the database has it (MySQL); SQLite runs one writer at a time.
            ids = [
                n.id
                for n in await Notification.filter(claimable)
                .order_by("due_at")
                .limit(self.batch_size)
                .select_for_update(skip_locked=True)
                .only("id")
            ]
            if not ids:
                return []
            await Notification.filter(claimable, id__in=ids).update(
                status=Status.SENDING, claimed_by=token, claimed_until=now + self.lease, attempts=F("attempts") + 1
            )
        return await Notification.filter(claimed_by=token, status=Status.SENDING)

    async def send(self, batch: list[Notification]) -> Counter:
        """Send a claimed batch concurrently and settle every row in one transaction."""
        recipients = {
            u["account_id"]: u
            for u in await WechatUser.filter(account_id__in={n.recipient_id for n in batch}).values(
                "account_id", "openid", "subscribed", "unsubscribed_at", "account__active"
            )
        }
        followups = {
            f["id"]: f
            for f in await FollowUp.filter(id__in={n.followup_id for n in batch if n.kind == FOLLOWUP_DUE}).values(
                "id", "done", "next_at", "reminded_at", "client__stage", "client__deleted_at"
            )
        }
        gate = asyncio.Semaphore(self.concurrency)
        pause: list[datetime] = []

        async def one(n: Notification) -> _Outcome:
            async with gate:
                try:
                    return await self._send_one(n, recipients.get(n.recipient_id), followups, pause)
                except Exception as exc:  # a bug or an outage must not leave the batch unsettled
                    log.exception("outbox: notification %s raised", n.id)
                    return self._retry(n, f"unexpected {type(exc).__name__}: {exc}")

        outcomes = await asyncio.gather(*(one(n) for n in batch))
        return await self._settle(batch, outcomes)

    async def _send_one(self, n: Notification, recipient: dict | None, followups: dict, pause: list) -> _Outcome:
        if pause:
            return _Outcome(None, "sending paused (quota)", retry_at=pause[0], counts_attempt=False)
        if n.attempts > self.max_attempts:
            return _Outcome(
                Status.FAILED, f"gave up after {self.max_attempts} attempts: {n.last_error or 'worker lost'}"
            )
        if n.kind == FOLLOWUP_DUE and (reason := _stale(n, followups.get(n.followup_id))):
            return _Outcome(Status.CANCELLED, reason)
        template = self.settings.template(n.kind)
        if not template.template_id:
            return _Outcome(Status.FAILED, f"no template configured for {n.kind}")
        if recipient is None or not recipient["openid"]:
            return _Outcome(Status.FAILED, NOT_BOUND)
        if not recipient["account__active"]:
            return _Outcome(Status.FAILED, DEACTIVATED)
        if not recipient["subscribed"] and recipient["unsubscribed_at"] is not None:
            return _Outcome(Status.FAILED, UNSUBSCRIBED)
        try:
            msgid = await self.resources.wechat.message.send_template(
                recipient["openid"],
                template.template_id,
                self._data(n, template.fields),
                client_msg_id=n.client_msg_id,
                **self._link(n),
            )
        except QuotaError as exc:
            seconds = self.quota_pause_s if exc.errcode == WeChatErrorCode.API_DAILY_QUOTA else self.rate_pause_s
            until = self.clock() + timedelta(seconds=seconds)
            pause.append(until)
            await self.resources.redis.set(PAUSE_KEY, str(until.timestamp()), ex=int(seconds) + 1)
            log.warning("outbox: WeChat quota (%s), sending paused until %s", exc.errcode, until.isoformat())
            return _Outcome(None, _reason(exc), retry_at=until, counts_attempt=False)
        except WeChatError as exc:
            if exc.errcode == WeChatErrorCode.REQUIRE_SUBSCRIBE:
                # They unfollowed without us seeing the event: later notifications fail fast.
                await follows.queue(self.resources.redis, follows.Touch.UNFOLLOW, recipient["openid"])
            if not exc.retryable:
                return _Outcome(Status.FAILED, _reason(exc))
            return self._retry(n, _reason(exc))
        return _Outcome(Status.SENT, msgid=msgid)

    def _retry(self, n: Notification, reason: str) -> _Outcome:
        """Again after ``retry_base_s * 2^(attempt-1)`` (+ up to 25% jitter), or failed after ``max_attempts``."""
        if n.attempts >= self.max_attempts:
            return _Outcome(Status.FAILED, f"gave up after {n.attempts} attempts: {reason}")
        delay = self.retry_base_s * 2 ** (n.attempts - 1) * random.uniform(1, 1.25)
        return _Outcome(None, reason, retry_at=self.clock() + timedelta(seconds=delay))

    def _data(self, n: Notification, fields: dict[str, str]) -> dict[str, Value]:
        """Template keys filled with the notification's words (the WeChat client fits each to its key's type)."""
        values = self.wording(n, ZoneInfo(self.settings.timezone))
        return {key: values.get(field) for key, field in fields.items()}

    def _link(self, n: Notification) -> dict:
        """A tap opens the page in the payload's ``url`` (a rating link to forward), else the client's page in the
        mini-program; without either the message has no link (client records are staff-only: no public page)."""
        if isinstance(n.payload.get("url"), str):
            return {"url": n.payload["url"]}
        if n.client_id is None or not self.settings.miniapp_appid:
            return {}
        page = self.settings.reminders.miniapp_client_page
        return {"miniprogram": {"appid": self.settings.miniapp_appid, "pagepath": f"{page}?id={n.client_id}"}}

    async def _settle(self, batch: list[Notification], outcomes: list[_Outcome]) -> Counter:
        now = self.clock()
        counts: Counter = Counter()
        reminded: list[Q] = []
        for n, outcome in zip(batch, outcomes, strict=True):
            n.claimed_by, n.claimed_until = None, None
            n.last_error = outcome.reason[:255] if outcome.reason else n.last_error
            if outcome.status is None:
                n.status = Status.PENDING
                n.next_attempt_at = outcome.retry_at
                if outcome.counts_attempt:
                    counts["retry"] += 1
                else:
                    n.attempts -= 1
                    counts["paused"] += 1
                continue
            n.status = outcome.status
            counts[outcome.status.value] += 1
            if outcome.status == Status.SENT:
                n.sent_at, n.wechat_msgid = now, str(outcome.msgid)
                if n.kind == FOLLOWUP_DUE and n.followup_id is not None:
                    reminded.append(Q(id=n.followup_id, remind_at=n.due_at))
            if outcome.status != Status.SENT:
                log.info("outbox: notification %s %s: %s", n.id, outcome.status.value, outcome.reason)
        async with in_transaction():
            await Notification.bulk_update(
                batch,
                fields=[
                    "status",
                    "claimed_by",
                    "claimed_until",
                    "last_error",
                    "next_attempt_at",
                    "attempts",
                    "sent_at",
                    "wechat_msgid",
                ],
            )
            if reminded:
                await FollowUp.filter(Q(*reminded, join_type=Q.OR)).update(reminded_at=now)
        return counts


def _stale(n: Notification, followup: dict | None) -> str | None:
    """Why a due reminder must not go out any more, if it must not."""
    if followup is None:
        return "follow-up deleted"
    if followup["done"]:
        return "follow-up superseded by a newer one"
    if followup["client__deleted_at"] is not None:
        return "client deleted"
    if followup["client__stage"] in (Stage.WON, Stage.LOST):
        return f"client {followup['client__stage']}"
    if followup["next_at"] is None or int(followup["next_at"].timestamp()) != n.payload.get("next_at"):
        return "follow-up rescheduled"
    if followup["reminded_at"] is not None:
        return "already reminded"
    return None


def _reason(exc: WeChatError) -> str:
    code = int(exc.errcode) if exc.errcode is not None else "-"
    return f"{code} {exc.errmsg}".strip()


async def record_delivery(msgid: int | str, status: str) -> bool:
    """A TEMPLATESENDJOBFINISH event: WeChat's final word on a template message we sent."""
    return bool(await Notification.filter(wechat_msgid=str(msgid)).update(delivery_status=status[:64]))
