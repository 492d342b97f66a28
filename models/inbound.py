"""Official-account messages acknowledged before their reply was ready (bot.inbound finishes them)."""

from tortoise import fields
from tortoise.models import Model

from models.enums import InboundStatus
from models.pii import EncryptedField


class InboundMessage(Model):
    """One message WeChat was told ``success`` for: kept until its reply is delivered, whatever stops."""

    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(
        max_length=128, unique=True, description="the dedupe key: one row however often WeChat retries"
    )
    openid = fields.CharField(max_length=64)
    xml = EncryptedField(
        description="the message as WeChat sent it, decrypted; encrypted at rest: it holds what the sender wrote"
    )
    reply = EncryptedField(null=True)
    status = fields.CharEnumField(InboundStatus, max_length=16, default=InboundStatus.WORKING)
    attempts = fields.SmallIntField(default=1)
    last_error = fields.CharField(max_length=255, null=True)
    claimed_by = fields.CharField(max_length=64, null=True)
    claimed_until = fields.DatetimeField(null=True)
    received_at = fields.DatetimeField(description="when the endpoint got it: 明天 in the message means the day after")
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "inbound_messages"
        indexes = (("status", "claimed_until"),)
