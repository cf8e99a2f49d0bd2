"""SQLite-backed ledger storage.

Page and PostingResult mirror the JSON shapes of the public REST API, which is why
their fields are camelCase.
"""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from .money import Money

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    booked_on TEXT NOT NULL,
    memo TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS postings (
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    account TEXT NOT NULL REFERENCES accounts(code),
    amount TEXT NOT NULL,
    currency TEXT NOT NULL
);
"""


@dataclass
class Page:
    items: list[dict[str, str]]
    nextCursor: str | None = None


@dataclass
class PostingResult:
    entryId: int | None
    isError: bool = False
    message: str = ""
    warnings: list[str] = field(default_factory=list)


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(str(offset).encode()).decode()


def _decode_cursor(cursor: str | None) -> int:
    return int(base64.urlsafe_b64decode(cursor.encode()).decode()) if cursor else 0


class Ledger:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
        self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.read_only = read_only
        if not read_only:
            self.conn.executescript(SCHEMA)

    def list_accounts(self, cursor: str | None = None, limit: int = 50) -> Page:
        offset = _decode_cursor(cursor)
        rows = self.conn.execute(
            "SELECT code, name, kind FROM accounts ORDER BY code LIMIT ? OFFSET ?", (limit + 1, offset)
        ).fetchall()
        items = [dict(r) for r in rows[:limit]]
        return Page(items=items, nextCursor=_encode_cursor(offset + limit) if len(rows) > limit else None)

    def post(self, booked_on: date, memo: str, lines: list[tuple[str, Money]]) -> PostingResult:
        if self.read_only:
            return PostingResult(entryId=None, isError=True, message="ledger is read-only")
        total = sum((m.amount for _, m in lines), Decimal(0))
        if total != 0:
            return PostingResult(entryId=None, isError=True, message=f"entry does not balance ({total})")
        with self.conn:
            cur = self.conn.execute("INSERT INTO entries(booked_on, memo) VALUES (?, ?)", (booked_on.isoformat(), memo))
            entry_id = cur.lastrowid
            self.conn.executemany(
                "INSERT INTO postings(entry_id, account, amount, currency) VALUES (?, ?, ?, ?)",
                [(entry_id, acct, str(m.amount), m.currency) for acct, m in lines],
            )
        warnings = ["memo is empty"] if not memo.strip() else []
        return PostingResult(entryId=entry_id, warnings=warnings)

    def balance(self, account: str, currency: str, until: date | None = None) -> Money:
        rows = self.conn.execute(
            "SELECT p.amount FROM postings p JOIN entries e ON e.id = p.entry_id "
            "WHERE p.account = ? AND p.currency = ? AND e.booked_on <= ?",
            (account, currency, (until or date.max).isoformat()),
        )
        return Money(sum((Decimal(r["amount"]) for r in rows), Decimal(0)), currency)

    def iter_entries(self, since: date) -> Iterator[dict[str, str]]:
        query = "SELECT id, booked_on, memo FROM entries WHERE booked_on >= ? ORDER BY booked_on, id"
        for row in self.conn.execute(query, (since.isoformat(),)):
            yield {k: str(row[k]) for k in row.keys()}
