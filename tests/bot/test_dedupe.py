"""Answering each WeChat message once: the claim, the cached reply, the binding of a signed query to its body."""

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from bot import dedupe
from bot.protocol import Callback
from services import accounts, visitors

CB = Callback(signature="s" * 40, timestamp="1700000000", nonce="n1", msg_signature="", encrypted=False)


def binding(xml: str, nonce: str = CB.nonce) -> dedupe.Binding:
    """The binding as the endpoint makes it when the query arrives the second it was signed."""
    return dedupe.Binding.of(replace(CB, nonce=nonce), xml, max_age_s=300, now=int(CB.timestamp))


@pytest.fixture
def replies(resources, settings) -> dedupe.Replies:
    return dedupe.Replies(resources.redis, settings)


async def test_the_claim_and_the_identity_read_run_through_the_batcher(resources, replies):
    async def compute(identity, arrivals):
        return f"reply {identity!r}"

    await resources.redis.set("ident:o-1", b"7:")
    first = await replies.once("wx:msg:o-1:1", compute, prefetch="ident:o-1", binding=binding("<a/>"))
    again = await replies.once("wx:msg:o-1:1", compute, prefetch="ident:o-1", binding=binding("<a/>"))
    assert first == again == "reply b'7:'"


async def test_a_signed_query_answers_only_the_body_it_came_with(resources, replies):
    async def compute(identity, arrivals):
        return "answered"

    assert await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    with pytest.raises(dedupe.SignatureReused):
        await replies.once("wx:msg:o-2:1", compute, prefetch="p", binding=binding("<b/>"))
    # Bound as long as the timestamp is accepted (300 s after it): then Protocol.verify refuses the query itself.
    assert 295 <= await resources.redis.ttl(binding("<a/>").key) <= 310


async def test_a_cached_reply_is_stored_encrypted_and_only_under_its_own_key(resources, replies):
    async def compute(identity, arrivals):
        return "华兴精密 张总 13812345678"

    await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    await replies.settle()
    stored = await resources.redis.get("wx:msg:o-1:1")
    assert b"13812345678" not in stored and "张总".encode() not in stored
    await resources.redis.set("wx:msg:o-2:2", stored)  # moved to another message, it opens to nothing
    assert await replies.once("wx:msg:o-2:2", compute, prefetch="p", binding=binding("<a/>")) == dedupe.NO_REPLY


async def test_a_claim_lasts_only_until_the_reply_or_the_late_message_is_written_down(resources, replies, settings):
    """A process killed before answering must not leave its claim in the way of WeChat's retry 5 s later."""
    ttls = []

    async def compute(identity, arrivals):
        ttls.append(await resources.redis.ttl("wx:msg:o-1:1"))
        return "answered"

    await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    assert 0 < ttls[0] <= 5
    await replies.settle()
    assert await resources.redis.ttl("wx:msg:o-1:1") > 60, "the reply itself is kept for retries"


async def test_the_reply_goes_out_before_it_is_cached_and_a_retry_meanwhile_waits_for_it(resources, replies):
    """The answer does not wait for the write that serves WeChat's retries; a retry that comes before the
    write lands finds the claim and gets the same answer once it is there."""

    async def compute(identity, arrivals):
        return "answered"

    async def never(identity, arrivals):
        raise AssertionError("a retry must not compute the reply again")

    assert await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>")) == "answered"
    assert await resources.redis.get("wx:msg:o-1:1") == dedupe.PENDING  # the write is on its way
    assert await replies.once("wx:msg:o-1:1", never, prefetch="p", binding=binding("<a/>")) == "answered"


def arrival(openid: str) -> visitors.Arrival:
    return visitors.Arrival.of(openid, datetime.now(timezone.utc))


async def test_a_visitors_message_is_counted_and_opens_the_window_in_the_claims_round_trip(resources, replies):
    counted = []

    async def compute(identity, arrivals):
        counted.append(arrivals)
        return "answered"

    await resources.redis.set(accounts.identity_key("o-visitor"), "7::0:::")
    for msg_id in (1, 2):
        await replies.once(
            f"wx:msg:o-visitor:{msg_id}",
            compute,
            prefetch=accounts.identity_key("o-visitor"),
            binding=binding(f"<a{msg_id}/>", nonce=f"n{msg_id}"),
            arrival=arrival("o-visitor"),
        )
    assert counted == [1, 2]
    assert await visitors.window_open(resources.redis, "o-visitor")
    await replies.settle()
    retried = await replies.once(
        "wx:msg:o-visitor:2",
        compute,
        prefetch=accounts.identity_key("o-visitor"),
        binding=binding("<a2/>", nonce="n2"),
        arrival=arrival("o-visitor"),
    )
    assert retried == "answered" and counted == [1, 2], "a retry is answered from the cache, not counted again"


async def test_a_bound_or_unknown_senders_message_is_left_to_the_chat_to_count(resources, replies):
    """Only an identity that says unbound is counted by the claim: staff are limited apart, and an unknown
    sender (no cached identity) is counted by the visitor conversation once the database says who it is."""
    counted = []

    async def compute(identity, arrivals):
        counted.append(arrivals)
        return "answered"

    await resources.redis.set(accounts.identity_key("o-staff"), "8:3:0:sales::张三")
    for openid in ("o-staff", "o-unknown"):
        await replies.once(
            f"wx:msg:{openid}:1",
            compute,
            prefetch=accounts.identity_key(openid),
            binding=binding(f"<{openid}/>", nonce=openid),
            arrival=arrival(openid),
        )
        assert not await visitors.window_open(resources.redis, openid)
    assert counted == [None, None]
