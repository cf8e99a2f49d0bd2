"""SQLite-backed ticket storage.

Blocking on purpose: the desk runs a single small database and every call is
short. Writers that hit ``database is locked`` are retried with a backoff.
"""

from __future__ import annotations

import base64
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger("syncdesk.store")

T = TypeVar("T")

PRIORITIES = ("urgent", "high", "normal", "low")
STATUSES = ("open", "pending", "closed")

SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open',
    priority TEXT NOT NULL DEFAULT 'normal', requester TEXT NOT NULL DEFAULT 'anonymous',
    assignee TEXT, created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    author TEXT NOT NULL, text TEXT NOT NULL, created_at REAL NOT NULL);
"""

DEMO_TICKETS = [
    ("support", "Cannot reset password", "The reset link says it expired.", "high", "ana@example.com"),
    ("support", "2FA device lost", "Phone was stolen, need access.", "urgent", "bo@example.com"),
    ("billing", "Refund for annual plan", "Bought by mistake yesterday.", "normal", "cy@example.com"),
    ("billing", "Invoice address wrong", "Please update VAT details.", "low", "dee@example.com"),
    ("infra", "API latency spikes", "p99 above 2s since the deploy.", "high", "ops@example.com"),
]


class StoreError(Exception):
    """Base class for storage failures."""


class TicketNotFound(StoreError):
    def __init__(self, ticket_id: int) -> None:
        super().__init__(f"ticket {ticket_id} does not exist")
        self.ticket_id = ticket_id


@dataclass(frozen=True)
class Ticket:
    id: int
    queue: str
    subject: str
    body: str
    status: str
    priority: str
    requester: str
    assignee: str | None
    created_at: float
    updated_at: float

    @property
    def uri(self) -> str:
        return f"tickets://{self.queue}/{self.id}"

    def to_wire(self) -> dict[str, Any]:
        """Dashboard/webhook representation (camelCase keys)."""
        return {
            "ticketId": self.id,
            "queue": self.queue,
            "subject": self.subject,
            "status": self.status,
            "priority": self.priority,
            "assignee": self.assignee,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "uri": self.uri,
        }


@dataclass(frozen=True)
class Comment:
    id: int
    ticket_id: int
    author: str
    text: str
    created_at: float


@dataclass(frozen=True)
class Page:
    items: list[Ticket]
    next_cursor: str | None

    def to_wire(self) -> dict[str, Any]:
        return {"items": [t.to_wire() for t in self.items], "nextCursor": self.next_cursor}


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"t:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoreError(f"malformed cursor {cursor!r}") from exc
    kind, _, value = raw.partition(":")
    if kind != "t" or not value.isdigit():
        raise StoreError(f"malformed cursor {cursor!r}")
    return int(value)


def with_retry(op: Callable[[], T], *, retries: int, delay: float, sleep: Callable[[float], None] = time.sleep) -> T:
    """Run ``op`` and retry on SQLite lock contention with exponential backoff."""
    attempt = 0
    while True:
        try:
            return op()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
                raise
            attempt += 1
            if attempt > retries:
                raise StoreError(f"database still locked after {retries} retries") from exc
            logger.warning("sqlite busy (attempt %d/%d)", attempt, retries)
            sleep(delay * (2 ** (attempt - 1)))


class TicketStore:
    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        root: Path | None = None,
        retries: int = 5,
        retry_delay: float = 0.05,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._conn = conn
        self._conn.row_factory = sqlite3.Row
        self.root = root
        self.retries = retries
        self.retry_delay = retry_delay
        self.clock = clock
        self._conn.executescript(SCHEMA)

    @classmethod
    def open(cls, path: Path | str, **kwargs: Any) -> TicketStore:
        if str(path) == ":memory:":
            return cls(sqlite3.connect(":memory:"), **kwargs)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return cls(sqlite3.connect(str(path), timeout=1.0), root=Path(path).parent, **kwargs)

    def close(self) -> None:
        self._conn.close()

    def _write(self, sql: str, params: tuple[Any, ...]) -> int:
        def op() -> int:
            with self._conn:
                cur = self._conn.execute(sql, params)
                return int(cur.lastrowid or cur.rowcount)

        return with_retry(op, retries=self.retries, delay=self.retry_delay)

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return with_retry(
            lambda: self._conn.execute(sql, params).fetchall(), retries=self.retries, delay=self.retry_delay
        )

    def _tickets(self, sql: str, params: tuple[Any, ...] = ()) -> list[Ticket]:
        return [Ticket(**{key: row[key] for key in row.keys()}) for row in self._rows(sql, params)]

    def count(self) -> int:
        return int(self._rows("SELECT COUNT(*) AS n FROM tickets")[0]["n"])

    def seed_demo(self) -> int:
        if self.count():
            return 0
        for queue, subject, body, priority, requester in DEMO_TICKETS:
            self.create(queue, subject, body, priority=priority, requester=requester)
        return len(DEMO_TICKETS)

    def create(
        self, queue: str, subject: str, body: str = "", *, priority: str = "normal", requester: str = "anonymous"
    ) -> Ticket:
        if priority not in PRIORITIES:
            raise StoreError(f"unknown priority {priority!r}")
        now = self.clock()
        new_id = self._write(
            "INSERT INTO tickets (queue, subject, body, priority, requester, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (queue, subject.strip(), body, priority, requester, now, now),
        )
        return self.get(new_id)

    def get(self, ticket_id: int) -> Ticket:
        found = self._tickets("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        if not found:
            raise TicketNotFound(ticket_id)
        return found[0]

    def list(
        self, *, queue: str | None = None, status: str | None = None, cursor: str | None = None, limit: int = 20
    ) -> Page:
        clauses: list[str] = ["id > ?"]
        params: list[Any] = [decode_cursor(cursor) if cursor else 0]
        for column, value in (("queue", queue), ("status", status)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        sql = f"SELECT * FROM tickets WHERE {' AND '.join(clauses)} ORDER BY id LIMIT ?"
        rows = self._tickets(sql, (*params, limit + 1))
        items = rows[:limit]
        return Page(items=items, next_cursor=encode_cursor(items[-1].id) if len(rows) > limit and items else None)

    def iter_queue(self, queue: str, status: str = "open") -> Iterator[Ticket]:
        cursor: str | None = None
        while True:
            page = self.list(queue=queue, status=status, cursor=cursor, limit=50)
            yield from page.items
            if (cursor := page.next_cursor) is None:
                return

    def _update(self, ticket_id: int, column: str, value: Any, allowed: tuple[str, ...] | None = None) -> Ticket:
        if allowed is not None and value not in allowed:
            raise StoreError(f"unknown {column} {value!r}")
        self.get(ticket_id)
        self._write(f"UPDATE tickets SET {column} = ?, updated_at = ? WHERE id = ?", (value, self.clock(), ticket_id))
        return self.get(ticket_id)

    def assign(self, ticket_id: int, assignee: str) -> Ticket:
        return self._update(ticket_id, "assignee", assignee)

    def set_status(self, ticket_id: int, status: str) -> Ticket:
        return self._update(ticket_id, "status", status, STATUSES)

    def set_priority(self, ticket_id: int, priority: str) -> Ticket:
        return self._update(ticket_id, "priority", priority, PRIORITIES)

    def add_comment(self, ticket_id: int, author: str, text: str) -> Comment:
        self.get(ticket_id)
        now = self.clock()
        sql = "INSERT INTO comments (ticket_id, author, text, created_at) VALUES (?, ?, ?, ?)"
        comment_id = self._write(sql, (ticket_id, author, text, now))
        self._write("UPDATE tickets SET updated_at = ? WHERE id = ?", (now, ticket_id))
        return Comment(id=comment_id, ticket_id=ticket_id, author=author, text=text, created_at=now)

    def comments(self, ticket_id: int, page: int = 1, page_size: int = 10) -> list[Comment]:
        sql = "SELECT * FROM comments WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?"
        rows = self._rows(sql, (ticket_id, page_size, max(page - 1, 0) * page_size))
        return [Comment(**{key: row[key] for key in row.keys()}) for row in rows]

    def stats(self, queue: str | None = None) -> dict[str, int]:
        where, params = ("WHERE queue = ?", (queue,)) if queue else ("", ())
        counts = {status: 0 for status in STATUSES}
        for row in self._rows(f"SELECT status, COUNT(*) AS n FROM tickets {where} GROUP BY status", params):
            counts[row["status"]] = int(row["n"])
        return counts

    def created_between(self, queue: str, start: float, end: float) -> list[Ticket]:
        sql = "SELECT * FROM tickets WHERE queue = ? AND created_at >= ? AND created_at < ? ORDER BY id"
        return self._tickets(sql, (queue, start, end))

    def snapshot(self, ticket_id: int) -> dict[str, Any]:
        comments = [asdict(c) for c in self.comments(ticket_id, page_size=100)]
        return {**asdict(self.get(ticket_id)), "comments": comments}
