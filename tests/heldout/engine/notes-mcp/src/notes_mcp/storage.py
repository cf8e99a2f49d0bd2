"""SQLite-backed note storage. Deliberately free of any MCP imports."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL
)
"""


@dataclass
class Note:
    id: int
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    created: float = 0.0

    def preview(self, width: int = 80) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "tags": self.tags, "created": self.created}


class NoteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None

    def connect(self) -> None:
        self._conn = sqlite3.connect(self.path)
        self._conn.execute(SCHEMA)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("NoteStore is not connected")
        return self._conn

    def _row(self, row: tuple[int, str, str, str, float]) -> Note:
        return Note(id=row[0], title=row[1], body=row[2], tags=json.loads(row[3]), created=row[4])

    def add(self, title: str, body: str, tags: list[str] | None = None) -> Note:
        created = time.time()
        cur = self.conn.execute(
            "INSERT INTO notes (title, body, tags, created) VALUES (?, ?, ?, ?)",
            (title, body, json.dumps(tags or []), created),
        )
        self.conn.commit()
        return Note(id=cur.lastrowid or 0, title=title, body=body, tags=tags or [], created=created)

    def get(self, note_id: int) -> Note | None:
        row = self.conn.execute("SELECT id, title, body, tags, created FROM notes WHERE id = ?", (note_id,)).fetchone()
        return self._row(row) if row else None

    def all(self) -> list[Note]:
        rows = self.conn.execute("SELECT id, title, body, tags, created FROM notes ORDER BY created DESC").fetchall()
        return [self._row(r) for r in rows]

    def search(self, query: str) -> list[Note]:
        needle = f"%{query.lower()}%"
        rows = self.conn.execute(
            "SELECT id, title, body, tags, created FROM notes WHERE lower(title) LIKE ? OR lower(body) LIKE ?",
            (needle, needle),
        ).fetchall()
        return [self._row(r) for r in rows]

    def delete(self, note_id: int) -> bool:
        cur = self.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        self.conn.commit()
        return cur.rowcount > 0
