"""Settings a non-developer changes at run time (the back office), with their history."""

from tortoise import fields
from tortoise.models import Model


class SettingChange(Model):
    """One change of one setting, company-wide or for one team; the newest row of a key (and team) holds its value
    as ``{"value": ...}`` (null: back to config.yaml, or for a team back to the company's value)."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, description="matching.weights.area, reminders.digest_time, ...")
    value = fields.JSONField(null=True)
    changed_by = fields.ForeignKeyField(
        "models.Account", related_name="setting_changes", null=True, on_delete=fields.SET_NULL
    )
    changed_by_id: int | None
    changed_at = fields.DatetimeField(auto_now_add=True)
    team_id = fields.IntField(null=True, description="the team, as the id of its manager; null: the whole company")

    class Meta:
        table = "setting_changes"
        indexes = (("key", "id"),)
