"""Thin SQLite access layer for the warehouse.

The connection is opened once in the server lifespan and shared by the tool
handlers; SQLite's default ``check_same_thread=True`` is kept on purpose so we
notice if something ever touches it from a foreign thread.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS metrics (
    name        TEXT PRIMARY KEY,
    unit        TEXT NOT NULL,
    description TEXT NOT NULL,
    owner       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS daily_values (
    metric TEXT NOT NULL REFERENCES metrics(name),
    day    TEXT NOT NULL,
    value  REAL NOT NULL,
    PRIMARY KEY (metric, day)
);
"""

DEMO_METRICS: list[tuple[str, str, str, str]] = [
    ("active_users", "users", "Distinct users with at least one session", "growth"),
    ("signups", "users", "New accounts created", "growth"),
    ("revenue", "EUR", "Recognised revenue, net of refunds", "finance"),
    ("p95_latency", "ms", "95th percentile API latency", "sre"),
    ("error_rate", "ratio", "Share of 5xx responses", "sre"),
]


def connect(path: Path | str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def seed_demo(conn: sqlite3.Connection, *, days: int = 60, end: dt.date | None = None) -> None:
    """Populate deterministic demo data if the warehouse is empty."""
    (count,) = conn.execute("SELECT COUNT(*) FROM metrics").fetchone()
    if count:
        return
    rng = random.Random(20240601)
    end = end or dt.date(2024, 6, 30)
    conn.executemany("INSERT INTO metrics VALUES (?, ?, ?, ?)", DEMO_METRICS)
    base = {"active_users": 12_000.0, "signups": 340.0, "revenue": 48_000.0, "p95_latency": 210.0, "error_rate": 0.004}
    rows: list[tuple[str, str, float]] = []
    for name, start in base.items():
        value = start
        for offset in range(days):
            day = end - dt.timedelta(days=days - 1 - offset)
            value = max(0.0, value * (1 + rng.uniform(-0.05, 0.06)))
            rows.append((name, day.isoformat(), round(value, 4)))
    conn.executemany("INSERT INTO daily_values VALUES (?, ?, ?)", rows)
    conn.commit()


@contextmanager
def readonly(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("PRAGMA query_only = ON")
    try:
        yield conn
    finally:
        conn.execute("PRAGMA query_only = OFF")


def metric_names(conn: sqlite3.Connection) -> list[str]:
    return [r["name"] for r in conn.execute("SELECT name FROM metrics ORDER BY name")]


def table_names(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [r["name"] for r in rows]


def table_columns(conn: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    if table not in table_names(conn):
        raise KeyError(table)
    return [
        {"name": r["name"], "type": r["type"], "nullable": not r["notnull"], "primary_key": bool(r["pk"])}
        for r in conn.execute(f"PRAGMA table_info({table})")
    ]


def series(conn: sqlite3.Connection, metric: str, start: str | None = None, end: str | None = None) -> list[sqlite3.Row]:
    sql = "SELECT day, value FROM daily_values WHERE metric = ?"
    args: list[Any] = [metric]
    if start:
        sql += " AND day >= ?"
        args.append(start)
    if end:
        sql += " AND day <= ?"
        args.append(end)
    return conn.execute(sql + " ORDER BY day", args).fetchall()


def days_for(conn: sqlite3.Connection, metric: str) -> list[str]:
    return [r["day"] for r in conn.execute("SELECT day FROM daily_values WHERE metric = ? ORDER BY day", (metric,))]


def metric_row(conn: sqlite3.Connection, metric: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM metrics WHERE name = ?", (metric,)).fetchone()


def run_query(conn: sqlite3.Connection, sql: str, limit: int) -> tuple[Sequence[str], list[tuple[Any, ...]]]:
    with readonly(conn):
        cur = conn.execute(sql)
        columns = [d[0] for d in cur.description or []]
        rows = [tuple(r) for r in cur.fetchmany(limit)]
    return columns, rows
