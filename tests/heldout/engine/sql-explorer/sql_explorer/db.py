"""Database access helpers; plain sqlite3, nothing MCP specific."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

READ_ONLY = re.compile(r"^\s*(select|with|pragma|explain)\b", re.IGNORECASE)


class QueryRejected(Exception):
    """Raised when a statement is not allowed in read-only mode."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def to_records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class Database:
    def __init__(self, dsn: str, read_only: bool = True) -> None:
        self.dsn = dsn
        self.read_only = read_only
        self.conn = sqlite3.connect(dsn, check_same_thread=False)

    def close(self) -> None:
        self.conn.close()

    def tables(self) -> list[str]:
        cur = self.conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        return [r[0] for r in cur.fetchall()]

    def schema(self, table: str) -> list[dict[str, Any]]:
        cur = self.conn.execute(f"PRAGMA table_info({table!r})")
        return [{"name": r[1], "type": r[2], "notnull": bool(r[3]), "pk": bool(r[5])} for r in cur.fetchall()]

    def query(self, sql: str, params: list[Any] | None = None) -> QueryResult:
        if self.read_only and not READ_ONLY.match(sql):
            raise QueryRejected("only SELECT/WITH/PRAGMA/EXPLAIN statements are allowed")
        cur = self.conn.execute(sql, params or [])
        columns = [d[0] for d in cur.description or []]
        return QueryResult(columns=columns, rows=cur.fetchall())
