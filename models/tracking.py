"""What visitors do on H5 pages: every view, click, dwell heartbeat, share, poster scan and consultation.

Rows are written in batches from a queue (``services.tracking``), so they
reference listings, accounts and users by plain ids: a batch never fails on a
row deleted meanwhile.
"""

from tortoise import fields
from tortoise.models import Model

from models.enums import EventKind


class TrackEvent(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharEnumField(EventKind, max_length=12)
    token = fields.CharField(
        max_length=16, db_index=True, description="share token of the page view; later events of that view carry it too"
    )
    parent_token = fields.CharField(
        max_length=16, null=True, db_index=True, description="views only: the view whose shared link brought this visit"
    )
    listing_id = fields.IntField(null=True, description="null on a staff portfolio page")
    visitor = fields.CharField(max_length=24, db_index=True, description="pseudonymous id from the page cookie")
    wechat_user_id = fields.IntField(null=True, description="known after silent OAuth or a consultation")
    sharer_id = fields.IntField(null=True, description="the staff member or partner credited with this visit")
    channel = fields.CharField(max_length=16, description="how the visit arrived: share, poster, chat, miniapp, direct")
    target = fields.CharField(max_length=32, null=True, description="clicks: what was tapped (tel, nav, video ...)")
    value = fields.IntField(null=True, description="dwell: visible milliseconds so far in this view, capped")
    happened_at = fields.DatetimeField()

    class Meta:
        table = "track_events"
        indexes = (("listing_id", "happened_at"), ("sharer_id", "happened_at"), ("kind", "happened_at"))
