"""Answering each WeChat message once: the claim, the cached reply, the binding of a signed query to its body."""

import pytest

from bot import dedupe
from bot.protocol import Callback

CB = Callback(signature="s" * 40, timestamp="1700000000", nonce="n1", msg_signature="", encrypted=False)


def binding(xml: str) -> dedupe.Binding:
    """The binding as the endpoint makes it when the query arrives the second it was signed."""
    return dedupe.Binding.of(CB, xml, max_age_s=300, now=int(CB.timestamp))


@pytest.fixture
def replies(resources, settings) -> dedupe.Replies:
    return dedupe.Replies(resources.redis, settings)


async def test_the_claim_and_the_identity_read_run_through_the_batcher(resources, replies):
    async def compute(identity):
        return f"reply {identity!r}"

    await resources.redis.set("ident:o-1", b"7:")
    first = await replies.once("wx:msg:o-1:1", compute, prefetch="ident:o-1", binding=binding("<a/>"))
    again = await replies.once("wx:msg:o-1:1", compute, prefetch="ident:o-1", binding=binding("<a/>"))
    assert first == again == "reply b'7:'"


async def test_a_signed_query_answers_only_the_body_it_came_with(resources, replies):
    async def compute(identity):
        return "answered"

    assert await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    with pytest.raises(dedupe.SignatureReused):
        await replies.once("wx:msg:o-2:1", compute, prefetch="p", binding=binding("<b/>"))
    # Bound as long as the timestamp is accepted (300 s after it): then Protocol.verify refuses the query itself.
    assert 295 <= await resources.redis.ttl(binding("<a/>").key) <= 310


async def test_a_cached_reply_is_stored_encrypted_and_only_under_its_own_key(resources, replies):
    async def compute(identity):
        return "华兴精密 张总 13812345678"

    await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    stored = await resources.redis.get("wx:msg:o-1:1")
    assert b"13812345678" not in stored and "张总".encode() not in stored
    await resources.redis.set("wx:msg:o-2:2", stored)  # moved to another message, it opens to nothing
    assert await replies.once("wx:msg:o-2:2", compute, prefetch="p", binding=binding("<a/>")) == dedupe.NO_REPLY


async def test_a_claim_lasts_only_until_the_reply_or_the_late_message_is_written_down(resources, replies, settings):
    """A process killed before answering must not leave its claim in the way of WeChat's retry 5 s later."""
    ttls = []

    async def compute(identity):
        ttls.append(await resources.redis.ttl("wx:msg:o-1:1"))
        return "answered"

    await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    assert 0 < ttls[0] <= 5
    assert await resources.redis.ttl("wx:msg:o-1:1") > 60, "the reply itself is kept for retries"
