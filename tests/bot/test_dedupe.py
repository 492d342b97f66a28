"""Answering each WeChat message once: the claim, the cached reply, the binding of a signed query to its body."""
import pytest

from bot import dedupe
from bot.protocol import Callback

CB = Callback(signature="s" * 40, timestamp="1700000000", nonce="n1", msg_signature="", encrypted=False)


def binding(xml: str) -> dedupe.Binding:
    return dedupe.Binding.of(CB, xml, max_age_s=300)


@pytest.fixture
def replies(resources, settings) -> dedupe.Replies:
    return dedupe.Replies(resources.redis, settings.secret_key_bytes)


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
    assert await resources.redis.ttl(binding("<a/>").key) > 600, "bound for longer than any timestamp is accepted"


async def test_a_cached_reply_is_stored_encrypted_and_only_under_its_own_key(resources, replies):
    async def compute(identity):
        return "华兴精密 张总 13812345678"

    await replies.once("wx:msg:o-1:1", compute, prefetch="p", binding=binding("<a/>"))
    stored = await resources.redis.get("wx:msg:o-1:1")
    assert b"13812345678" not in stored and "张总".encode() not in stored
    await resources.redis.set("wx:msg:o-2:2", stored)  # moved to another message, it opens to nothing
    assert await replies.once("wx:msg:o-2:2", compute, prefetch="p", binding=binding("<a/>")) == dedupe.NO_REPLY
