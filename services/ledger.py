"""The referrers' ledger: append-only rows in integer fen; every balance is the sum of its bucket's rows.

A movement is the rows one event writes (a release takes an amount out of
``frozen`` and puts it into ``available``); the rows of a movement that only
moves money between buckets add up to zero. ``movement`` is the only writer:
it locks the referrer's wallet row (SELECT ... FOR UPDATE on MySQL; SQLite runs
one transaction at a time), reads the balances under that lock so the caller
can check them, and numbers the movement. Rows are unique per (account,
movement, bucket), so two writers could never both commit the same number even
without the lock.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from models import Earning, LedgerEntry, Wallet, Withdrawal
from models.enums import Bucket, LedgerKind
from services.errors import ChangedMeanwhile


@dataclass(frozen=True)
class Balance:
    frozen: int = 0
    available: int = 0
    withdrawing: int = 0
    withdrawn: int = 0
    fees: int = 0

    @property
    def total(self) -> int:
        """Everything earned and not reversed, wherever it sits now."""
        return self.frozen + self.available + self.withdrawing + self.withdrawn + self.fees


async def balances(account_id: int) -> Balance:
    rows = (
        await LedgerEntry.filter(account_id=account_id)
        .annotate(total=Sum("amount_fen"))
        .group_by("bucket")
        .values_list("bucket", "total")
    )
    return Balance(**{Bucket(bucket).value: int(total or 0) for bucket, total in rows})


async def wallet_of(account_id: int) -> Wallet:
    """The account's wallet, created on first use (level empty = the rules' first level)."""
    wallet = await Wallet.get_or_none(account_id=account_id)
    if wallet is None:
        try:
            wallet = await Wallet.create(account_id=account_id)
        except IntegrityError:  # created meanwhile
            wallet = await Wallet.get(account_id=account_id)
    return wallet


class Movement:
    """One movement being written under the wallet lock; ``balance`` is as of the lock."""

    def __init__(self, wallet: Wallet, balance: Balance) -> None:
        self.wallet = wallet
        self.balance = balance
        self.number: int | None = None

    async def post(
        self,
        kind: LedgerKind,
        changes: dict[Bucket, int],
        *,
        earning: Earning | None = None,
        withdrawal: Withdrawal | None = None,
    ) -> None:
        """Append the rows: one signed amount per bucket. Call once per movement."""
        if self.number is not None:
            raise RuntimeError("a movement is posted once")
        number = self.wallet.movements + 1
        if not await Wallet.filter(id=self.wallet.id, movements=self.wallet.movements).update(movements=number):
            raise ChangedMeanwhile("wallet")
        self.wallet.movements = self.number = number
        await LedgerEntry.bulk_create(
            [
                LedgerEntry(
                    account_id=self.wallet.account_id,
                    movement=number,
                    kind=kind,
                    bucket=bucket,
                    amount_fen=amount,
                    earning=earning,
                    withdrawal=withdrawal,
                )
                for bucket, amount in changes.items()
                if amount
            ]
        )


@asynccontextmanager
async def movement(account_id: int) -> AsyncIterator[Movement]:
    """``async with ledger.movement(account_id) as m:`` check ``m.balance``, change rows, ``await m.post(...)``.

    Everything inside is one transaction holding the wallet's lock.
    """
    await wallet_of(account_id)
    async with in_transaction():
        wallet = await Wallet.filter(account_id=account_id).select_for_update().get()
        yield Movement(wallet, await balances(account_id))


async def entries(account_id: int, *, limit: int = 50, offset: int = 0) -> list[LedgerEntry]:
    """The account's rows, newest first, with the earning (and its deal and client) or withdrawal behind each."""
    return (
        await LedgerEntry.filter(account_id=account_id)
        .order_by("-movement", "id")
        .offset(offset)
        .limit(limit)
        .select_related("earning", "earning__client", "earning__deal", "withdrawal")
    )
