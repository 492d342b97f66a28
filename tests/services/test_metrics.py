"""Counts are summed in the process and reach Redis as one pipeline within ``FLUSH_S``."""

from __future__ import annotations

import asyncio

from services import metrics

ZONE = "Asia/Shanghai"


def counting_pipelines(redis, monkeypatch) -> list[int]:
    """Each pipeline the batcher sends to ``redis`` (one entry per pipeline)."""
    made: list[int] = []
    pipeline = redis.pipeline

    def counted(*args, **kwargs):
        made.append(1)
        return pipeline(*args, **kwargs)

    monkeypatch.setattr(redis, "pipeline", counted)
    return made


async def test_a_thousand_replies_are_summed_and_sent_as_one_pipeline(resources, monkeypatch):
    redis = resources.redis
    pipelines = counting_pipelines(redis, monkeypatch)
    for number in range(1000):
        metrics.count_chat_reply(redis, timezone=ZONE, intent="help" if number % 4 else metrics.NOT_UNDERSTOOD)
    assert await redis.hgetall(metrics.CHAT_TOTALS) == {}  # nothing is sent while requests are answered
    await metrics.flush(redis)
    assert metrics.decode_hash(await redis.hgetall(metrics.CHAT_TOTALS)) == {"help": 750, "unknown": 250}
    day_key = metrics.intents_day_key(metrics.today(ZONE))
    assert metrics.decode_hash(await redis.hgetall(day_key)) == {"help": 750, "unknown": 250}
    assert 0 < await redis.ttl(day_key) <= metrics.DAY_KEY_TTL_S
    assert len(pipelines) == 1


async def test_counts_reach_redis_by_themselves_within_the_flush_interval(resources):
    redis = resources.redis
    metrics.count_request(redis, timezone=ZONE, method="POST", route="/wechat", status=200, ms=3.0)
    metrics.count_request(redis, timezone=ZONE, method="POST", route="/wechat", status=200, ms=7.0)
    metrics.mark_miniapp_user(redis, timezone=ZONE, user_id=7)
    for _ in range(100):  # FLUSH_S, and however long a loaded machine takes to run the timer
        await asyncio.sleep(metrics.FLUSH_S)
        if await redis.hgetall(metrics.HTTP_TOTALS):
            break
    totals = metrics.decode_hash(await redis.hgetall(metrics.HTTP_TOTALS))
    assert totals == {"POST /wechat|200": 2, "POST /wechat|b0": 1, "POST /wechat|b1": 1, "POST /wechat|us": 10000}
    assert await redis.smembers(metrics.miniapp_users_day_key(metrics.today(ZONE))) == {b"7"}
