"""Clients (the companies looking for space), what they need, and every contact with them."""

from typing import TYPE_CHECKING, TypedDict

from tortoise import fields
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.enums import DealType, FollowUpChannel, PropertyType, Source, Stage
from models.pii import EncryptedField, PiiModel

if TYPE_CHECKING:
    from models.commissions import Deal


class Digits(TypedDict):
    max_digits: int
    decimal_places: int


MONEY: Digits = {"max_digits": 14, "decimal_places": 2}
MEASURE: Digits = {"max_digits": 12, "decimal_places": 2}


class Client(PiiModel):
    id = fields.IntField(primary_key=True)
    company = fields.CharField(max_length=128, null=True)
    company_norm = fields.CharField(
        max_length=128,
        null=True,
        db_index=True,
        description="company name without region prefix, legal suffix and spaces, for duplicate checks",
    )
    contact_name = fields.CharField(max_length=64, null=True)
    phone = EncryptedField(null=True)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    wechat_id = EncryptedField(null=True)
    wechat_id_hash = fields.CharField(max_length=64, null=True, db_index=True)
    email = EncryptedField(null=True)
    email_hash = fields.CharField(max_length=64, null=True, db_index=True)
    industry = fields.CharField(max_length=64, null=True)
    region = fields.CharField(max_length=64, null=True, description="preferred place, as the parser normalizes it")
    source = fields.CharEnumField(Source, max_length=24, default=Source.OTHER)
    source_detail = fields.CharField(max_length=128, null=True)
    stage = fields.CharEnumField(Stage, max_length=16, default=Stage.INTENT)
    deal_probability = fields.SmallIntField(default=10, description="percent, set from the stage")
    important = fields.BooleanField(default=False)
    owner = fields.ForeignKeyField("models.Account", related_name="clients", null=True, on_delete=fields.SET_NULL)
    owner_id: int | None
    referrer = fields.ForeignKeyField(
        "models.Account", related_name="referred_clients", null=True, on_delete=fields.SET_NULL
    )
    referrer_id: int | None
    wechat_user = fields.ForeignKeyField(
        "models.WechatUser", related_name="clients", null=True, on_delete=fields.SET_NULL
    )
    wechat_user_id: int | None
    duplicate_of = fields.ForeignKeyField(
        "models.Client",
        related_name="possible_duplicates",
        null=True,
        on_delete=fields.SET_NULL,
        description="an existing client with the same phone, WeChat id or company: a lead for a salesperson to confirm",
    )
    duplicate_of_id: int | None
    notes = fields.TextField(null=True)
    next_followup_at = fields.DatetimeField(null=True, db_index=True)
    deleted_at = fields.DatetimeField(
        null=True, db_index=True, description="deleted by its owner or a manager: hidden everywhere, kept for the audit"
    )
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    deals: fields.ReverseRelation["Deal"]

    PII_FIELDS = {
        "phone": ("phone", "phone_hash"),
        "wechat_id": ("wechat_id", "wechat_id_hash"),
        "email": ("email", "email_hash"),
    }

    class Meta:
        table = "clients"
        indexes = (("owner_id", "stage"),)

    @classmethod
    def live(cls) -> QuerySet["Client"]:
        """Clients not deleted: the only ones any interface shows, matches or reminds of."""
        return cls.filter(deleted_at__isnull=True)

    @property
    def display_name(self) -> str:
        return self.company or (f"{self.contact_name}" if self.contact_name else f"客户#{self.id}")


class ClientContact(PiiModel):
    """Another person or phone of a client (a duplicate registration merged in with a second phone)."""

    id = fields.IntField(primary_key=True)
    client = fields.ForeignKeyField("models.Client", related_name="contacts", on_delete=fields.CASCADE)
    client_id: int
    name = fields.CharField(max_length=64, null=True)
    phone = EncryptedField(null=True)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    wechat_id = EncryptedField(null=True)
    wechat_id_hash = fields.CharField(max_length=64, null=True, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    PII_FIELDS = {"phone": ("phone", "phone_hash"), "wechat_id": ("wechat_id", "wechat_id_hash")}

    class Meta:
        table = "client_contacts"


class Requirement(Model):
    """What a client needs; every bound is optional. Prices use the parser contract units."""

    id = fields.IntField(primary_key=True)
    client = fields.OneToOneField("models.Client", related_name="requirement", on_delete=fields.CASCADE)
    client_id: int
    deal_type = fields.CharEnumField(DealType, max_length=8, null=True)
    property_type = fields.CharEnumField(PropertyType, max_length=16, null=True)
    region = fields.CharField(max_length=64, null=True)
    regions = fields.JSONField(null=True, description="every place the client accepts (嘉善或者平湖都行)")
    several_places = fields.BooleanField(
        default=False, description="regions names more than one place: written with regions, read by the reverse match"
    )
    single_storey = fields.BooleanField(null=True)
    area_min = fields.DecimalField(**MEASURE, null=True, description="m²")
    area_max = fields.DecimalField(**MEASURE, null=True, description="m²")
    ceiling_height_min = fields.DecimalField(max_digits=6, decimal_places=2, null=True, description="m")
    floor_load_min = fields.DecimalField(max_digits=6, decimal_places=2, null=True, description="t/m²")
    power_kva_min = fields.DecimalField(**MEASURE, null=True, description="kVA")
    rent_max = fields.DecimalField(**MONEY, null=True, description="yuan per m² per month")
    budget_month_max = fields.DecimalField(**MONEY, null=True, description="yuan per month, total")
    sale_price_max = fields.DecimalField(**MONEY, null=True, description="yuan per m²")
    sale_total_max = fields.DecimalField(**MONEY, null=True, description="yuan")
    features = fields.JSONField(default=list)
    notes = fields.TextField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "requirements"
        # The reverse match (a listing approved) reads the requirements naming the listing's places, and those
        # naming several, of its type and deal (services.listings.clients_fitting).
        indexes = (
            ("region", "property_type", "deal_type", "area_min", "area_max"),
            ("several_places", "property_type", "deal_type", "area_min", "area_max"),
        )


class FollowUp(Model):
    id = fields.IntField(primary_key=True)
    client = fields.ForeignKeyField("models.Client", related_name="followups", on_delete=fields.CASCADE)
    client_id: int
    author = fields.ForeignKeyField("models.Account", related_name="followups", null=True, on_delete=fields.SET_NULL)
    author_id: int | None
    content = EncryptedField()  # the note as written: it may hold phones and WeChat ids
    channel = fields.CharEnumField(FollowUpChannel, max_length=16, default=FollowUpChannel.CHAT)
    by_client = fields.BooleanField(default=False, description="words the client wrote (a lead), not a staff note")
    stage = fields.CharEnumField(Stage, max_length=16, null=True, description="stage named in this follow-up")
    happened_at = fields.DatetimeField()
    next_at = fields.DatetimeField(null=True, db_index=True)
    remind_at = fields.DatetimeField(
        null=True,
        db_index=True,
        description="when the reminder for next_at goes out: next_at, or earlier (提前一天提醒我)",
    )
    done = fields.BooleanField(default=False, description="superseded by a later follow-up of the same client")
    reminded_at = fields.DatetimeField(null=True, description="when the due reminder for next_at went out")
    source_msg_id = fields.CharField(max_length=64, null=True, unique=True, description="WeChat MsgId that created it")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "followups"
        indexes = (("client_id", "happened_at"),)

    async def save(self, *args, **kwargs) -> None:
        """A follow-up with a next time is reminded at that time unless an earlier reminder was asked for."""
        if self.next_at is not None and self.remind_at is None:
            self.remind_at = self.next_at
        await super().save(*args, **kwargs)


class StageChange(Model):
    id = fields.IntField(primary_key=True)
    client = fields.ForeignKeyField("models.Client", related_name="stage_changes", on_delete=fields.CASCADE)
    client_id: int
    from_stage = fields.CharEnumField(Stage, max_length=16, null=True)
    to_stage = fields.CharEnumField(Stage, max_length=16)
    changed_by = fields.ForeignKeyField(
        "models.Account", related_name="stage_changes", null=True, on_delete=fields.SET_NULL
    )
    changed_by_id: int | None
    changed_at = fields.DatetimeField(auto_now_add=True)
    note = fields.CharField(max_length=255, null=True)

    class Meta:
        table = "stage_changes"
