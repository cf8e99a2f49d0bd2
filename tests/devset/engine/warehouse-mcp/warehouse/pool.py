"""A small SQLite-backed connection pool standing in for the warehouse driver."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio

Row = tuple[Any, ...]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL,
                                      segment TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                                     category TEXT NOT NULL, unit_price REAL NOT NULL);
CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, product_id INTEGER NOT NULL,
                                   quantity INTEGER NOT NULL, ordered_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mv_daily_revenue (day TEXT PRIMARY KEY, orders INTEGER NOT NULL, revenue REAL NOT NULL);
CREATE TABLE IF NOT EXISTS mv_region_revenue (region TEXT PRIMARY KEY, revenue REAL NOT NULL);
"""

_CUSTOMERS = [
    (1, "Acme Outfitters", "emea", "enterprise"),
    (2, "Blue Harbor Co", "amer", "smb"),
    (3, "Cedar & Pine", "amer", "mid-market"),
    (4, "Dunmore Retail", "emea", "smb"),
    (5, "Eastwind Supply", "apac", "enterprise"),
    (6, "Fjord Foods", "emea", "mid-market"),
]
_PRODUCTS = [
    (1, "TNT-100", "Trail Tent", "camping", 249.0),
    (2, "BTL-075", "Steel Bottle", "hydration", 24.5),
    (3, "LMP-220", "Camp Lantern", "camping", 39.9),
    (4, "PCK-040", "Day Pack 40L", "bags", 89.0),
    (5, "STV-010", "Pocket Stove", "cooking", 54.0),
]
_ORDERS = [(i, (i * 7) % 6 + 1, (i * 3) % 5 + 1, i % 4 + 1, f"2024-03-{i % 12 + 1:02d}") for i in range(1, 49)]

MATERIALIZED_VIEWS: dict[str, str] = {
    "mv_daily_revenue": "INSERT INTO mv_daily_revenue SELECT o.ordered_on, COUNT(*), "
    "ROUND(SUM(o.quantity * p.unit_price), 2) FROM orders o JOIN products p ON p.id = o.product_id "
    "GROUP BY o.ordered_on",
    "mv_region_revenue": "INSERT INTO mv_region_revenue SELECT c.region, ROUND(SUM(o.quantity * p.unit_price), 2) "
    "FROM orders o JOIN products p ON p.id = o.product_id JOIN customers c ON c.id = o.customer_id GROUP BY c.region",
}


@dataclass(frozen=True)
class ColumnDesc:
    name: str
    type: str
    nullable: bool
    primary_key: bool


class ConnectionPool:
    """Fixed-size pool of connections sharing one in-memory database."""

    def __init__(self, dsn: str, size: int = 4) -> None:
        self.dsn = dsn
        self.size = size
        self.queries_served = 0
        self._all: list[sqlite3.Connection] = []
        self._idle: list[sqlite3.Connection] = []
        self._slots = anyio.Semaphore(size)

    async def open(self) -> None:
        self._all = [sqlite3.connect(self.dsn, uri=True, check_same_thread=False) for _ in range(self.size)]
        self._idle = list(self._all)
        conn = self._all[0]
        conn.executescript(_SCHEMA)
        if conn.execute("SELECT COUNT(*) FROM customers").fetchone()[0] == 0:
            conn.executemany("INSERT INTO customers VALUES (?, ?, ?, ?)", _CUSTOMERS)
            conn.executemany("INSERT INTO products VALUES (?, ?, ?, ?, ?)", _PRODUCTS)
            conn.executemany("INSERT INTO orders VALUES (?, ?, ?, ?, ?)", _ORDERS)
            for view in MATERIALIZED_VIEWS:
                self._rebuild(conn, view)
            conn.commit()

    async def close(self) -> None:
        for conn in self._all:
            conn.close()
        self._all, self._idle = [], []

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[sqlite3.Connection]:
        if not self._all:
            raise RuntimeError("connection pool is closed")
        async with self._slots:
            conn = self._idle.pop()
            try:
                yield conn
            finally:
                self._idle.append(conn)

    def table_names(self, include_views: bool = True) -> list[str]:
        rows = self._all[0].execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return [name for (name,) in rows if include_views or name not in MATERIALIZED_VIEWS]

    def columns(self, table: str) -> list[ColumnDesc]:
        if table not in self.table_names():
            raise KeyError(table)
        info = self._all[0].execute(f'PRAGMA table_info("{table}")').fetchall()
        return [ColumnDesc(row[1], row[2] or "ANY", not row[3], bool(row[5])) for row in info]

    def row_count(self, table: str) -> int:
        if table not in self.table_names():
            raise KeyError(table)
        return int(self._all[0].execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])

    @staticmethod
    def run(conn: sqlite3.Connection, sql: str, limit: int) -> tuple[list[str], list[Row], bool, float]:
        started = time.perf_counter()
        cursor = conn.execute(sql)
        columns = [desc[0] for desc in cursor.description or ()]
        rows = cursor.fetchmany(limit + 1)
        return columns, [tuple(r) for r in rows[:limit]], len(rows) > limit, (time.perf_counter() - started) * 1000

    def _rebuild(self, conn: sqlite3.Connection, view: str) -> int:
        conn.execute(f'DELETE FROM "{view}"')
        conn.execute(MATERIALIZED_VIEWS[view])
        return int(conn.execute(f'SELECT COUNT(*) FROM "{view}"').fetchone()[0])

    async def refresh(self, view: str) -> int:
        async with self.acquire() as conn:
            count = self._rebuild(conn, view)
            conn.commit()
        return count

    def stats(self) -> dict[str, Any]:
        return {"size": self.size, "inUse": len(self._all) - len(self._idle), "queriesServed": self.queries_served}


def is_read_only(sql: str) -> bool:
    words = sql.split(None, 1)
    return bool(words) and words[0].lower() in {"select", "with", "explain"} and ";" not in sql.strip().rstrip(";")


def page(items: Sequence[Any], cursor: str | None, page_size: int) -> dict[str, Any]:
    """Slice ``items`` the way the catalog HTTP API does (``items`` + ``nextCursor``)."""
    if cursor is not None and not cursor.isdigit():
        return {"items": [], "nextCursor": None, "isError": True}
    offset = int(cursor or 0)
    more = offset + page_size < len(items)
    return {"items": list(items[offset : offset + page_size]), "nextCursor": str(offset + page_size) if more else None}
