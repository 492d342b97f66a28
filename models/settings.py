"""Settings a non-developer changes at run time (the back office), with their history."""

from tortoise import fields
from tortoise.models import Model


class SettingChange(Model):
    """One change of one setting; the newest row of a key holds its value as ``{"value": ...}`` (null: back to
    config.yaml)."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, description="matching.weights.area, reminders.digest_time, ...")
    value = fields.JSONField(null=True)
    changed_by = fields.ForeignKeyField(
        "models.Account", related_name="setting_changes", null=True, on_delete=fields.SET_NULL
    )
    changed_by_id: int | None
    changed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "setting_changes"
        indexes = (("key", "id"),)
