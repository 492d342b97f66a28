"""Referrers' money: commission rules, deals, what each referrer earns, the ledger and withdrawals.

Every amount is integer fen. A balance is never stored: it is the sum of the
ledger rows of one bucket (services.ledger).
"""

from tortoise import fields
from tortoise.models import Model

from models.enums import (
    Bucket,
    DealStatus,
    DealType,
    EarningKind,
    EarningStatus,
    EarningTier,
    LedgerKind,
    PayoutMethod,
    WithdrawalStatus,
)
from models.pii import EncryptedField


class CommissionRule(Model):
    """One version of the commission rules; a deal uses the version in force when it was signed."""

    id = fields.IntField(primary_key=True)
    version = fields.IntField(unique=True)
    effective_from = fields.DatetimeField(db_index=True)
    spec = fields.JSONField(
        description="levels, rates by deal type, size and level, fixed rewards; see services.commissions"
    )
    note = fields.CharField(max_length=255, null=True)
    created_by = fields.ForeignKeyField(
        "models.Account", related_name="commission_rules", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "commission_rules"


class Wallet(Model):
    """The commission account of a referrer: level, and the row every ledger movement locks.

    ``movements`` counts the ledger movements; each new one takes the next
    number, and ledger rows are unique per (account, movement, bucket), so two
    writers that slipped past the lock cannot both commit.
    """

    id = fields.IntField(primary_key=True)
    account = fields.OneToOneField("models.Account", related_name="wallet", on_delete=fields.CASCADE)
    account_id: int
    level = fields.CharField(max_length=32, null=True, description="empty: the first level of the rules")
    movements = fields.IntField(default=0)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "wallets"


class LevelChange(Model):
    id = fields.IntField(primary_key=True)
    account = fields.ForeignKeyField("models.Account", related_name="level_changes", on_delete=fields.CASCADE)
    account_id: int
    from_level = fields.CharField(max_length=32, null=True)
    to_level = fields.CharField(max_length=32)
    reason = fields.CharField(max_length=255)
    changed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "level_changes"


class Deal(Model):
    """A signed lease or sale with its amounts, and a copy of the commission rule it used."""

    id = fields.IntField(primary_key=True)
    client = fields.ForeignKeyField("models.Client", related_name="deals", on_delete=fields.CASCADE)
    client_id: int
    deal_type = fields.CharEnumField(DealType, max_length=8)
    signed_at = fields.DatetimeField()
    lease_start = fields.DateField(null=True)
    rent_free_months = fields.SmallIntField(default=0)
    lease_years = fields.DecimalField(max_digits=5, decimal_places=2, null=True)
    monthly_rent_fen = fields.BigIntField(null=True)
    sale_total_fen = fields.BigIntField(null=True)
    size_fen = fields.BigIntField(description="what tiers go by: the first-year rent, or the sale price")
    status = fields.CharEnumField(DealStatus, max_length=16, default=DealStatus.ACTIVE)
    release_at = fields.DatetimeField(description="when its commissions stop being frozen")
    rule = fields.ForeignKeyField("models.CommissionRule", related_name="deals", on_delete=fields.RESTRICT)
    rule_id: int
    rule_snapshot = fields.JSONField()
    recorded_by = fields.ForeignKeyField(
        "models.Account", related_name="recorded_deals", null=True, on_delete=fields.SET_NULL
    )
    recorded_by_id: int | None
    source_key = fields.CharField(
        max_length=64, null=True, unique=True, description="chat MsgId or a key from the caller"
    )
    ended_at = fields.DatetimeField(null=True)
    end_reason = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    earnings: fields.ReverseRelation["Earning"]

    class Meta:
        table = "deals"


class Earning(Model):
    """What one referrer earns from one event: a deal (direct or second level), a qualified lead, a viewing."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, unique=True, description="deal:<id>:<tier>, lead:<client>:<tier>, ...")
    kind = fields.CharEnumField(EarningKind, max_length=16)
    tier = fields.CharEnumField(EarningTier, max_length=8)
    account = fields.ForeignKeyField("models.Account", related_name="earnings", on_delete=fields.CASCADE)
    account_id: int
    client = fields.ForeignKeyField("models.Client", related_name="earnings", null=True, on_delete=fields.SET_NULL)
    client_id: int | None
    deal = fields.ForeignKeyField("models.Deal", related_name="earnings", null=True, on_delete=fields.CASCADE)
    deal_id: int | None
    level = fields.CharField(max_length=32)
    basis = fields.CharField(max_length=64, description="how the amount was reached, e.g. 0.5个月租金")
    amount_fen = fields.BigIntField()
    status = fields.CharEnumField(EarningStatus, max_length=16, default=EarningStatus.FROZEN)
    release_at = fields.DatetimeField(db_index=True)
    released_at = fields.DatetimeField(null=True)
    clawback_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "earnings"
        indexes = (("status", "release_at"),)


class Withdrawal(Model):
    """A request of a referrer to be paid; shown as W<id>."""

    id = fields.IntField(primary_key=True)
    account = fields.ForeignKeyField("models.Account", related_name="withdrawals", on_delete=fields.CASCADE)
    account_id: int
    amount_fen = fields.BigIntField(description="taken from the balance; the partner receives amount - fee")
    fee_fen = fields.BigIntField(default=0)
    method = fields.CharEnumField(PayoutMethod, max_length=8, default=PayoutMethod.WECHAT)
    status = fields.CharEnumField(WithdrawalStatus, max_length=16, default=WithdrawalStatus.REVIEWING)
    requested_on = fields.DateField(description="business day, for the daily limit")
    openid = fields.CharField(max_length=64, null=True, description="mini-program openid the transfer goes to")
    real_name = EncryptedField(null=True, description="required by WeChat Pay from 2,000 yuan")
    first_approver = fields.ForeignKeyField(
        "models.Account", related_name="first_approvals", null=True, on_delete=fields.SET_NULL
    )
    first_approver_id: int | None
    second_approver = fields.ForeignKeyField(
        "models.Account", related_name="second_approvals", null=True, on_delete=fields.SET_NULL
    )
    second_approver_id: int | None
    rejected_by = fields.ForeignKeyField(
        "models.Account", related_name="rejected_withdrawals", null=True, on_delete=fields.SET_NULL
    )
    rejected_by_id: int | None
    reason = fields.CharField(max_length=255, null=True, description="why rejected or failed")
    out_bill_no = fields.CharField(max_length=32, null=True, unique=True)
    transfer_bill_no = fields.CharField(max_length=64, null=True)
    transfer_state = fields.CharField(max_length=24, null=True)
    package_info = fields.TextField(null=True)
    manual_reference = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    transfer_created_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "withdrawals"
        indexes = (("account_id", "requested_on"), ("status", "transfer_created_at"))

    @property
    def code(self) -> str:
        return f"W{self.id}"


class LedgerEntry(Model):
    """One signed amount into (+) or out of (-) one bucket of the wallet of a referrer. Never updated or deleted."""

    id = fields.BigIntField(primary_key=True)
    account = fields.ForeignKeyField("models.Account", related_name="ledger", on_delete=fields.CASCADE)
    account_id: int
    movement = fields.IntField(
        description="the movement number in the wallet; the rows of one movement belong together"
    )
    kind = fields.CharEnumField(LedgerKind, max_length=16)
    bucket = fields.CharEnumField(Bucket, max_length=16)
    amount_fen = fields.BigIntField()
    earning = fields.ForeignKeyField("models.Earning", related_name="entries", null=True, on_delete=fields.RESTRICT)
    earning_id: int | None
    withdrawal = fields.ForeignKeyField(
        "models.Withdrawal", related_name="entries", null=True, on_delete=fields.RESTRICT
    )
    withdrawal_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "ledger_entries"
        unique_together = (("account", "movement", "bucket"),)
