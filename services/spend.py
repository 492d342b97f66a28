"""Channel spend (what each acquisition channel cost), entered one by one or imported from CSV; admins only.

The CSV has a header and the columns 日期 (2026-11-05 or 2026/11/05), 渠道 (douyin or 抖音/抖音推广 ...),
金额 (yuan, up to 2 decimals) and an optional 备注; English headers (date, channel, amount_yuan, note) work too.
An import is all or nothing: any bad line and nothing is stored, every bad line is named. A line identical to
a stored one (same day, channel, amount, note) is skipped, so importing the same file twice counts once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from tortoise.transactions import in_transaction

from models import Account, ChannelSpend
from models.enums import Role, Source
from services import audit
from services.errors import AdminsOnly, AppError, InvalidRequest, SpendNotFound

MAX_LINES = 5000
MAX_FEN = 10**12
NAMES = {
    **{s.value: s for s in Source},
    "抖音": Source.DOUYIN,
    "抖音推广": Source.DOUYIN,
    "老客户介绍": Source.REFERRAL,
    "转介绍": Source.REFERRAL,
    "线下拜访": Source.VISIT,
    "公众号": Source.OFFICIAL_ACCOUNT,
    "公众号引流": Source.OFFICIAL_ACCOUNT,
    "视频号": Source.CHANNELS,
    "视频号推广": Source.CHANNELS,
    "朋友圈": Source.MOMENTS_AD,
    "朋友圈广告": Source.MOMENTS_AD,
    "小程序": Source.MINIAPP,
    "其他": Source.OTHER,
    "其他渠道": Source.OTHER,
}
HEADERS = {
    "日期": "date",
    "date": "date",
    "渠道": "channel",
    "channel": "channel",
    "金额": "amount",
    "金额(元)": "amount",
    "金额（元）": "amount",
    "amount": "amount",
    "amount_yuan": "amount",
    "备注": "note",
    "note": "note",
}


@dataclass(frozen=True)
class Line:
    spent_on: date
    channel: Source
    amount_fen: int
    note: str | None


def _ensure_admin(actor: Account) -> None:
    if actor.role != Role.ADMIN or not actor.active:
        raise AdminsOnly("enter_channel_spend")


def parse_channel(text: str) -> Source:
    found = NAMES.get(text.strip().lower()) or NAMES.get(text.strip())
    if found is None:
        raise InvalidRequest(f"unknown channel {text.strip()[:24]!r}", {"channel": "unknown"})
    return found


def parse_day(text: str) -> date:
    try:
        return datetime.strptime(text.strip().replace("/", "-"), "%Y-%m-%d").date()
    except ValueError:
        raise InvalidRequest("a date is written 2026-11-05", {"date": "invalid"}) from None


def parse_fen(text: str) -> int:
    try:
        yuan = Decimal(text.strip().replace(",", "").replace("，", "").removeprefix("¥").removeprefix("￥"))
    except InvalidOperation:
        raise InvalidRequest("an amount is yuan, e.g. 3000 or 2999.50", {"amount": "invalid"}) from None
    if not yuan.is_finite() or yuan <= 0 or yuan != yuan.quantize(Decimal("0.01")) or yuan * 100 > MAX_FEN:
        raise InvalidRequest("an amount is more than 0 with at most 2 decimals", {"amount": "invalid"})
    return int(yuan * 100)


def line_of(*, spent_on: str, channel: str, amount: str, note: str | None) -> Line:
    return Line(parse_day(spent_on), parse_channel(channel), parse_fen(amount), (note or "").strip()[:128] or None)


async def record(actor: Account, line: Line) -> ChannelSpend:
    _ensure_admin(actor)
    async with in_transaction():
        row = await ChannelSpend.create(
            channel=line.channel, spent_on=line.spent_on, amount_fen=line.amount_fen, note=line.note, created_by=actor
        )
        await audit.record(actor, "channel_spend.create", "channel_spend", row.id, after=_plain(row))
    return row


async def delete(actor: Account, spend_id: int) -> None:
    _ensure_admin(actor)
    async with in_transaction():
        row = await ChannelSpend.get_or_none(id=spend_id)
        if row is None:
            raise SpendNotFound()
        await audit.record(actor, "channel_spend.delete", "channel_spend", row.id, before=_plain(row))
        await row.delete()


async def list_spend(actor: Account, *, since: date, until: date) -> list[ChannelSpend]:
    _ensure_admin(actor)
    return await ChannelSpend.filter(spent_on__gte=since, spent_on__lte=until).order_by("-spent_on", "-id")


@dataclass(frozen=True)
class Imported:
    created: int
    skipped: int


def parse_csv(text: str) -> list[Line]:
    """Every line of the file, or AppError naming each bad line (``fields``: line number -> problem)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InvalidRequest("the file is empty", {"file": "empty"})
    columns = [HEADERS.get(cell.strip().lower()) or HEADERS.get(cell.strip()) for cell in rows[0]]
    if not {"date", "channel", "amount"} <= set(columns):
        raise InvalidRequest("the first line must name the columns 日期,渠道,金额,备注", {"file": "header"})
    if len(rows) - 1 > MAX_LINES:
        raise InvalidRequest(f"at most {MAX_LINES} lines per file", {"file": "too long"})
    lines, problems = [], {}
    for number, row in enumerate(rows[1:], start=2):
        cells = {name: row[i] if i < len(row) else "" for i, name in enumerate(columns) if name}
        try:
            lines.append(
                line_of(
                    spent_on=cells["date"], channel=cells["channel"], amount=cells["amount"], note=cells.get("note")
                )
            )
        except AppError as exc:
            problems[f"line {number}"] = exc.message
    if problems:
        raise InvalidRequest(f"{len(problems)} bad line(s); nothing was imported", problems)
    return lines


async def import_csv(actor: Account, text: str) -> Imported:
    _ensure_admin(actor)
    lines = parse_csv(text)
    created = skipped = 0
    async with in_transaction():
        for line in lines:
            if await ChannelSpend.filter(
                spent_on=line.spent_on, channel=line.channel, amount_fen=line.amount_fen, note=line.note
            ).exists():
                skipped += 1
                continue
            await ChannelSpend.create(
                channel=line.channel,
                spent_on=line.spent_on,
                amount_fen=line.amount_fen,
                note=line.note,
                created_by=actor,
            )
            created += 1
        await audit.record(
            actor, "channel_spend.import", "channel_spend", None, after={"created": created, "skipped": skipped}
        )
    return Imported(created, skipped)


def _plain(row: ChannelSpend) -> dict:
    return {"channel": row.channel, "spent_on": row.spent_on, "amount_fen": row.amount_fen, "note": row.note}
