"""People who act in the system: staff, partners, and the WeChat users behind them."""

from tortoise import fields

from models.enums import Role
from models.pii import EncryptedField, PiiModel


class Account(PiiModel):
    """A staff member (admin, manager, sales) or an external referral partner."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64)
    role = fields.CharEnumField(Role, max_length=16)
    manager = fields.ForeignKeyField(
        "models.Account",
        related_name="team",
        null=True,
        on_delete=fields.SET_NULL,
        description="the manager whose team this account belongs to",
    )
    manager_id: int | None
    phone = EncryptedField(null=True)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    active = fields.BooleanField(default=True)
    bind_code_hash = fields.CharField(max_length=64, null=True, unique=True)
    bind_code_expires_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    PII_FIELDS = {"phone": ("phone", "phone_hash")}

    class Meta:
        table = "accounts"

    def __str__(self) -> str:
        return self.name

    @property
    def is_manager(self) -> bool:
        return self.role in (Role.ADMIN, Role.MANAGER)


class WechatUser(PiiModel):
    """Someone who reached us through WeChat: follower of the official account or mini-program user."""

    id = fields.IntField(primary_key=True)
    openid = fields.CharField(max_length=64, null=True, unique=True, description="official-account openid")
    miniapp_openid = fields.CharField(max_length=64, null=True, unique=True)
    unionid = fields.CharField(max_length=64, null=True, unique=True)
    subscribed = fields.BooleanField(default=False)
    subscribed_at = fields.DatetimeField(null=True)
    unsubscribed_at = fields.DatetimeField(null=True)
    account = fields.OneToOneField(
        "models.Account",
        related_name="wechat_user",
        null=True,
        on_delete=fields.SET_NULL,
        description="set when a staff member or partner has bound this WeChat user",
    )
    account_id: int | None
    referrer = fields.ForeignKeyField(
        "models.Account",
        related_name="referred_users",
        null=True,
        on_delete=fields.SET_NULL,
        description="first referrer within the attribution window",
    )
    referrer_id: int | None
    referral_scene = fields.ForeignKeyField(
        "models.ReferralScene", related_name="users", null=True, on_delete=fields.SET_NULL
    )
    referral_scene_id: int | None
    attributed_at = fields.DatetimeField(null=True)
    name = fields.CharField(max_length=64, null=True, description="the name a visitor gave when booking a viewing")
    phone = EncryptedField(null=True, description="the phone a visitor gave when booking a viewing")
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    PII_FIELDS = {"phone": ("phone", "phone_hash")}

    class Meta:
        table = "wechat_users"
