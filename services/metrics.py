"""Counters shared by every process, kept in Redis: requests, chat replies, tracking events, active users.

Why Redis and not prometheus_client's multiprocess mode: the service scales out
to several hosts behind nginx, and the dashboard needs per-day totals of the
whole service (error rate, p95, intents used) that survive restarts; one set of
Redis hashes gives ``GET /metrics`` on any process the totals of all of them,
and the daily rollup (``services.rollups``) reads the same counters. Nothing
here waits for Redis: counts are summed in the process for ``FLUSH_S``, then
sent as one pipeline (``core.kv.batcher``), and a failed push is dropped (a
metric never fails a request or a chat reply).

Keys: ``metrics:*`` hold totals since the Redis data began (Prometheus
counters); ``kpi:*:<day>`` hold one business day (expiring after
``DAY_KEY_TTL_S``).
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from arq.constants import default_queue_name
from redis.asyncio import Redis
from tortoise.functions import Count

from core import kv
from models import InboundMessage, Notification
from models.enums import InboundStatus
from services.resources import Resources

log = logging.getLogger(__name__)

BUCKETS_MS = (5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
"""Upper bounds of the latency histogram buckets; a last bucket holds everything slower."""
DAY_KEY_TTL_S = 40 * 86400
HTTP_TOTALS = "metrics:http"
CHAT_TOTALS = "metrics:chat"
TRACKING_TOTALS = "metrics:tracking"
NOT_UNDERSTOOD = "unknown"
"""The intent counted for a chat message answered with the 没太明白 hint."""


def http_day_key(day: date) -> str:
    return f"kpi:http:{day.isoformat()}"


def intents_day_key(day: date) -> str:
    return f"kpi:intents:{day.isoformat()}"


def miniapp_users_day_key(day: date) -> str:
    return f"kpi:mp_users:{day.isoformat()}"


def miniapp_time_day_key(day: date) -> str:
    return f"kpi:mp_ms:{day.isoformat()}"


class _Today:
    """The business day, recomputed at most once a second (it is asked on every request)."""

    def __init__(self) -> None:
        self._zone: ZoneInfo | None = None
        self._until = 0.0
        self._day = date.min

    def __call__(self, timezone: str) -> date:
        now = time.time()
        if now >= self._until or self._zone is None or self._zone.key != timezone:
            self._zone = ZoneInfo(timezone)
            self._day = datetime.now(self._zone).date()
            self._until = now + 1
        return self._day


today = _Today()


def bucket_of(ms: float) -> int:
    return bisect.bisect_left(BUCKETS_MS, ms)


FLUSH_S = 0.1
"""Counts are summed in the process for this long, then sent to Redis as one pipeline: a count reaches Redis
at most this late (lost if the process dies meanwhile), and thousands of requests a second cost a few
commands instead of ten each."""


class _Pending:
    """What was counted for one Redis client since its last flush."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.increments: Counter[tuple[str, str]] = Counter()
        self.members: defaultdict[str, set[str]] = defaultdict(set)
        self.expiring: set[str] = set()


_pending: dict[Redis, _Pending] = {}


def _counts(redis: Redis) -> _Pending:
    """The counts waiting for ``redis``; the first one since a flush schedules the next flush."""
    loop = asyncio.get_running_loop()
    pending = _pending.get(redis)
    if pending is None or pending.loop is not loop:  # another loop's counts (a test's) are gone with it
        pending = _pending[redis] = _Pending(loop)
        loop.call_later(FLUSH_S, _flush, redis, pending)
    return pending


def _increment(redis: Redis, key: str, field: str, by: int = 1, *, expire: bool = False) -> None:
    pending = _counts(redis)
    pending.increments[(key, field)] += by
    if expire:
        pending.expiring.add(key)


def _flush(redis: Redis, pending: _Pending) -> list[asyncio.Future]:
    """Send ``pending`` as one pipeline (``core.kv``), unless it was sent already; the replies to await."""
    if _pending.get(redis) is pending:
        del _pending[redis]
    batch = kv.batcher(redis)
    sent = [batch.call("hincrby", key, field, by) for (key, field), by in pending.increments.items()]
    sent += [batch.call("sadd", key, *members) for key, members in pending.members.items()]
    sent += [batch.call("expire", key, DAY_KEY_TTL_S) for key in pending.expiring]
    pending.increments.clear()
    pending.members.clear()
    pending.expiring.clear()
    for future in sent:
        future.add_done_callback(_sent)
    return sent


async def flush(redis: Redis) -> None:
    """Send what this process counted now (at shutdown, so no count waits for a flush that never comes)."""
    pending = _pending.get(redis)
    if pending is not None:
        await asyncio.gather(*_flush(redis, pending), return_exceptions=True)


def _sent(future: asyncio.Future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.debug("metrics: Redis refused a count: %s", future.exception())


def count_request(redis: Redis, *, timezone: str, method: str, route: str, status: int, ms: float) -> None:
    """One answered request of ``route`` (the route's pattern, never the raw path)."""
    label = f"{method} {route}"
    bucket = bucket_of(ms)
    day_key = http_day_key(today(timezone))
    _increment(redis, HTTP_TOTALS, f"{label}|{status}")
    _increment(redis, HTTP_TOTALS, f"{label}|b{bucket}")
    _increment(redis, HTTP_TOTALS, f"{label}|us", int(ms * 1000))
    _increment(redis, day_key, f"{route}|n", expire=True)
    _increment(redis, day_key, f"{route}|b{bucket}")
    if status >= 500:
        _increment(redis, day_key, f"{route}|e")


def count_chat_reply(redis: Redis, *, timezone: str, intent: str) -> None:
    """A chat message answered by the handler ``intent`` (``NOT_UNDERSTOOD`` for the hint)."""
    _increment(redis, CHAT_TOTALS, intent)
    _increment(redis, intents_day_key(today(timezone)), intent, expire=True)


def count_tracking(redis: Redis, kinds: list[str]) -> None:
    """Tracking events accepted for writing, by kind."""
    for kind in set(kinds):
        _increment(redis, TRACKING_TOTALS, kind, kinds.count(kind))


def mark_miniapp_user(redis: Redis, *, timezone: str, user_id: int) -> None:
    """A signed-in mini-program user was active today (DAU/MAU, retention)."""
    day_key = miniapp_users_day_key(today(timezone))
    pending = _counts(redis)
    pending.members[day_key].add(str(user_id))
    pending.expiring.add(day_key)


def add_miniapp_time(redis: Redis, *, timezone: str, user_id: int, ms: int) -> None:
    """Foreground time the mini-program reported for a user today (time in app), summed per user."""
    _increment(redis, miniapp_time_day_key(today(timezone)), str(user_id), ms, expire=True)


def decode_hash(raw: dict) -> dict[str, int]:
    return {
        (k.decode() if isinstance(k, bytes) else k): int(v.decode() if isinstance(v, bytes) else v)
        for k, v in raw.items()
    }


# ---- Prometheus text exposition (GET /metrics) ---------------------------------------------------


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{name}="{_label(str(value))}"' for name, value in labels.items()) + "}"


def _header(lines: list[str], name: str, kind: str, text: str) -> None:
    lines.append(f"# HELP {name} {text}")
    lines.append(f"# TYPE {name} {kind}")


def exposition(
    *,
    http: dict[str, int],
    chat: dict[str, int],
    tracking: dict[str, int],
    notifications: list[tuple[str, str, int]],
    queues: dict[str, int],
) -> str:
    """The Prometheus text format of the totals (``http``, ``chat``, ``tracking``: the decoded hashes)."""
    lines: list[str] = []
    statuses: dict[tuple[str, str, str], int] = {}
    buckets: dict[tuple[str, str], list[int]] = {}
    micros: dict[tuple[str, str], int] = {}
    for field, value in http.items():
        label, _, part = field.rpartition("|")
        method, _, route = label.partition(" ")
        key = (method, route)
        if part == "us":
            micros[key] = value
        elif part.startswith("b") and part[1:].isdigit() and int(part[1:]) <= len(BUCKETS_MS):
            buckets.setdefault(key, [0] * (len(BUCKETS_MS) + 1))[int(part[1:])] += value
        elif part.isdigit():
            statuses[(method, route, part)] = value
    _header(lines, "scrm_http_requests_total", "counter", "Requests answered, by route pattern, method and status.")
    for (method, route, status), value in sorted(statuses.items()):
        lines.append(f"scrm_http_requests_total{_labels(method=method, route=route, status=status)} {value}")
    _header(lines, "scrm_http_request_duration_seconds", "histogram", "Time to answer a request, by route pattern.")
    for (method, route), counts in sorted(buckets.items()):
        running = 0
        for bound, count in zip((*BUCKETS_MS, None), counts, strict=True):
            running += count
            le = "+Inf" if bound is None else f"{bound / 1000:g}"
            lines.append(
                f"scrm_http_request_duration_seconds_bucket{_labels(method=method, route=route, le=le)} {running}"
            )
        lines.append(
            f"scrm_http_request_duration_seconds_sum{_labels(method=method, route=route)} "
            f"{micros.get((method, route), 0) / 1_000_000:g}"
        )
        lines.append(f"scrm_http_request_duration_seconds_count{_labels(method=method, route=route)} {running}")
    _header(
        lines, "scrm_chat_replies_total", "counter", f"Chat messages answered, by intent ({NOT_UNDERSTOOD}: 没太明白)."
    )
    for intent, value in sorted(chat.items()):
        lines.append(f"scrm_chat_replies_total{_labels(intent=intent)} {value}")
    _header(lines, "scrm_tracking_events_total", "counter", "H5 tracking events accepted for writing, by kind.")
    for kind, value in sorted(tracking.items()):
        lines.append(f"scrm_tracking_events_total{_labels(kind=kind)} {value}")
    _header(lines, "scrm_notifications", "gauge", "Reminders and notices in the outbox, by kind and status.")
    for kind, status, value in sorted(notifications):
        lines.append(f"scrm_notifications{_labels(kind=kind, status=status)} {value}")
    _header(lines, "scrm_queue_depth", "gauge", "Work waiting: jobs (arq), tracking events, late chat replies.")
    for queue, value in sorted(queues.items()):
        lines.append(f"scrm_queue_depth{_labels(queue=queue)} {value}")
    return "\n".join(lines) + "\n"


async def render(resources: Resources) -> str:
    """``GET /metrics``: the totals of every process, read from Redis and the database."""
    from services import tracking  # tracking counts its events here: imported late, not in a cycle

    redis = resources.redis
    http = decode_hash(await redis.hgetall(HTTP_TOTALS))  # type: ignore[misc]
    chat = decode_hash(await redis.hgetall(CHAT_TOTALS))  # type: ignore[misc]
    tracked = decode_hash(await redis.hgetall(TRACKING_TOTALS))  # type: ignore[misc]
    rows = await Notification.annotate(n=Count("id")).group_by("kind", "status").values("kind", "status", "n")
    queues = {
        "jobs": await redis.zcard(default_queue_name),
        "tracking": await tracking.queued(redis),
        "chat_late_replies": await InboundMessage.filter(
            status__in=(InboundStatus.WORKING, InboundStatus.ANSWERED)
        ).count(),
    }
    return exposition(
        http=http,
        chat=chat,
        tracking=tracked,
        notifications=[(r["kind"], _value(r["status"]), r["n"]) for r in rows],
        queues=queues,
    )


def _value(status) -> str:
    return getattr(status, "value", status)
