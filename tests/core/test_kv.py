"""The Redis batcher: commands of one event-loop turn share a round trip, each caller gets its own answer."""

import asyncio

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from core.kv import Batcher


async def test_each_caller_gets_its_own_result(resources):
    batch = Batcher(resources.redis)
    await asyncio.gather(*(batch.call("set", f"k{i}", i) for i in range(20)))
    values = await asyncio.gather(*(batch.call("get", f"k{i}") for i in range(20)))
    assert values == [str(i).encode() for i in range(20)]


async def test_commands_of_one_turn_go_as_one_pipeline(resources, monkeypatch):
    pipelines = []
    original = resources.redis.pipeline

    def counting(*args, **kwargs):
        pipelines.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(resources.redis, "pipeline", counting)
    batch = Batcher(resources.redis)
    await asyncio.gather(*(batch.call("incr", "n") for _ in range(10)))
    assert len(pipelines) == 1
    assert await resources.redis.get("n") == b"10"


async def test_an_error_reaches_only_its_own_caller(resources):
    batch = Batcher(resources.redis)
    await resources.redis.set("text", "x")
    results = await asyncio.gather(batch.call("incr", "text"), batch.call("incr", "count"), return_exceptions=True)
    assert isinstance(results[0], ResponseError) and results[1] == 1


async def test_a_lost_connection_reaches_every_caller_of_the_batch(resources, monkeypatch):
    batch = Batcher(resources.redis)

    class Broken:
        def __getattr__(self, name):
            return lambda *a, **k: None

        async def execute(self, raise_on_error=True):
            raise RedisConnectionError("gone")

    monkeypatch.setattr(resources.redis, "pipeline", lambda **kw: Broken())
    for outcome in await asyncio.gather(batch.call("get", "a"), batch.call("get", "b"), return_exceptions=True):
        assert isinstance(outcome, RedisConnectionError)


async def test_a_command_nobody_waits_for_is_sent_settled_and_its_failure_logged(resources, caplog):
    batch = Batcher(resources.redis)
    batch.send("set", "cached", "reply", ex=60, failure="reply not cached")
    batch.send("incr", "cached", failure="counter not counted")  # not an integer: refused by Redis
    await batch.settle()
    assert await resources.redis.get("cached") == b"reply"
    assert "counter not counted" in caplog.text and "reply not cached" not in caplog.text
