"""The matching engine: hard filters in SQL, a weighted soft score in Python, one reason per dimension.

Shared by the chat, the mini-program and jobs. ``Criteria`` is what a client
needs (from parsed chat slots or a stored Requirement); ``search`` ranks
approved, available listings against it; ``fit`` checks one listing against
one requirement (reverse match). Prices are compared in the parser contract
units: rent in yuan/m²/month, sale price in yuan/m².
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from tortoise import Tortoise

from core.config import Settings
from models import Listing, Requirement
from models.enums import ListingStatus, PropertyType, ReviewStatus
from services import regions

AVAILABLE = (ListingStatus.VACANT, ListingStatus.VIEWING)
CANDIDATES = 200
"""Most rows fetched per search: the hard filters in SQL, nearest in area first."""

COLUMNS = (
    "id",
    "code",
    "title",
    "property_type",
    "deal_type",
    "region",
    "city",
    "district",
    "town",
    "area",
    "rent",
    "sale_price",
    "single_storey",
    "ceiling_height",
    "floor_load",
    "power_kva",
    "features",
    "status",
    "review_status",
    "owner_id",
)


@dataclass
class Criteria:
    deal_type: str | None = None
    property_type: str | None = None
    region: str | None = None
    single_storey: bool | None = None
    area_min: float | None = None
    area_max: float | None = None
    ceiling_height_min: float | None = None
    floor_load_min: float | None = None
    power_kva_min: float | None = None
    rent_max: float | None = None
    budget_month_max: float | None = None
    sale_price_max: float | None = None
    sale_total_max: float | None = None
    features: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    """Every place the client accepts (嘉善或者平湖都行); ``region`` is the first."""

    @classmethod
    def from_slots(cls, slots: dict) -> Criteria:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in slots.items() if k in names and v is not None}
        values["features"] = sorted(values.get("features") or [])
        return cls(**values)

    @classmethod
    def from_requirement(cls, req: Requirement | None, region: str | None = None) -> Criteria:
        if req is None:
            return cls(region=region)
        return cls.from_stored({f.name: getattr(req, f.name, None) for f in fields(cls)}, region)

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any], region: str | None = None) -> Criteria:
        """From a requirement's stored values (a Requirement's fields, or a row of ``Requirement.values``);
        ``region`` (the client's) stands in when the requirement names no place."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            value: Any = stored.get(f.name)
            if isinstance(value, Decimal):
                value = float(value)
            if hasattr(value, "value"):
                value = value.value
            values[f.name] = value
        values["features"] = sorted(stored.get("features") or [])
        values["region"] = stored.get("region") or region
        values["regions"] = list(stored.get("regions") or [])
        return cls(**values)

    @property
    def places(self) -> list[str]:
        """The places asked for, in the order given: ``regions`` when several, else ``region``."""
        if len(self.regions) > 1:
            return list(dict.fromkeys(self.regions))
        return [self.region] if self.region else []

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self)) and self.single_storey is None

    def as_requirement_fields(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Reason:
    """How a listing meets one asked dimension.

    ``dimension``: area, region, rent, budget_month, sale_price, sale_total, ceiling_height, floor_load, power,
    features. ``miss`` is 0 when it fits, else the relative gap (+0.12: 12% over the asked maximum).
    """

    dimension: str
    miss: float = 0.0
    features: tuple[str, ...] = ()


@dataclass
class Match:
    listing: dict
    score: float
    reasons: list[Reason]


def area_bounds(c: Criteria, tolerance: float) -> tuple[float | None, float | None]:
    low = c.area_min * (1 - tolerance) if c.area_min else None
    high = c.area_max * (1 + tolerance) if c.area_max else None
    return low, high


def _num(value) -> float | None:
    return None if value is None else float(value)


# --- soft scores: each returns (score 0..1, reason) for one dimension the requirement names ---


def _area(c: Criteria, area: float, tol: float) -> tuple[float, Reason]:
    low, high = c.area_min, c.area_max
    if (low is None or area >= low) and (high is None or area <= high):
        return 1.0, Reason("area")
    bound = low if low is not None and area < low else high
    assert bound is not None  # the area is outside [low, high], so the bound it misses exists
    miss = (area - bound) / bound
    score = max(0.0, 1 - abs(miss) / tol) if tol else 0.0
    return score, Reason("area", miss)


def _price(c: Criteria, row: dict, tol: float) -> tuple[float, Reason] | None:
    """Rent per m² per month, a monthly budget, or a sale price or total, whichever was asked."""
    area = _num(row["area"]) or 0.0
    rent, price = _num(row["rent"]), _num(row["sale_price"])
    if c.rent_max and rent is not None:
        limit, actual, dimension = c.rent_max, rent, "rent"
    elif c.budget_month_max and rent is not None and area:
        limit, actual, dimension = c.budget_month_max, rent * area, "budget_month"
    elif c.sale_price_max and price is not None:
        limit, actual, dimension = c.sale_price_max, price, "sale_price"
    elif c.sale_total_max and price is not None and area:
        limit, actual, dimension = c.sale_total_max, price * area, "sale_total"
    else:
        return None
    if actual <= limit:
        return 1.0, Reason(dimension)
    over = (actual - limit) / limit
    return max(0.0, 1 - over / tol) if tol else 0.0, Reason(dimension, over)


def _price_unknown(c: Criteria, row: dict) -> bool:
    asked_rent = c.rent_max or c.budget_month_max
    asked_sale = c.sale_price_max or c.sale_total_max
    return bool(
        (asked_rent and row["rent"] is None and not asked_sale)
        or (asked_sale and row["sale_price"] is None and not asked_rent)
    )


def score(c: Criteria, row: dict, settings: Settings, place: regions.Place | None = None) -> Match | None:
    """The weighted score of one listing row that passed the SQL filters; None if it fails the rest."""
    cfg = settings.matching
    weights = cfg.weights
    required = set(c.features or [])
    have = set(row["features"] or [])
    if not required <= have or _price_unknown(c, row):
        return None
    parts: list[tuple[str, float, Reason]] = []
    if c.area_min or c.area_max:
        parts.append(("area", *_area(c, float(row["area"]), cfg.area_tolerance)))
    if place is not None:
        parts.append(("region", 1.0, Reason("region")))
    price = _price(c, row, cfg.price_tolerance)
    if price is not None:
        if price[0] <= 0:
            return None
        parts.append(("price", *price))
    for dim, need in (
        ("ceiling_height", c.ceiling_height_min),
        ("floor_load", c.floor_load_min),
        ("power", c.power_kva_min),
    ):
        if need:
            parts.append((dim, 1.0, Reason(dim)))
    if required:
        parts.append(("features", 1.0, Reason("features", features=tuple(sorted(required)))))
    total = sum(weights.of(dim) for dim, _, _ in parts)
    value = sum(weights.of(dim) * s for dim, s, _ in parts) / total if total else 1.0
    return Match(listing=row, score=round(value, 4), reasons=[reason for _, _, reason in parts])


def _places(c: Criteria, settings: Settings) -> list[tuple[str, str]]:
    """(column, value) pairs of which a listing must match one: each asked place, resolved in the region tree
    (``town``/``district``/``city``) or, when unknown there, the listing's ``region`` as written."""
    tree = regions.tree(settings)
    pairs = []
    for name in c.places:
        place = tree.resolve(name)
        pairs.append((place.level, place.name) if place is not None else ("region", name))
    return pairs


def _in_places(row: dict, places: list[tuple[str, str]]) -> bool:
    return not places or any(row.get(column) == value for column, value in places)


def _filters(c: Criteria, settings: Settings) -> dict:
    """The hard filters but the place (``_places``: one of several)."""
    cfg = settings.matching
    q: dict[str, Any] = {"review_status": ReviewStatus.APPROVED, "status__in": list(AVAILABLE)}
    if c.deal_type:
        q["deal_type"] = c.deal_type
    if c.property_type:
        q["property_type"] = c.property_type
    if c.single_storey is not None:
        q["single_storey"] = c.single_storey
    low, high = area_bounds(c, cfg.area_tolerance)
    if low:
        q["area__gte"] = Decimal(str(round(low, 2)))
    if high:
        q["area__lte"] = Decimal(str(round(high, 2)))
    for column, need in (
        ("ceiling_height", c.ceiling_height_min),
        ("floor_load", c.floor_load_min),
        ("power_kva", c.power_kva_min),
    ):
        if need:
            q[f"{column}__gte"] = Decimal(str(need))
    tol = 1 + cfg.price_tolerance
    if c.rent_max and not (c.sale_price_max or c.sale_total_max):
        q["rent__lte"] = Decimal(str(round(c.rent_max * tol, 2)))
    if c.sale_price_max and not (c.rent_max or c.budget_month_max):
        q["sale_price__lte"] = Decimal(str(round(c.sale_price_max * tol, 2)))
    return q


async def search(c: Criteria, settings: Settings, *, limit: int = 50) -> list[Match]:
    """Approved, available listings that pass every hard filter, best first.

    Candidates are scored on what the index holds (area, rent, sale price) and, only when features are
    asked, their feature lists; whole rows are read for the ``limit`` best alone.
    """
    best = await ranked(c, settings, limit=limit)
    if not best:
        return []
    found = {row["id"]: row for row in await Listing.filter(id__in=[m.listing["id"] for m in best]).values(*COLUMNS)}
    return [Match(found[m.listing["id"]], m.score, m.reasons) for m in best if m.listing["id"] in found]


async def ranked(c: Criteria, settings: Settings, *, limit: int = 50) -> list[Match]:
    """``search``'s order without reading whole rows: each match's listing holds id, area, rent and sale price
    (and features when asked), for callers that need only the ids (the mini-program's cached cards)."""
    place = _resolved(c, settings)
    rows = await candidates(c, _filters(c, settings), _places(c, settings))
    if c.features and rows:
        features = dict(await Listing.filter(id__in=[row["id"] for row in rows]).values_list("id", "features"))
        rows = [{**row, "features": features[row["id"]]} for row in rows if row["id"] in features]
    matches = [m for row in rows if (m := score(c, row, settings, place)) is not None]
    matches.sort(key=lambda m: _rank(c, m))
    return matches[:limit]


def _area_target(c: Criteria) -> Decimal | None:
    bounds = [bound for bound in (c.area_min, c.area_max) if bound]
    return Decimal(f"{sum(bounds) / len(bounds):.2f}") if bounds else None


async def candidates(c: Criteria, filters: dict[str, Any], places: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """At most ``CANDIDATES`` listings passing ``filters`` and in one of ``places`` (``_places``), nearest the
    asked area (else newest) first: id, area, rent and sale price of each.

    One UNION ALL of small ordered scans instead of one sort of every row that passes: each branch fixes
    the status and property type (the equality prefix of an index ending in the place and the area), reads
    up to ``CANDIDATES`` index entries upwards or downwards from the asked area (or down from the newest
    id) and stops. The nearest ``CANDIDATES`` overall are among the branches' rows; ties in area distance
    go to the lower id. The area indexes also hold deal type, rent, ceiling height and sale price, so the
    usual filters are checked and the candidates scored without reading rows (a million listings do not
    fit a default buffer pool).
    """
    target = _area_target(c)
    shared = {k: v for k, v in filters.items() if k not in ("status__in", "property_type")}
    types = [filters["property_type"]] if "property_type" in filters else [t.value for t in PropertyType]
    sql_dialect = _Dialect(Tortoise.get_connection("default").capabilities.dialect)
    mark, area = sql_dialect.mark, sql_dialect.column("area")
    where, params = _where(shared, sql_dialect)
    branches: list[str] = []
    values: list[Any] = []
    directions = (("<", "DESC"), (">=", "")) if target is not None else ((None, ""),)
    for column, place in places or [("", "")]:
        for status in filters["status__in"]:
            for kind in types:
                for compare, order in directions:
                    sql = (
                        "SELECT id, area, rent, sale_price FROM listings"
                        f" WHERE status = {mark} AND property_type = {mark}{where}"
                    )
                    values += [_plain(status), kind, *params]
                    if column:
                        sql += f" AND {column} = {mark}"
                        values.append(place)
                    if compare is None:
                        sql += f" ORDER BY id DESC LIMIT {CANDIDATES}"
                    else:
                        sql += f" AND {area} {compare} {mark} ORDER BY {area} {order} LIMIT {CANDIDATES}"
                        values.append(sql_dialect.number(target))
                    branches.append(f"SELECT * FROM ({sql}) AS b{len(branches)}")
    # The database merges the branches and keeps the nearest (else newest): up to 2,400 rows stay in MariaDB
    # instead of being decoded in Python. DISTINCT: a listing in two of the places asked (a town and its
    # district) is read twice.
    if target is None:
        order = "id DESC"
    else:
        order = f"ABS({area} - {mark}), id"
        values.append(sql_dialect.number(target))
    sql = (
        f"SELECT DISTINCT id, area, rent, sale_price FROM ({' UNION ALL '.join(branches)}) AS found"
        f" ORDER BY {order} LIMIT {CANDIDATES}"
    )
    _, found = await Tortoise.get_connection("default").execute_query(sql, values)
    rows = [
        {
            "id": row["id"],
            "area": _decimal(row["area"]),
            "rent": _decimal(row["rent"]),
            "sale_price": _decimal(row["sale_price"]),
            "features": [],
        }
        for row in found
    ]
    if target is not None:  # exact decimal order (SQLite compares its text decimals as REAL)
        rows.sort(key=lambda row: (abs(row["area"] - target), row["id"]))
    return rows


def _decimal(value: Any) -> Decimal | None:
    """A DECIMAL column as read raw: Decimal from MySQL, text from SQLite."""
    return value if value is None or isinstance(value, Decimal) else Decimal(str(value))


_OPERATORS = {"": "=", "gte": ">=", "lte": "<="}
_NUMBERS = frozenset(("area", "rent", "sale_price", "ceiling_height", "floor_load", "power_kva"))


@dataclass(frozen=True)
class _Dialect:
    """Placeholders and number comparisons: SQLite keeps decimals as text, so they are compared as REAL."""

    name: str

    @property
    def mark(self) -> str:
        return "%s" if self.name == "mysql" else "?"

    def column(self, name: str) -> str:
        return f"CAST({name} AS REAL)" if self.name == "sqlite" and name in _NUMBERS else name

    def number(self, value: Any) -> Any:
        return float(value) if self.name == "sqlite" and isinstance(value, Decimal) else value


def _where(filters: dict[str, Any], sql_dialect: _Dialect) -> tuple[str, list[Any]]:
    """`` AND column op value`` for each of ``_filters``' lookups (equality, gte, lte), and the parameters."""
    parts, params = [], []
    for key, value in filters.items():
        column, _, op = key.partition("__")
        parts.append(f" AND {sql_dialect.column(column)} {_OPERATORS[op]} {sql_dialect.mark}")
        params.append(sql_dialect.number(_plain(value)))
    return "".join(parts), params


def _plain(value: Any) -> Any:
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, bool):
        return int(value)
    return value


def _resolved(c: Criteria, settings: Settings) -> regions.Place | None:
    """A place of the region tree among those asked: the region dimension is scored when one is known."""
    tree = regions.tree(settings)
    return next((place for name in c.places if (place := tree.resolve(name)) is not None), None)


def _rank(c: Criteria, m: Match) -> tuple:
    """Best score first; among equals, the area nearest the asked one, then the cheaper."""
    target = ((c.area_min or c.area_max or 0) + (c.area_max or c.area_min or 0)) / 2
    gap = abs(float(m.listing["area"]) - target) / target if target else 0.0
    price = _num(m.listing["rent"]) or _num(m.listing["sale_price"]) or 0.0
    return -m.score, round(gap, 2), price, m.listing["id"]


def fit(c: Criteria, listing: Listing, settings: Settings) -> Match | None:
    """One listing against one requirement: the same hard filters as ``search``, in Python."""
    place = _resolved(c, settings)
    row = {name: getattr(listing, name) for name in COLUMNS if name != "owner_id"}
    row["owner_id"] = getattr(listing, "owner_id", None)
    for name in ("property_type", "deal_type", "status", "review_status"):
        if hasattr(row[name], "value"):
            row[name] = row[name].value
    if not _in_places(row, _places(c, settings)):
        return None
    for key, want in _filters(c, settings).items():
        column, _, op = key.partition("__")
        have = row.get(column)
        want = (
            [w.value if hasattr(w, "value") else w for w in want]
            if isinstance(want, list)
            else (want.value if hasattr(want, "value") else want)
        )
        if op == "" and have != want:
            return None
        if op == "in" and have not in want:
            return None
        if op in ("gte", "lte") and (have is None or (have < want if op == "gte" else have > want)):
            return None
    return score(c, row, settings, place)
