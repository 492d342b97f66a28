"""What clients do in the mini-program: favorites and viewing bookings."""

from tortoise import fields
from tortoise.models import Model

from models.enums import ViewingStatus


class Favorite(Model):
    id = fields.IntField(primary_key=True)
    wechat_user = fields.ForeignKeyField("models.WechatUser", related_name="favorites", on_delete=fields.CASCADE)
    wechat_user_id: int
    listing = fields.ForeignKeyField("models.Listing", related_name="favorites", on_delete=fields.CASCADE)
    listing_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "favorites"
        unique_together = (("wechat_user", "listing"),)


class Viewing(Model):
    id = fields.IntField(primary_key=True)
    listing = fields.ForeignKeyField("models.Listing", related_name="viewings", on_delete=fields.CASCADE)
    listing_id: int
    wechat_user = fields.ForeignKeyField(
        "models.WechatUser", related_name="viewings", null=True, on_delete=fields.SET_NULL
    )
    wechat_user_id: int | None
    client = fields.ForeignKeyField("models.Client", related_name="viewings", null=True, on_delete=fields.SET_NULL)
    client_id: int | None
    start_at = fields.DatetimeField()
    end_at = fields.DatetimeField()
    status = fields.CharEnumField(ViewingStatus, max_length=16, default=ViewingStatus.BOOKED)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "viewings"
        indexes = (("listing_id", "start_at"),)


class SubscribeGrant(Model):
    """Subscribe-message permissions a user gave in the WeChat popup, banked until used.

    A one-time acceptance lets one message through, so each ``accept`` adds one to ``available`` and each
    message sent takes one; a ``reject`` (popup or settings) empties the bank.
    """

    id = fields.IntField(primary_key=True)
    app = fields.CharField(max_length=64, description="the account that asked: its original id (gh_...)")
    openid = fields.CharField(max_length=64, description="the openid of the user in that account")
    template_id = fields.CharField(max_length=128)
    accepted = fields.BooleanField(default=True, description="false after the user rejected or switched it off")
    available = fields.IntField(default=0, description="messages the acceptances of the user still allow")
    last_sent_at = fields.DatetimeField(null=True)
    last_result = fields.CharField(max_length=64, null=True, description="from subscribe_msg_sent_event")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "subscribe_grants"
        unique_together = (("app", "openid", "template_id"),)
