"""A small in-process ledger store.

The production deployment talks to Postgres; this module keeps the same
interface over plain dictionaries so the server can run (and be tested)
without a database.  ``open``/``close`` are reference counted because the
MCP lifespan may be entered once per session.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any
from urllib.parse import urlparse

import anyio


class StoreError(Exception):
    """Base class for store failures."""


class UnknownAccount(StoreError):
    def __init__(self, account: str) -> None:
        super().__init__(f"unknown account: {account}")
        self.account = account


class StoreClosed(StoreError):
    pass


def quantize(amount: float | str | Decimal) -> Decimal:
    return Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


@dataclasses.dataclass(frozen=True)
class Entry:
    id: int
    account: str
    amount: Decimal
    memo: str
    posted_at: float
    period: str

    def as_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "account": self.account,
            "amount": str(self.amount),
            "memo": self.memo,
            "period": self.period,
        }


@dataclasses.dataclass
class Account:
    code: str
    title: str
    kind: str = "asset"
    closed_periods: set[str] = dataclasses.field(default_factory=set)

    def as_row(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "kind": self.kind}


class LedgerStore:
    def __init__(self, url: str = "memory://ledger", *, clock: Any = time.time) -> None:
        parsed = urlparse(url)
        if parsed.scheme != "memory":
            raise StoreError(f"unsupported store url {url!r}; only memory:// is built in")
        self.url = url
        self.name = parsed.netloc or "ledger"
        self._clock = clock
        self._accounts: dict[str, Account] = {}
        self._entries: list[Entry] = []
        self._ids = itertools.count(1)
        self._lock = anyio.Lock()
        self._refs = 0
        self.open_count = 0

    # -- lifecycle -------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._refs > 0

    async def open(self) -> LedgerStore:
        await anyio.sleep(0)
        self._refs += 1
        self.open_count += 1
        return self

    async def close(self) -> None:
        # Runs from lifespan teardown, often inside an already cancelled scope.
        with anyio.CancelScope(shield=True):
            await anyio.sleep(0)
            self._refs = max(0, self._refs - 1)

    def _require_open(self) -> None:
        if not self.is_open:
            raise StoreClosed("ledger store is not open")

    # -- accounts ---------------------------------------------------------

    def seed(self, accounts: Iterable[tuple[str, str, str]]) -> LedgerStore:
        for code, title, kind in accounts:
            self._accounts[code] = Account(code=code, title=title, kind=kind)
        return self

    def has_account(self, code: str) -> bool:
        return code in self._accounts

    def account(self, code: str) -> Account:
        try:
            return self._accounts[code]
        except KeyError:
            raise UnknownAccount(code) from None

    def account_codes(self, prefix: str = "") -> list[str]:
        return sorted(code for code in self._accounts if code.startswith(prefix))

    def page_accounts(self, cursor: str | None = None, limit: int = 25) -> dict[str, Any]:
        """Cursor pagination in the same shape the REST API returns."""
        codes = self.account_codes()
        start = codes.index(cursor) + 1 if cursor in codes else 0
        page = codes[start : start + limit]
        more = start + limit < len(codes)
        return {
            "accounts": [self._accounts[c].as_row() for c in page],
            "nextCursor": page[-1] if more and page else None,
        }

    # -- entries ----------------------------------------------------------

    async def post(self, account: str, amount: float | str, memo: str, *, period: str | None = None) -> Entry:
        self._require_open()
        acct = self.account(account)
        when = self._clock()
        period = period or time.strftime("%Y-%m", time.gmtime(when))
        if period in acct.closed_periods:
            raise StoreError(f"period {period} is closed for {account}")
        async with self._lock:
            entry = Entry(
                id=next(self._ids),
                account=account,
                amount=quantize(amount),
                memo=memo,
                posted_at=when,
                period=period,
            )
            self._entries.append(entry)
        return entry

    def entries(self, account: str | None = None) -> Iterator[Entry]:
        return (e for e in self._entries if account is None or e.account == account)

    def entry(self, entry_id: int) -> Entry | None:
        return next((e for e in self._entries if e.id == entry_id), None)

    def balance(self, account: str) -> Decimal:
        self.account(account)
        return sum((e.amount for e in self.entries(account)), Decimal("0.00"))

    def close_period(self, account: str, period: str) -> int:
        acct = self.account(account)
        acct.closed_periods.add(period)
        return sum(1 for e in self.entries(account) if e.period == period)


DEFAULT_CHART: tuple[tuple[str, str, str], ...] = (
    ("1000", "Cash", "asset"),
    ("1200", "Receivables", "asset"),
    ("2000", "Payables", "liability"),
    ("4000", "Revenue", "income"),
    ("6100", "Office supplies", "expense"),
    ("6200", "Travel", "expense"),
)
