"""Commission rules, deals and what referrers earn from them; levels; the release and clawback of earnings.

Rules are versioned rows (``CommissionRule``): the version in force when a
deal is signed applies, and the deal keeps a copy (``rule_snapshot``). A rule's
``spec``::

    levels:   [{code, name, min_deals, min_amount_yuan}, ...]    lowest first
    rent:     [{min_yuan, direct: {level: rate}, second: {level: rate}}, ...]   tiers by first-year rent
    sale:     [{min_yuan, direct: {...}, second: {...}}, ...]                  tiers by sale price
    rewards:  {qualified_lead: {direct: {level: yuan}, second: {...}}, viewing: {...}}   推荐有礼

A rate is ``{months: "0.5"}`` (of the monthly rent, leases only),
``{percent: "2"}`` (of the first year's rent or the sale price) or
``{fixed_yuan: "3000"}``; a level missing from a tier pays that tier's first
level's rate. The direct referrer earns ``direct``; the partner who recruited
them (whose code brought them in) earns ``second``.

An earning is frozen until the lease has started, any rent-free months have
passed and ``commission.release_after_days`` more; rewards for leads and
viewings after ``reward_release_days``. The worker releases due earnings
(``release_due``) exactly once each and tells the referrer. A deal that falls
through before release is reversed; a tenant who leaves early within
``clawback_days`` of the release takes the released amount back off the
balance (which may then go below zero until new earnings cover it).
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from arq.cron import CronJob, cron
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from core.config import Settings
from models import Account, Client, CommissionRule, Deal, Earning, LevelChange, Wallet, WechatUser
from models.enums import Bucket, DealStatus, DealType, EarningKind, EarningStatus, EarningTier, LedgerKind, Role, Stage
from services import audit, ledger, notify, permissions
from services.errors import (
    AdminsOnly,
    ChangedMeanwhile,
    DealAmountMissing,
    DealEnded,
    DealExists,
    DealNotFound,
    InvalidAmount,
    InvalidDealTerm,
    InvalidRule,
)
from services.notify import Notice

log = logging.getLogger(__name__)

RELEASE_BATCH = 200
TIER_LABELS = {EarningTier.DIRECT: "直接推荐", EarningTier.SECOND: "二级推荐"}
KIND_LABELS = {
    EarningKind.DEAL: "成交佣金",
    EarningKind.QUALIFIED_LEAD: "推荐有礼（有效线索）",
    EarningKind.VIEWING: "推荐有礼（带看）",
}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def yuan(fen: int) -> str:
    """``123456`` -> ``1,234.56``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def plain_yuan(fen: int) -> str:
    """``123456`` -> ``1234.56``: for APIs."""
    return yuan(fen).replace(",", "")


def to_fen(amount: Decimal | str | int, *, what: str = "amount") -> int:
    """Yuan (a Decimal or its text) as integer fen; more than two decimals or not a number is refused."""
    try:
        value = Decimal(str(amount).strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidAmount(what) from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise InvalidAmount(what)
    return int(value * 100)


def _fen_of(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _decimal(value, where: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidRule(f"commission rule: {where} must be a number, got {value!r}") from None
    if not number.is_finite() or number < 0:
        raise InvalidRule(f"commission rule: {where} must be a number ≥ 0, got {value!r}")
    return number


# ---- rules ----------------------------------------------------------------------------------------


def validate_spec(spec: dict) -> dict:
    """The spec if it is complete and every number is valid; otherwise InvalidRule naming the place."""
    if not isinstance(spec, dict):
        raise InvalidRule("commission rule must be a mapping")
    levels = spec.get("levels")
    if not isinstance(levels, list) or not levels or not all(isinstance(lv, dict) and lv.get("code") for lv in levels):
        raise InvalidRule("commission rule: levels must list at least one {code, name, ...}")
    codes = [str(lv["code"]) for lv in levels]
    if len(set(codes)) != len(codes):
        raise InvalidRule("commission rule: level codes must be unique")
    for lv in levels:
        _decimal(lv.get("min_deals", 0), f"levels.{lv['code']}.min_deals")
        _decimal(lv.get("min_amount_yuan", 0), f"levels.{lv['code']}.min_amount_yuan")
    for deal_type in DealType:
        tiers = spec.get(deal_type.value, [])
        if not isinstance(tiers, list):
            raise InvalidRule(f"commission rule: {deal_type.value} must be a list of tiers")
        for n, tier in enumerate(tiers):
            where = f"{deal_type.value}[{n}]"
            _decimal(tier.get("min_yuan", 0), f"{where}.min_yuan")
            for name in ("direct", "second"):
                for level, rate in (tier.get(name) or {}).items():
                    _check_rate(rate, deal_type, f"{where}.{name}.{level}")
    for kind, by_tier in (spec.get("rewards") or {}).items():
        if kind not in (EarningKind.QUALIFIED_LEAD.value, EarningKind.VIEWING.value):
            raise InvalidRule(f"commission rule: unknown reward {kind!r}")
        for name in ("direct", "second"):
            for level, amount in ((by_tier or {}).get(name) or {}).items():
                _decimal(amount, f"rewards.{kind}.{name}.{level}")
    return spec


def _check_rate(rate, deal_type: DealType, where: str) -> None:
    if not isinstance(rate, dict) or len(rate) != 1 or next(iter(rate)) not in ("months", "percent", "fixed_yuan"):
        raise InvalidRule(f"commission rule: {where} must be one of months, percent, fixed_yuan")
    if "months" in rate and deal_type == DealType.SALE:
        raise InvalidRule(f"commission rule: {where}: a sale has no months of rent")
    _decimal(next(iter(rate.values())), where)


async def create_rule(
    *, actor: Account | None, spec: dict, effective_from: datetime, note: str | None = None
) -> CommissionRule:
    """A new version of the rules, in force from ``effective_from`` (admins only)."""
    if actor is not None and actor.role != Role.ADMIN:
        raise AdminsOnly("edit_commission_rules")
    validate_spec(spec)
    for _ in range(3):
        latest = await CommissionRule.all().order_by("-version").first()
        try:
            async with in_transaction():
                rule = await CommissionRule.create(
                    version=(latest.version if latest else 0) + 1,
                    spec=spec,
                    effective_from=effective_from,
                    note=note,
                    created_by=actor,
                )
                await audit.record(
                    actor,
                    "commission_rule.create",
                    "commission_rule",
                    rule.id,
                    after={"version": rule.version, "effective_from": effective_from, "spec": spec},
                )
            return rule
        except IntegrityError:  # another version was added meanwhile
            continue
    raise ChangedMeanwhile("commission_rule")


async def rule_in_force(settings: Settings, at: datetime) -> CommissionRule:
    """The newest version effective at ``at``; the first time, config's ``commission.default_rule`` becomes v1."""
    rule = await CommissionRule.filter(effective_from__lte=at).order_by("-effective_from", "-version").first()
    if rule is not None:
        return rule
    earliest = await CommissionRule.all().order_by("effective_from", "version").first()
    if earliest is not None:  # every version starts later than ``at``: the first one applies
        return earliest
    try:
        return await CommissionRule.create(
            version=1,
            spec=validate_spec(dict(settings.commission.default_rule)),
            effective_from=datetime(2000, 1, 1, tzinfo=timezone.utc),
            note="config.yaml commission.default_rule",
        )
    except IntegrityError:
        return await CommissionRule.get(version=1)


def _levels(spec: dict) -> list[dict]:
    return spec["levels"]


def level_name(spec: dict, code: str | None) -> str:
    for lv in _levels(spec):
        if lv["code"] == code:
            return str(lv.get("name") or code or "")
    return str(_levels(spec)[0].get("name") or _levels(spec)[0]["code"])


def _level_of(spec: dict, wallet: Wallet) -> str:
    codes = [str(lv["code"]) for lv in _levels(spec)]
    return wallet.level if wallet.level and wallet.level in codes else codes[0]


def _rate(spec: dict, deal_type: DealType, size_fen: int, tier: EarningTier, level: str) -> dict | None:
    tiers = sorted(spec.get(deal_type.value) or [], key=lambda t: Decimal(str(t.get("min_yuan", 0))))
    chosen = None
    for candidate in tiers:
        if _fen_of(Decimal(str(candidate.get("min_yuan", 0))) * 100) <= size_fen:
            chosen = candidate
    if chosen is None:
        return None
    rates = chosen.get(tier.value) or {}
    return rates.get(level) or rates.get(_levels(spec)[0]["code"])


def _apply(rate: dict, terms: DealTerms) -> tuple[int, str]:
    """(amount in fen, basis text) of one rate on a deal."""
    kind, value = next(iter(rate.items()))
    value = Decimal(str(value))
    if kind == "months":
        return _fen_of(Decimal(terms.monthly_rent_fen or 0) * value), f"{value.normalize():f}个月租金"
    if kind == "percent":
        base = "首年租金" if terms.deal_type == DealType.RENT else "成交价"
        return _fen_of(Decimal(terms.size_fen) * value / 100), f"{base}的{value.normalize():f}%"
    return _fen_of(value * 100), f"固定{value.normalize():f}元"


# ---- deals ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DealTerms:
    """What a deal's commission depends on, in fen; a lease gives its monthly or annual rent (or both)."""

    deal_type: DealType
    monthly_rent_fen: int | None = None
    annual_rent_fen: int | None = None
    sale_total_fen: int | None = None
    rent_free_months: int = 0
    lease_years: Decimal | None = None
    lease_start: date | None = None

    def __post_init__(self) -> None:
        if self.deal_type == DealType.RENT:
            if self.monthly_rent_fen is None and self.annual_rent_fen:
                object.__setattr__(self, "monthly_rent_fen", _fen_of(Decimal(self.annual_rent_fen) / 12))
            if not (self.monthly_rent_fen and self.monthly_rent_fen > 0):
                raise DealAmountMissing("rent")
        if self.deal_type == DealType.SALE and not (self.sale_total_fen and self.sale_total_fen > 0):
            raise DealAmountMissing("sale")
        if not 0 <= self.rent_free_months <= 24:
            raise InvalidDealTerm("rent_free_months")
        if self.lease_years is not None and not Decimal(0) < self.lease_years <= 70:
            raise InvalidDealTerm("lease_years")

    @property
    def size_fen(self) -> int:
        """What tiers go by: the first year's rent, or the sale price."""
        if self.deal_type == DealType.SALE:
            return self.sale_total_fen or 0
        return self.annual_rent_fen or (self.monthly_rent_fen or 0) * 12

    def describe(self) -> str:
        if self.deal_type == DealType.SALE:
            return f"出售，成交价{yuan(self.size_fen)}元"
        parts = [f"租赁，年租金{yuan(self.size_fen)}元（月{yuan(self.monthly_rent_fen or 0)}元）"]
        if self.rent_free_months:
            parts.append(f"免租{self.rent_free_months}个月")
        if self.lease_years:
            parts.append(f"租期{self.lease_years.normalize():f}年")
        if self.lease_start:
            parts.append(f"{self.lease_start:%Y-%m-%d}起租")
        return "，".join(parts)


@dataclass(frozen=True)
class Share:
    account: Account
    tier: EarningTier
    level: str
    level_name: str
    basis: str
    amount_fen: int


@dataclass(frozen=True)
class Preview:
    """What recording a deal will create, for the salesperson to confirm."""

    client: Client
    terms: DealTerms
    rule: CommissionRule
    signed_at: datetime
    release_at: datetime
    shares: list[Share] = field(default_factory=list)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _local_midnight(settings: Settings, day: date) -> datetime:
    return datetime.combine(day, time.min, ZoneInfo(settings.timezone)).astimezone(timezone.utc)


def release_time(settings: Settings, terms: DealTerms, signed_at: datetime) -> datetime:
    """The lease start (else the signing day) + rent-free months + ``release_after_days``, at local midnight."""
    if terms.deal_type == DealType.SALE:
        start = signed_at.astimezone(ZoneInfo(settings.timezone)).date()
    else:
        start = terms.lease_start or signed_at.astimezone(ZoneInfo(settings.timezone)).date()
        start = add_months(start, terms.rent_free_months)
    return _local_midnight(settings, start) + timedelta(days=settings.commission.release_after_days)


async def _earners(settings: Settings, client: Client) -> list[tuple[Account, EarningTier]]:
    """The client's referrer and the partner who recruited them, each if their role earns through this system."""
    roles = set(settings.commission.earner_roles)
    if not client.referrer_id:
        return []
    direct = await Account.get_or_none(id=client.referrer_id, active=True)
    if direct is None or direct.role.value not in roles:
        return []
    found = [(direct, EarningTier.DIRECT)]
    recruited = await WechatUser.filter(account_id=direct.id).first()
    if recruited is not None and recruited.referrer_id and recruited.referrer_id != direct.id:
        recruiter = await Account.get_or_none(id=recruited.referrer_id, active=True)
        if recruiter is not None and recruiter.role.value in roles:
            found.append((recruiter, EarningTier.SECOND))
    return found


async def preview(
    *, actor: Account, client: Client, terms: DealTerms, settings: Settings, signed_at: datetime | None = None
) -> Preview:
    """The commissions a deal on these terms will create, without recording anything."""
    await permissions.ensure_can_change(actor, client)
    signed_at = signed_at or _now()
    rule = await rule_in_force(settings, signed_at)
    shares = []
    for account, tier in await _earners(settings, client):
        level = _level_of(rule.spec, await ledger.wallet_of(account.id))
        rate = _rate(rule.spec, terms.deal_type, terms.size_fen, tier, level)
        if rate is None:
            continue
        amount, basis = _apply(rate, terms)
        if amount > 0:
            shares.append(Share(account, tier, level, level_name(rule.spec, level), basis, amount))
    return Preview(client, terms, rule, signed_at, release_time(settings, terms, signed_at), shares)


async def record_deal(
    *,
    actor: Account,
    client: Client,
    terms: DealTerms,
    settings: Settings,
    signed_at: datetime | None = None,
    source_key: str | None = None,
) -> Deal:
    """Record a signed deal: the client becomes won, each referrer's commission is earned and frozen.

    ``source_key`` (a chat MsgId, the back office's request id) makes a repeat return the same deal.
    A client has one active deal; cancel it first to record another.
    """
    if source_key and (existing := await Deal.get_or_none(source_key=source_key)) is not None:
        return existing
    plan = await preview(actor=actor, client=client, terms=terms, settings=settings, signed_at=signed_at)
    from services import clients  # clients calls back into this module on a stage change

    clawback_days = settings.commission.clawback_days
    try:
        async with in_transaction():
            await Client.filter(id=client.id).select_for_update().first()  # one deal at a time per client
            if await Deal.filter(client_id=client.id, status=DealStatus.ACTIVE).exists():
                raise DealExists(client)
            if client.stage != Stage.WON:
                await clients.set_stage(actor=actor, client=client, stage=Stage.WON, settings=settings, note="录入成交")
            deal = await Deal.create(
                client=client,
                deal_type=terms.deal_type,
                signed_at=plan.signed_at,
                lease_start=terms.lease_start,
                rent_free_months=terms.rent_free_months,
                lease_years=terms.lease_years,
                monthly_rent_fen=terms.monthly_rent_fen,
                sale_total_fen=terms.sale_total_fen,
                size_fen=terms.size_fen,
                release_at=plan.release_at,
                rule=plan.rule,
                rule_snapshot={"version": plan.rule.version, "spec": plan.rule.spec},
                recorded_by=actor,
                source_key=source_key,
            )
            for share in sorted(plan.shares, key=lambda s: s.account.id):  # one lock order: no deadlocks
                await _earn(
                    key=f"deal:{deal.id}:{share.tier.value}",
                    kind=EarningKind.DEAL,
                    tier=share.tier,
                    account_id=share.account.id,
                    client_id=client.id,
                    deal=deal,
                    level=share.level,
                    basis=share.basis,
                    amount_fen=share.amount_fen,
                    release_at=plan.release_at,
                    clawback_until=plan.release_at + timedelta(days=clawback_days),
                )
                await notify.queue(
                    Notice.COMMISSION_EARNED,
                    share.account.id,
                    dedupe_key=f"deal:{deal.id}:{share.tier.value}:earned",
                    client=client,
                    facts={"amount_fen": share.amount_fen},
                )
            await audit.record(
                actor,
                "deal.create",
                "deal",
                deal.id,
                after={
                    "client": client.id,
                    "terms": terms.__dict__,
                    "rule": plan.rule.version,
                    "shares": [(s.account.id, s.tier, s.amount_fen) for s in plan.shares],
                },
            )
    except IntegrityError:
        if source_key and (existing := await Deal.get_or_none(source_key=source_key)) is not None:
            return existing
        raise
    for share in plan.shares:
        if share.tier == EarningTier.DIRECT:
            await update_level(share.account.id, settings=settings, now=plan.signed_at)
    return deal


async def _earn(
    *,
    key: str,
    kind: EarningKind,
    tier: EarningTier,
    account_id: int,
    client_id: int | None,
    level: str,
    basis: str,
    amount_fen: int,
    release_at: datetime,
    deal: Deal | None = None,
    clawback_until: datetime | None = None,
) -> Earning | None:
    """Create the earning ``key`` and put its amount into ``frozen``; None if it exists already."""
    async with ledger.movement(account_id) as move:
        if await Earning.exists(key=key):
            return None
        earning = await Earning.create(
            key=key,
            kind=kind,
            tier=tier,
            account_id=account_id,
            client_id=client_id,
            deal=deal,
            level=level,
            basis=basis[:64],
            amount_fen=amount_fen,
            release_at=release_at,
            clawback_until=clawback_until,
        )
        await move.post(LedgerKind.EARNED, {Bucket.FROZEN: amount_fen}, earning=earning)
    return earning


async def get_deal(deal_id: int) -> Deal:
    deal = await Deal.get_or_none(id=deal_id).select_related("client")
    if deal is None:
        raise DealNotFound()
    return deal


async def end_deal(*, actor: Account, deal: Deal, reason: str, settings: Settings, now: datetime | None = None) -> Deal:
    """The deal fell through (before release: its frozen commissions are reversed, and the client is no longer
    won: ``clients.reopen``) or the tenant left early (released commissions still within their clawback window
    are taken back)."""
    from services import clients  # clients calls back into this module on a stage change

    now = now or _now()
    client = await Client.get(id=deal.client_id)
    await permissions.ensure_can_change(actor, client)
    if deal.status != DealStatus.ACTIVE:
        raise DealEnded()
    async with in_transaction():
        earnings = await Earning.filter(deal_id=deal.id).order_by("account_id")
        released = any(e.status == EarningStatus.RELEASED for e in earnings)
        status = DealStatus.TERMINATED if released else DealStatus.CANCELLED
        if not await Deal.filter(id=deal.id, status=DealStatus.ACTIVE).update(
            status=status, ended_at=now, end_reason=reason[:255]
        ):
            raise DealEnded()
        for earning in earnings:
            await take_back(earning.id, now=now, reason=reason)
        if status == DealStatus.CANCELLED:
            await clients.reopen(actor=actor, client=client, settings=settings, reason=reason)
        await audit.record(
            actor,
            "deal.end",
            "deal",
            deal.id,
            before={"status": deal.status},
            after={"status": status, "reason": reason},
        )
    deal.status, deal.ended_at, deal.end_reason = status, now, reason
    return deal


async def take_back(earning_id: int, *, now: datetime, reason: str) -> bool:
    """Reverse a frozen earning, or claw back a released one within its window; False when neither applies."""
    earning = await Earning.get(id=earning_id)
    async with ledger.movement(earning.account_id) as move:
        earning = await Earning.get(id=earning_id)
        if earning.status == EarningStatus.FROZEN:
            status, bucket = EarningStatus.REVERSED, Bucket.FROZEN
        elif earning.status == EarningStatus.RELEASED and earning.clawback_until and earning.clawback_until > now:
            status, bucket = EarningStatus.CLAWED_BACK, Bucket.AVAILABLE
        else:
            return False
        await Earning.filter(id=earning.id, status=earning.status).update(status=status)
        await move.post(LedgerKind.REVERSED, {bucket: -earning.amount_fen}, earning=earning)
        await notify.queue(
            Notice.COMMISSION_REVERSED if status == EarningStatus.REVERSED else Notice.COMMISSION_CLAWED_BACK,
            earning.account_id,
            dedupe_key=f"earning:{earning.id}:{status.value}",
            facts={"amount_fen": earning.amount_fen, "reason": reason},
        )
    return True


# ---- rewards (推荐有礼) -----------------------------------------------------------------------------


async def reward(
    kind: EarningKind, client: Client, *, settings: Settings, now: datetime | None = None
) -> list[Earning]:
    """The fixed reward for a referred client's qualified lead or viewing, once per client and tier."""
    now = now or _now()
    rule = await rule_in_force(settings, now)
    by_tier = (rule.spec.get("rewards") or {}).get(kind.value) or {}
    release_at = now + timedelta(days=settings.commission.reward_release_days)
    made = []
    for account, tier in await _earners(settings, client):
        level = _level_of(rule.spec, await ledger.wallet_of(account.id))
        amounts = by_tier.get(tier.value) or {}
        amount = amounts.get(level, amounts.get(_levels(rule.spec)[0]["code"]))
        if amount is None:
            continue
        earning = await _earn(
            key=f"{kind.value}:{client.id}:{tier.value}",
            kind=kind,
            tier=tier,
            account_id=account.id,
            client_id=client.id,
            level=level,
            basis=f"固定{Decimal(str(amount)).normalize():f}元",
            amount_fen=_fen_of(Decimal(str(amount)) * 100),
            release_at=release_at,
        )
        if earning is not None:
            made.append(earning)
    return made


# ---- levels ---------------------------------------------------------------------------------------


async def update_level(account_id: int, *, settings: Settings, now: datetime | None = None) -> str:
    """Set the account's level from its direct deals in the rolling window; a change is logged."""
    now = now or _now()
    spec = (await rule_in_force(settings, now)).spec
    window = settings.commission.level_window_days
    since = now - timedelta(days=window)
    rows = await Earning.filter(
        account_id=account_id,
        kind=EarningKind.DEAL,
        tier=EarningTier.DIRECT,
        deal__status__not=DealStatus.CANCELLED,
        deal__signed_at__gte=since,
    ).values("deal__size_fen")
    deals, amount = len(rows), sum(int(row["deal__size_fen"]) for row in rows)
    level = _levels(spec)[0]["code"]
    for lv in _levels(spec)[1:]:
        by_deals = lv.get("min_deals") and deals >= Decimal(str(lv["min_deals"]))
        by_amount = lv.get("min_amount_yuan") and amount >= _fen_of(Decimal(str(lv["min_amount_yuan"])) * 100)
        if by_deals or by_amount:
            level = lv["code"]
    wallet = await ledger.wallet_of(account_id)
    before = _level_of(spec, wallet)
    if level != before or wallet.level is None:
        async with in_transaction():
            if await Wallet.filter(id=wallet.id, level=wallet.level).update(level=level) and level != before:
                await LevelChange.create(
                    account_id=account_id,
                    from_level=before,
                    to_level=level,
                    reason=f"近{window:g}天成交{deals}笔、金额{yuan(amount)}元",
                )
                await notify.queue(
                    Notice.LEVEL_CHANGED,
                    account_id,
                    dedupe_key=f"level:{account_id}:{now.isoformat()}",
                    facts={"before": level_name(spec, before), "after": level_name(spec, level)},
                )
    return level


# ---- release --------------------------------------------------------------------------------------


async def release(earning_id: int, *, now: datetime) -> bool:
    """Move one due earning from frozen to available and tell the referrer; False if it was not frozen."""
    earning = await Earning.get(id=earning_id)
    async with ledger.movement(earning.account_id) as move:
        if not await Earning.filter(id=earning_id, status=EarningStatus.FROZEN).update(
            status=EarningStatus.RELEASED, released_at=now
        ):
            return False
        await move.post(
            LedgerKind.RELEASED,
            {Bucket.FROZEN: -earning.amount_fen, Bucket.AVAILABLE: earning.amount_fen},
            earning=earning,
        )
        await notify.queue(
            Notice.COMMISSION_RELEASED,
            earning.account_id,
            dedupe_key=f"earning:{earning.id}:released",
            facts={"amount_fen": earning.amount_fen},
        )
    return True


async def release_due(*, now: datetime | None = None) -> int:
    """Release every frozen earning whose time has come; the number released."""
    now = now or _now()
    released = 0
    while True:
        # A cancelled deal's earnings are no longer frozen: end_deal reversed them.
        due = (
            await Earning.filter(status=EarningStatus.FROZEN, release_at__lte=now)
            .order_by("release_at", "id")
            .limit(RELEASE_BATCH)
            .values("id")
        )
        batch = [await release(row["id"], now=now) for row in due]
        released += sum(batch)
        if len(due) < RELEASE_BATCH or not any(batch):
            return released


async def commissions_tick(ctx: dict) -> dict[str, int]:
    """The worker's periodic job: release due earnings (exactly once each, whichever worker runs it)."""
    return {"released": await release_due()}


def cron_jobs(settings: Settings) -> list[CronJob]:
    """``commissions_tick`` every minute."""
    return [cron(commissions_tick, second={7}, keep_result=60, timeout=600)]


# ---- views ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """What a referrer sees of their commissions: balances, level, recent rows and referrals."""

    balance: ledger.Balance
    level: str
    level_name: str
    entries: list
    referred_clients: int
    deals: int


async def overview(account: Account | None, *, settings: Settings, limit: int = 20, offset: int = 0) -> Overview:
    """``account`` None (a mini-program user who never referred anyone): all zero, the first level."""
    spec = (await rule_in_force(settings, _now())).spec
    wallet = await Wallet.get_or_none(account_id=account.id) if account else None
    level = wallet.level if wallet and wallet.level else _levels(spec)[0]["code"]
    if account is None:
        return Overview(ledger.Balance(), level, level_name(spec, level), [], 0, 0)
    return Overview(
        balance=await ledger.balances(account.id),
        level=level,
        level_name=level_name(spec, level),
        entries=await ledger.entries(account.id, limit=limit, offset=offset),
        referred_clients=await Client.live().filter(referrer_id=account.id).count(),
        deals=await Earning.filter(
            account_id=account.id, kind=EarningKind.DEAL, tier=EarningTier.DIRECT, status__not=EarningStatus.REVERSED
        ).count(),
    )


ENTRY_LABELS = {
    "earned": "入账（冻结）",
    "released": "解冻",
    "reversed": "撤销",
    "reserved": "提现申请",
    "returned": "提现退回",
    "withdrawn": "提现到账",
    "fee": "手续费",
}


def describe_entry(entry) -> str:
    """One ledger row in a line: what happened and the deal (client) or withdrawal behind it."""
    if entry.earning_id and entry.earning:
        client = entry.earning.client.display_name if entry.earning.client else ""
        return f"{KIND_LABELS[entry.earning.kind]} {client}".strip()
    if entry.withdrawal_id:
        return f"提现W{entry.withdrawal_id}"
    return ""
