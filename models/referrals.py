"""Referral codes (official-account QR scenes, mini-program codes) and what each one brought."""

from tortoise import fields
from tortoise.models import Model

from models.enums import ReferralEventKind, SceneKind


class ReferralScene(Model):
    id = fields.IntField(primary_key=True)
    scene = fields.CharField(max_length=32, unique=True, description="fits both QR scene_str and mini-program scene")
    kind = fields.CharEnumField(SceneKind, max_length=16)
    owner = fields.ForeignKeyField(
        "models.Account", related_name="referral_scenes", null=True, on_delete=fields.SET_NULL
    )
    owner_id: int | None
    name = fields.CharField(max_length=64, null=True, description="campaign name")
    qr_ticket = fields.CharField(max_length=255, null=True)
    qr_url = fields.CharField(max_length=255, null=True)
    qr_media_id = fields.CharField(max_length=128, null=True)
    qr_media_expires_at = fields.DatetimeField(null=True, description="uploaded media lives 3 days at WeChat")
    qr_expires_at = fields.DatetimeField(null=True, description="temporary campaign codes only")
    miniapp_code_path = fields.CharField(max_length=255, null=True)
    paused_at = fields.DatetimeField(null=True, description="paused: scans are counted but attribute no one")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "referral_scenes"


class ReferralEvent(Model):
    id = fields.IntField(primary_key=True)
    scene = fields.ForeignKeyField("models.ReferralScene", related_name="events", on_delete=fields.CASCADE)
    scene_id: int
    kind = fields.CharEnumField(ReferralEventKind, max_length=8)
    wechat_user = fields.ForeignKeyField(
        "models.WechatUser", related_name="referral_events", null=True, on_delete=fields.SET_NULL
    )
    wechat_user_id: int | None
    client = fields.ForeignKeyField(
        "models.Client", related_name="referral_events", null=True, on_delete=fields.SET_NULL
    )
    client_id: int | None
    attributed = fields.BooleanField(default=True, description="false when an earlier referrer keeps the user")
    happened_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "referral_events"
        indexes = (("scene_id", "kind"),)
