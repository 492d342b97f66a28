"""Who changed what, with the values before and after."""

from tortoise import fields
from tortoise.models import Model


class AuditLog(Model):
    id = fields.IntField(primary_key=True)
    actor = fields.ForeignKeyField("models.Account", related_name="audit_entries", null=True, on_delete=fields.SET_NULL)
    actor_id: int | None
    action = fields.CharField(max_length=48, description="client.create, listing.status, followup.create, ...")
    entity = fields.CharField(max_length=32)
    entity_id = fields.IntField(null=True)
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_log"
        indexes = (("entity", "entity_id"),)
