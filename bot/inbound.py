"""Messages whose reply outlives the request: written down before ``success``, finished from the database.

WeChat waits 5 s for a passive reply; past ``reply_deadline_s`` the endpoint
answers ``success`` and WeChat never asks again. So before that answer the
message is written to ``inbound_messages``, claimed by this process under a
lease; the work goes on in the background and the reply goes out as a
customer-service message. The row holds every step, so nothing acknowledged
is lost:

- on stop (SIGINT/SIGTERM) the process drains its unfinished messages before
  the database closes; those not finished within ``drain_s`` are released to
  the next process;
- every web process, at start and every ``resume_interval_s``, resumes rows
  whose lease has ended (released, or held by a process that was killed).
  The claim is one conditional UPDATE, so each row goes to one process;
- a reply WeChat could not take (busy, down) is sent again later; one it
  refuses for good (window closed, user unfollowed) ends ``failed``.

A process killed outright in the middle of the chat work leaves the work to
be run again from the message: what it had committed before stays, so that
work runs at least once rather than exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction
from wechatpy import parse_message
from wechatpy.messages import BaseMessage

from bot import router, texts
from models import InboundMessage
from models.enums import InboundStatus as Status
from services.outbox import worker_name
from wechat.errors import WeChatError

log = logging.getLogger(__name__)

UNFINISHED = (Status.WORKING, Status.ANSWERED)
BATCH = 50


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Inbound:
    """One web process's late replies: kept, finished, drained on stop, resumed from others."""

    def __init__(self, resources, *, name: str | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.resources = resources
        config = resources.settings.inbound
        self.lease = timedelta(seconds=config.lease_s)
        self.drain_s = config.drain_s
        self.resume_interval_s = config.resume_interval_s
        self.retry_s = config.retry_s
        self.max_attempts = config.max_attempts
        self.name = name or worker_name()
        self.clock = clock
        self._claims = 0
        self._tasks: set[asyncio.Task] = set()
        self._stop = asyncio.Event()
        self._resuming: asyncio.Task | None = None

    async def keep(self, key: str, message: BaseMessage, xml: str, received_at: datetime, work: asyncio.Future) -> None:
        """Write down a message whose reply missed the deadline, then finish ``work`` in the background.

        Raises (and cancels ``work``) if the message cannot be written: it must not be acknowledged.
        """
        try:
            row = await InboundMessage.create(
                key=key,
                openid=message.source,
                xml=xml,
                received_at=received_at,
                claimed_by=self.name,
                claimed_until=self.clock() + self.lease,
            )
        except IntegrityError:
            work.cancel()  # an earlier try of this message was kept already and is being finished
            return
        except BaseException:
            work.cancel()
            raise
        self._track(self._finish(row.id, self.name, message.source, work, attempts=1))

    def start(self) -> None:
        """Resume what other processes left, now and every ``resume_interval_s``."""
        self._resuming = asyncio.ensure_future(self._resume_loop())

    async def stop(self) -> None:
        """Stop resuming, let unfinished work end within ``drain_s``, release the rest to the next process."""
        self._stop.set()
        if self._resuming is not None:
            await self._resuming
        if not self._tasks:
            return
        log.info("inbound: draining %d unfinished messages", len(self._tasks))
        _, pending = await asyncio.wait(set(self._tasks), timeout=self.drain_s)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        if pending:
            released = await InboundMessage.filter(claimed_by__startswith=self.name, status__in=UNFINISHED).update(
                claimed_until=self.clock()
            )
            log.warning(
                "inbound: %d messages not finished in %s s, released to the next process", released, self.drain_s
            )

    async def resume_due(self) -> int:
        """Claim the messages whose lease has ended and finish them in the background; how many."""
        token, rows = await self._claim()
        for row in rows:
            if row.attempts > self.max_attempts:
                await self._settle(row.id, token, Status.FAILED, f"gave up after {self.max_attempts} attempts")
            elif row.status == Status.ANSWERED:
                self._track(self._send(row.id, token, row.openid, row.reply, attempts=row.attempts))
            else:
                work = asyncio.ensure_future(router.respond(self.resources, parse_message(row.xml), row.received_at))
                self._track(self._finish(row.id, token, row.openid, work, attempts=row.attempts))
        return len(rows)

    async def _resume_loop(self) -> None:
        while not self._stop.is_set():
            try:
                while await self.resume_due() == BATCH:
                    pass
            except Exception:  # the database may be down for a while; the rows wait
                log.exception("inbound: resuming failed, trying again in %s s", self.resume_interval_s)
            try:
                await asyncio.wait_for(self._stop.wait(), self.resume_interval_s)
            except TimeoutError:
                pass

    async def _claim(self) -> tuple[str, list[InboundMessage]]:
        now = self.clock()
        self._claims += 1
        token = f"{self.name}:{self._claims}"[:64]
        due = Q(status__in=UNFINISHED, claimed_until__lt=now)
        async with in_transaction():
            # FOR UPDATE SKIP LOCKED where the database has it (MySQL); SQLite runs one writer at a time.
            ids = [
                row.id
                for row in await InboundMessage.filter(due)
                .order_by("id")
                .limit(BATCH)
                .select_for_update(skip_locked=True)
                .only("id")
            ]
            if not ids:
                return token, []
            await InboundMessage.filter(due, id__in=ids).update(
                claimed_by=token, claimed_until=now + self.lease, attempts=F("attempts") + 1
            )
        return token, await InboundMessage.filter(claimed_by=token, status__in=UNFINISHED)

    async def _finish(self, row_id: int, token: str, openid: str, work: asyncio.Future, *, attempts: int) -> None:
        try:
            answer = await work
        except Exception:
            log.exception("inbound: late chat reply failed")
            answer = texts.BUSY
        if not answer:
            await self._settle(row_id, token, Status.DONE)
            return
        kept = await InboundMessage.filter(id=row_id, claimed_by=token).update(
            status=Status.ANSWERED, reply=answer, claimed_until=self.clock() + self.lease
        )
        if kept:
            await self._send(row_id, token, openid, answer, attempts=attempts)

    async def _send(self, row_id: int, token: str, openid: str, answer: str, *, attempts: int) -> None:
        try:
            await self.resources.wechat.message.send_text(openid, answer)
        except WeChatError as exc:
            if exc.permanent or attempts >= self.max_attempts:
                await self._settle(row_id, token, Status.FAILED, str(exc))
            else:  # busy, token trouble, quota: the resume loop sends it again
                await InboundMessage.filter(id=row_id, claimed_by=token).update(
                    last_error=str(exc)[:255], claimed_until=self.clock() + timedelta(seconds=self.retry_s * attempts)
                )
            return
        await self._settle(row_id, token, Status.DONE)

    async def _settle(self, row_id: int, token: str, status: Status, error: str | None = None) -> None:
        await InboundMessage.filter(id=row_id, claimed_by=token).update(
            status=status, finished_at=self.clock(), last_error=error[:255] if error else None
        )

    def _track(self, work) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._forget)

    def _forget(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # The row keeps its lease; when that ends, a resume finishes it.
            log.error("inbound: finishing a message failed", exc_info=task.exception())
