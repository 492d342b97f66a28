"""The outbox of WeChat notifications: every reminder and notice, and how it ended."""

from tortoise import fields
from tortoise.models import Model

from models.enums import NotificationStatus


class Notification(Model):
    """One message to one account; the worker claims, sends and settles it exactly once."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharField(
        max_length=32, description="followup_due, daily_digest, overdue_escalation, lead_assigned, ..."
    )
    recipient = fields.ForeignKeyField("models.Account", related_name="notifications", on_delete=fields.CASCADE)
    recipient_id: int
    followup = fields.ForeignKeyField(
        "models.FollowUp", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    followup_id: int | None
    client = fields.ForeignKeyField("models.Client", related_name="notifications", null=True, on_delete=fields.SET_NULL)
    client_id: int | None
    payload = fields.JSONField(default=dict)
    due_at = fields.DatetimeField()
    status = fields.CharEnumField(NotificationStatus, max_length=16, default=NotificationStatus.PENDING)
    dedupe_key = fields.CharField(
        max_length=128, unique=True, description="one notification per event, e.g. followup:12:due"
    )
    attempts = fields.SmallIntField(default=0)
    last_error = fields.CharField(max_length=255, null=True)
    claimed_by = fields.CharField(max_length=64, null=True)
    claimed_until = fields.DatetimeField(null=True)
    next_attempt_at = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    wechat_msgid = fields.CharField(max_length=32, null=True)
    delivery_status = fields.CharField(max_length=64, null=True, description="from TEMPLATESENDJOBFINISH")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "notifications"
        indexes = (("status", "due_at"),)

    @property
    def client_msg_id(self) -> str:
        """Unique per notification, so WeChat also drops a duplicate send."""
        return f"scrm-n{self.id}"
