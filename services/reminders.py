"""What the reminders worker queues: due follow-ups, the daily digest, overdue escalation.

Each function only adds rows to the notification outbox (services.outbox sends
them, worded by bot/notices.py) with the facts as data (names, stage, times as
epoch seconds) and takes ``now`` so tests control the clock. Dedupe keys make every
run idempotent, so a tick repeated, late or run on two workers at once queues
each notification once:

- ``followup:<id>:<remind_at epoch>``: the reminder for one follow-up's next time
  (a follow-up moved in place to another time gets a new reminder);
- ``digest:<account>:<local date>``: one digest per salesperson and day, from their team's digest time
  (a team may set its own: ``services.runtime_settings.TEAM_EDITABLE``);
- ``escalation:<id>:<next_at epoch>``: one report to the manager per missed time.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from arq.cron import CronJob, cron
from redis.asyncio import Redis
from tortoise import Tortoise
from tortoise.timezone import localtime

from core.config import Settings
from models import Account, FollowUp, Notification
from models.enums import Stage
from models.pii import mask_contacts
from services import runtime_settings
from services.resources import Resources

log = logging.getLogger(__name__)

FOLLOWUP_DUE = "followup_due"
DAILY_DIGEST = "daily_digest"
OVERDUE_ESCALATION = "overdue_escalation"

DIGEST_FIRST = 3
"""How many of the day's follow-ups the digest names."""
CHUNK = 500
DIGEST_DONE_KEY = "reminders:digest_done:{day}"

_FOLLOWUP_COLUMNS = (
    "id",
    "next_at",
    "remind_at",
    "content",
    "author_id",
    "client_id",
    "client__company",
    "client__contact_name",
    "client__owner_id",
    "client__stage",
)


def due_key(followup_id: int, remind_at: datetime) -> str:
    return f"followup:{followup_id}:{int(remind_at.timestamp())}"


async def schedule(resources: Resources, *, now: datetime) -> dict[str, int]:
    """One tick of the worker: everything that has become due by ``now``."""
    settings = resources.settings
    return {
        "due": await queue_due(settings, now=now),
        "digests": await queue_digests(settings, resources.redis, now=now),
        "escalations": await queue_escalations(settings, now=now),
    }


async def queue_due(settings: Settings, *, now: datetime) -> int:
    """Queue a reminder for every open follow-up whose reminder time (its next time, or earlier) has come.

    Follow-ups due longer than ``due_lookback_h`` ago (the worker was down that
    long) are left to escalation rather than reminded late.
    """
    since = now - timedelta(hours=settings.reminders.due_lookback_h)
    rows = await _open_followups(FOLLOWUP_DUE, since, now)
    notifications = []
    for row in rows:
        recipient = row["client__owner_id"] or row["author_id"]
        if recipient is None:
            log.warning("follow-up %s is due but its client has no owner and it has no author", row["id"])
            continue
        notifications.append(
            Notification(
                kind=FOLLOWUP_DUE,
                recipient_id=recipient,
                followup_id=row["id"],
                client_id=row["client_id"],
                dedupe_key=due_key(row["id"], row["remind_at"]),
                due_at=row["remind_at"],
                payload={
                    "client": _client_name(row),
                    "note": mask_contacts(row["content"]),
                    "stage": row["client__stage"],
                    "next_at": int(row["next_at"].timestamp()),
                },
            )
        )
    return await _insert_new(notifications)


def _digest_done_key(day: date, team: int | None) -> str:
    """Set once the digests of ``day`` at the company's time (team None) or at a team's own time are queued."""
    key = DIGEST_DONE_KEY.format(day=day.isoformat())
    return key if team is None else f"{key}:team:{team}"


async def queue_digests(settings: Settings, redis: Redis, *, now: datetime) -> int:
    """From ``digest_time`` on (the team's own, if it set one), once per local day: each active salesperson's
    follow-ups of the day."""
    zone = ZoneInfo(settings.timezone)
    local_now = now.astimezone(zone)
    day = local_now.date()
    times: dict[int | None, time] = {None: settings.reminders.digest_time}
    for team, values in (await runtime_settings.team_overrides()).items():
        if "reminders.digest_time" in values:
            times[team] = runtime_settings.for_team(settings, values).reminders.digest_time
    pending = [
        team
        for team, at in times.items()
        if local_now.time() >= at and not await redis.exists(_digest_done_key(day, team))
    ]
    if not pending:
        return 0
    start = datetime.combine(day, time(0), tzinfo=zone)
    rows = await (
        FollowUp.filter(done=False, next_at__gte=start, next_at__lt=start + timedelta(days=1))
        .exclude(client__stage__in=[Stage.WON, Stage.LOST])
        .filter(client__deleted_at__isnull=True)
        .order_by("next_at")
        .values(*_FOLLOWUP_COLUMNS)
    )
    by_recipient: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        if recipient := row["client__owner_id"] or row["author_id"]:
            by_recipient[recipient].append(row)
    active = set()
    for account in await Account.filter(id__in=list(by_recipient), active=True).values("id", "role", "manager_id"):
        team = (
            account["id"] if getattr(account["role"], "value", account["role"]) == "manager" else account["manager_id"]
        )
        if (team if team in times else None) in pending:
            active.add(account["id"])
    notifications = [
        Notification(
            kind=DAILY_DIGEST,
            recipient_id=account_id,
            dedupe_key=f"digest:{account_id}:{day.isoformat()}",
            due_at=now,
            payload=_digest_facts(day, followups),
        )
        for account_id, followups in by_recipient.items()
        if account_id in active
    ]
    queued = await _insert_new(notifications)
    for slot in pending:
        await redis.set(_digest_done_key(day, slot), "1", ex=2 * 86400)
    return queued


async def queue_escalations(settings: Settings, *, now: datetime) -> int:
    """Tell the owner's manager about each follow-up ``escalate_after_h`` (the team's own, if it set one) past
    due with no newer one."""
    after_h = {
        team: runtime_settings.for_team(settings, values).reminders.escalate_after_h
        for team, values in (await runtime_settings.team_overrides()).items()
        if "reminders.escalate_after_h" in values
    }
    lookback = timedelta(hours=settings.reminders.due_lookback_h)
    hours = [settings.reminders.escalate_after_h, *after_h.values()]
    latest_cutoff = now - timedelta(hours=min(hours))
    rows = await _open_followups(OVERDUE_ESCALATION, now - timedelta(hours=max(hours)) - lookback, latest_cutoff)
    salespeople = {row["client__owner_id"] or row["author_id"] for row in rows} - {None}
    accounts = {a["id"]: a for a in await Account.filter(id__in=list(salespeople)).values("id", "name", "manager_id")}
    notifications = []
    for row in rows:
        salesperson = accounts.get(row["client__owner_id"] or row["author_id"])
        if salesperson is None or salesperson["manager_id"] is None:
            continue  # nobody to report to
        cutoff = now - timedelta(hours=after_h.get(salesperson["manager_id"], settings.reminders.escalate_after_h))
        if not cutoff - lookback < row["next_at"] <= cutoff:
            continue  # not yet overdue long enough for this team (or long past its window)
        notifications.append(
            Notification(
                kind=OVERDUE_ESCALATION,
                recipient_id=salesperson["manager_id"],
                followup_id=row["id"],
                client_id=row["client_id"],
                dedupe_key=f"escalation:{row['id']}:{int(row['next_at'].timestamp())}",
                due_at=now,
                payload={
                    "salesperson": salesperson["name"],
                    "client": _client_name(row),
                    "next_at": int(row["next_at"].timestamp()),
                },
            )
        )
    return await _insert_new(notifications)


async def _open_followups(kind: str, since: datetime, until: datetime) -> list[dict]:
    """Open follow-ups that have no ``kind`` notification yet, of clients not won or lost (the stage is checked
    again here, whatever closed or left open their plans): for reminders, those with ``since < remind_at <=
    until`` (the reminder may be asked for earlier than the time, 提前一天提醒我); for escalations, by next_at.

    For reminders, "yet" means for this very time; one escalation per
    follow-up is enough. The anti-join keeps a tick cheap while thousands of
    queued reminders wait to be sent.
    """
    connection = Tortoise.get_connection("default")
    mark = "%s" if connection.capabilities.dialect == "mysql" else "?"
    reminder = kind == FOLLOWUP_DUE
    at = "f.remind_at" if reminder else "f.next_at"
    sql = (
        f"SELECT f.id FROM followups f JOIN clients c ON c.id = f.client_id"
        f" WHERE f.done = 0 AND {at} > {mark} AND {at} <= {mark}"
        f" AND c.stage NOT IN ({mark}, {mark}) AND c.deleted_at IS NULL"
        + (" AND f.reminded_at IS NULL" if reminder else "")
        + f" AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.followup_id = f.id AND n.kind = {mark}"
        + (" AND n.due_at = f.remind_at)" if reminder else ")")
    )
    # Raw parameters skip Tortoise's conversion: times go in the zone the database keeps them in.
    closed = [Stage.WON.value, Stage.LOST.value]
    _, found = await connection.execute_query(sql, [localtime(since), localtime(until), *closed, kind])
    ids = [row["id"] for row in found]
    rows = []
    for start in range(0, len(ids), CHUNK):
        rows += await FollowUp.filter(id__in=ids[start : start + CHUNK]).values(*_FOLLOWUP_COLUMNS)
    return sorted(rows, key=lambda row: row["next_at"])


def _client_name(row: dict) -> str | None:
    """The client's company or contact (None when it has neither: the wording names it by its number)."""
    return row["client__company"] or row["client__contact_name"]


def _digest_facts(day: date, followups: list[dict]) -> dict:
    return {
        "day": day.isoformat(),
        "count": len(followups),
        "first": [
            {"at": int(row["next_at"].timestamp()), "client": _client_name(row), "client_id": row["client_id"]}
            for row in followups[:DIGEST_FIRST]
        ],
    }


async def _insert_new(notifications: list[Notification]) -> int:
    """Insert those whose dedupe key is new; a concurrent insert of the same key is ignored."""
    queued = 0
    for start in range(0, len(notifications), CHUNK):
        chunk = notifications[start : start + CHUNK]
        existing = {
            row["dedupe_key"]
            for row in await Notification.filter(dedupe_key__in=[n.dedupe_key for n in chunk]).values("dedupe_key")
        }
        new = [n for n in chunk if n.dedupe_key not in existing]
        if new:
            await Notification.bulk_create(new, ignore_conflicts=True)
            queued += len(new)
    return queued


async def reminders_tick(ctx: dict) -> dict[str, int]:
    """The worker's periodic job (every ``scan_interval_s``, one worker per tick)."""
    return await schedule(ctx["resources"], now=datetime.now(timezone.utc))


def cron_jobs(settings: Settings) -> list[CronJob]:
    """``reminders_tick`` every ``scan_interval_s`` (a divisor of 60: 1 to 30, or 60)."""
    interval = settings.reminders.scan_interval_s
    # A result kept for a minute also stops a worker that looks late from running the same tick again.
    return [cron(reminders_tick, second=set(range(0, 60, interval)), keep_result=60, timeout=300)]
