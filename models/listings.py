"""Listings (厂房/仓库/研发楼/土地) with every industrial field, and their status history."""

from tortoise import fields
from tortoise.models import Model

from models.clients import MEASURE, MONEY
from models.enums import DealType, ListingStatus, PropertyType, ReviewStatus
from models.pii import EncryptedField, PiiModel


class Listing(PiiModel):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True, description="short code salespeople type: A12, B07")
    title = fields.CharField(max_length=128)
    property_type = fields.CharEnumField(PropertyType, max_length=16)
    deal_type = fields.CharEnumField(DealType, max_length=8)
    region = fields.CharField(max_length=64, description="most specific place, as the parser normalizes it")
    city = fields.CharField(max_length=32, null=True, description="resolved from the configured region tree")
    district = fields.CharField(max_length=32, null=True)
    town = fields.CharField(max_length=32, null=True)
    address = fields.CharField(max_length=255, null=True)
    latitude = fields.DecimalField(max_digits=9, decimal_places=6, null=True)
    longitude = fields.DecimalField(max_digits=9, decimal_places=6, null=True)
    area = fields.DecimalField(**MEASURE, description="building area, m²")
    land_area = fields.DecimalField(**MEASURE, null=True, description="m²")
    rent = fields.DecimalField(**MONEY, null=True, description="yuan per m² per month")
    sale_price = fields.DecimalField(**MONEY, null=True, description="yuan per m²")
    land_use = fields.CharField(max_length=32, null=True, description="土地使用性质: 工业, 仓储, M0 ...")
    property_cert = fields.BooleanField(null=True, description="独立产权证 available")
    single_storey = fields.BooleanField(null=True)
    floors = fields.SmallIntField(null=True)
    floor = fields.SmallIntField(null=True, description="which floor is offered, for multi-storey buildings")
    ceiling_height = fields.DecimalField(max_digits=6, decimal_places=2, null=True, description="m")
    floor_load = fields.DecimalField(max_digits=6, decimal_places=2, null=True, description="t/m²")
    fire_rating = fields.CharField(max_length=16, null=True, description="消防等级: 丙二类, 甲类 ...")
    power_kva = fields.DecimalField(**MEASURE, null=True)
    sewage = fields.BooleanField(null=True)
    features = fields.JSONField(default=list)
    park_facilities = fields.TextField(null=True)
    transport = fields.TextField(null=True)
    description = fields.TextField(null=True)
    internal_notes = fields.TextField(null=True, description="never shown to clients")
    landlord_name = fields.CharField(max_length=64, null=True)
    landlord_phone = EncryptedField(null=True)
    landlord_phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    status = fields.CharEnumField(ListingStatus, max_length=16, default=ListingStatus.VACANT)
    review_status = fields.CharEnumField(ReviewStatus, max_length=16, default=ReviewStatus.PENDING)
    review_note = fields.CharField(max_length=255, null=True)
    reviewed_by = fields.ForeignKeyField(
        "models.Account", related_name="reviewed_listings", null=True, on_delete=fields.SET_NULL
    )
    reviewed_by_id: int | None
    owner = fields.ForeignKeyField("models.Account", related_name="listings", null=True, on_delete=fields.SET_NULL)
    owner_id: int | None
    held_by = fields.ForeignKeyField(
        "models.Client",
        related_name="held_listings",
        null=True,
        on_delete=fields.SET_NULL,
        description="the client whose deal holds this listing (negotiating or closed)",
    )
    held_by_id: int | None
    version = fields.IntField(default=1, description="optimistic lock: every status change bumps it")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    PII_FIELDS = {"landlord_phone": ("phone", "landlord_phone_hash")}

    class Meta:
        table = "listings"
        # Matching reads candidates per status and property type (services.matching.candidates): nearest
        # the asked area from the first family, which also holds the usual filters and what the score
        # needs, so no row is read; the newest from the second.
        indexes = (
            (
                "review_status",
                "status",
                "property_type",
                "city",
                "area",
                "deal_type",
                "rent",
                "ceiling_height",
                "sale_price",
            ),
            (
                "review_status",
                "status",
                "property_type",
                "district",
                "area",
                "deal_type",
                "rent",
                "ceiling_height",
                "sale_price",
            ),
            (
                "review_status",
                "status",
                "property_type",
                "town",
                "area",
                "deal_type",
                "rent",
                "ceiling_height",
                "sale_price",
            ),
            (
                "review_status",
                "status",
                "property_type",
                "region",
                "area",
                "deal_type",
                "rent",
                "ceiling_height",
                "sale_price",
            ),
            ("review_status", "status", "property_type", "area", "deal_type", "rent", "ceiling_height", "sale_price"),
            ("review_status", "status", "property_type", "city"),
            ("review_status", "status", "property_type", "district"),
            ("review_status", "status", "property_type", "town"),
        )


class ListingStatusChange(Model):
    id = fields.IntField(primary_key=True)
    listing = fields.ForeignKeyField("models.Listing", related_name="status_changes", on_delete=fields.CASCADE)
    listing_id: int
    from_status = fields.CharEnumField(ListingStatus, max_length=16, null=True)
    to_status = fields.CharEnumField(ListingStatus, max_length=16)
    client = fields.ForeignKeyField(
        "models.Client", related_name="listing_changes", null=True, on_delete=fields.SET_NULL
    )
    client_id: int | None
    changed_by = fields.ForeignKeyField(
        "models.Account", related_name="listing_changes", null=True, on_delete=fields.SET_NULL
    )
    changed_by_id: int | None
    changed_at = fields.DatetimeField(auto_now_add=True)
    note = fields.CharField(max_length=255, null=True)

    class Meta:
        table = "listing_status_changes"


class ListingSent(Model):
    """A listing a salesperson sent to a client (``把A61发给华兴精密张总``): matching shows what was already sent."""

    id = fields.IntField(primary_key=True)
    client = fields.ForeignKeyField("models.Client", related_name="listings_sent", on_delete=fields.CASCADE)
    client_id: int
    listing = fields.ForeignKeyField("models.Listing", related_name="sends", on_delete=fields.CASCADE)
    listing_id: int
    sent_by = fields.ForeignKeyField(
        "models.Account", related_name="listings_sent", null=True, on_delete=fields.SET_NULL
    )
    contact_name = fields.CharField(max_length=64, null=True, description="the person it went to (张 of 张总)")
    sent_at = fields.DatetimeField()
    source_msg_id = fields.CharField(max_length=64, null=True, unique=True, description="WeChat MsgId that sent it")

    class Meta:
        table = "listing_sends"
        indexes = (("client_id", "listing_id"),)
