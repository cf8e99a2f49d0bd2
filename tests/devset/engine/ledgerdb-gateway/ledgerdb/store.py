"""SQLite storage for the ledger: accounts, journal entries and their postings."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel, Field, RootModel, field_validator

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    currency TEXT NOT NULL DEFAULT 'EUR');
CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY AUTOINCREMENT, posted_at TEXT NOT NULL, memo TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT 'system', voided INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS postings (entry_id INTEGER NOT NULL REFERENCES entries(id),
    account_id TEXT NOT NULL REFERENCES accounts(id), amount_cents INTEGER NOT NULL);
"""

DEMO_ACCOUNTS = [
    ("cash", "Cash on hand", "asset"), ("bank", "Operating bank account", "asset"),
    ("receivables", "Accounts receivable", "asset"), ("payables", "Accounts payable", "liability"),
    ("capital", "Owner capital", "equity"), ("sales", "Sales revenue", "income"),
    ("rent", "Rent expense", "expense"), ("supplies", "Office supplies", "expense"),
]


class LedgerError(Exception):
    """Base class for storage errors that callers may show to users."""


class UnknownAccount(LedgerError):
    pass


class UnbalancedEntry(LedgerError):
    def __init__(self, imbalance: int) -> None:
        super().__init__(f"postings do not balance (off by {imbalance} cents)")
        self.imbalance = imbalance


class ReadOnlyViolation(LedgerError):
    pass


class PostingLine(BaseModel):
    account: str = Field(min_length=1)
    amount_cents: int

    @field_validator("amount_cents")
    @classmethod
    def _non_zero(cls, value: int) -> int:
        if value == 0:
            raise ValueError("a posting cannot be zero")
        return value


class PostingBatch(RootModel[list[PostingLine]]):
    """The postings of one journal entry, as submitted by a caller."""

    def imbalance(self) -> int:
        return sum(line.amount_cents for line in self.root)

    def accounts(self) -> list[str]:
        return sorted({line.account for line in self.root})


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool

    def as_payload(self) -> dict[str, Any]:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "rowCount": len(self.rows),
            "truncated": self.truncated,
        }


class LedgerStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.row_factory = sqlite3.Row

    @classmethod
    def open(cls, path: str, *, seed: bool = False) -> LedgerStore:
        store = cls(sqlite3.connect(path))
        store.conn.executescript(SCHEMA)
        if seed and store.count_accounts() == 0:
            store.seed_demo()
        return store

    def close(self) -> None:
        self.conn.close()

    def seed_demo(self) -> None:
        with self.conn:
            self.conn.executemany("INSERT INTO accounts (id, name, kind) VALUES (?, ?, ?)", DEMO_ACCOUNTS)
        for memo, debit, credit, cents in [("Opening balance", "bank", "capital", 500_000), ("January rent", "rent", "bank", 120_000)]:
            lines = [{"account": debit, "amount_cents": cents}, {"account": credit, "amount_cents": -cents}]
            self.post(PostingBatch.model_validate(lines), memo=memo)

    # -- accounts -------------------------------------------------------------------------

    def count_accounts(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])

    def account_ids(self, prefix: str = "") -> list[str]:
        rows = self.conn.execute("SELECT id FROM accounts WHERE id LIKE ? ORDER BY id", (prefix + "%",))
        return [row["id"] for row in rows]

    def get_account(self, account_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise UnknownAccount(f"no account named {account_id!r}")
        account = dict(row)
        account["balanceCents"] = self.balance(account_id)
        return account

    def list_accounts(self, offset: int, limit: int) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT id, name, kind, currency FROM accounts ORDER BY id LIMIT ? OFFSET ?", (limit + 1, offset)
        ).fetchall()
        items = [dict(r) for r in rows[:limit]]
        return {"items": items, "nextCursor": offset + limit if len(rows) > limit else None}

    def open_account(self, account_id: str, name: str, kind: str, currency: str = "EUR") -> dict[str, Any]:
        try:
            with self.conn:
                self.conn.execute(
                    "INSERT INTO accounts (id, name, kind, currency) VALUES (?, ?, ?, ?)", (account_id, name, kind, currency)
                )
        except sqlite3.IntegrityError as exc:
            raise LedgerError(f"account {account_id!r} already exists") from exc
        return self.get_account(account_id)

    def balance(self, account_id: str) -> int:
        row = self.conn.execute(
            "SELECT COALESCE(SUM(p.amount_cents), 0) FROM postings p JOIN entries e ON e.id = p.entry_id"
            " WHERE p.account_id = ? AND e.voided = 0",
            (account_id,),
        ).fetchone()
        return int(row[0])

    def trial_balance(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT a.id AS account, a.kind AS kind, COALESCE(SUM(CASE WHEN e.voided = 0 THEN p.amount_cents END), 0)"
            " AS balanceCents FROM accounts a LEFT JOIN postings p ON p.account_id = a.id"
            " LEFT JOIN entries e ON e.id = p.entry_id GROUP BY a.id ORDER BY a.id"
        )]

    # -- journal --------------------------------------------------------------------------

    def post(self, batch: PostingBatch, *, memo: str, actor: str = "system") -> int:
        if len(batch.root) < 2:
            raise LedgerError("an entry needs at least two postings")
        if (off := batch.imbalance()) != 0:
            raise UnbalancedEntry(off)
        known = set(self.account_ids())
        missing = [a for a in batch.accounts() if a not in known]
        if missing:
            raise UnknownAccount(f"unknown account(s): {', '.join(missing)}")
        posted_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO entries (posted_at, memo, actor) VALUES (?, ?, ?)", (posted_at, memo, actor)
            )
            entry_id = int(cur.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO postings (entry_id, account_id, amount_cents) VALUES (?, ?, ?)",
                [(entry_id, line.account, line.amount_cents) for line in batch.root],
            )
        return entry_id

    def get_entry(self, entry_id: int) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        postings = self.conn.execute(
            "SELECT account_id AS account, amount_cents FROM postings WHERE entry_id = ?", (entry_id,)
        )
        entry = dict(row)
        entry["voided"] = bool(entry["voided"])
        entry["postings"] = PostingBatch.model_validate([dict(p) for p in postings]).model_dump()
        return entry

    def void(self, entry_id: int) -> list[str]:
        entry = self.get_entry(entry_id)
        if entry is None:
            raise LedgerError(f"entry {entry_id} does not exist")
        if entry["voided"]:
            raise LedgerError(f"entry {entry_id} is already void")
        with self.conn:
            self.conn.execute("UPDATE entries SET voided = 1 WHERE id = ?", (entry_id,))
        return sorted({p["account"] for p in entry["postings"]})

    # -- ad-hoc SQL -----------------------------------------------------------------------

    def run_select(self, sql: str, params: Sequence[Any] = (), max_rows: int = 200) -> QueryResult:
        statement = sql.strip().rstrip(";")
        if not statement.lower().startswith(("select", "with")):
            raise ReadOnlyViolation("only SELECT statements are allowed")
        self.conn.execute("PRAGMA query_only = ON")
        try:
            cur = self.conn.execute(statement, tuple(params))
            fetched = cur.fetchmany(max_rows + 1)
        except sqlite3.DatabaseError as exc:
            raise ReadOnlyViolation(str(exc)) from exc
        finally:
            self.conn.execute("PRAGMA query_only = OFF")
        columns = [d[0] for d in cur.description or ()]
        return QueryResult(columns, [list(r) for r in fetched[:max_rows]], len(fetched) > max_rows)
