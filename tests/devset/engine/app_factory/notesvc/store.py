"""SQLite-backed note storage."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from pydantic import BaseModel, Field


class Note(BaseModel):
    id: int
    title: str
    body: str
    tags: list[str] = Field(default_factory=list)
    created_at: datetime


class NoteStore:
    def __init__(self, path: str = ":memory:") -> None:
        # One connection, created on the event loop thread during lifespan startup.
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS notes ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT NOT NULL,"
            " tags TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL)"
        )

    def close(self) -> None:
        self.conn.close()

    def _row(self, row: sqlite3.Row) -> Note:
        return Note(
            id=row["id"],
            title=row["title"],
            body=row["body"],
            tags=[t for t in row["tags"].split(",") if t],
            created_at=datetime.fromisoformat(row["created_at"]),
        )

    def add(self, title: str, body: str, tags: list[str]) -> Note:
        now = datetime.now(timezone.utc).isoformat()
        cur = self.conn.execute(
            "INSERT INTO notes (title, body, tags, created_at) VALUES (?, ?, ?, ?)",
            (title, body, ",".join(tags), now),
        )
        self.conn.commit()
        note = self.get(cur.lastrowid or 0)
        assert note is not None
        return note

    def get(self, note_id: int) -> Note | None:
        row = self.conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        return self._row(row) if row else None

    def search(self, text: str, limit: int = 20) -> list[Note]:
        like = f"%{text}%"
        rows = self.conn.execute(
            "SELECT * FROM notes WHERE title LIKE ? OR body LIKE ? OR tags LIKE ? ORDER BY id LIMIT ?",
            (like, like, like, limit),
        ).fetchall()
        return [self._row(r) for r in rows]

    def all(self) -> list[Note]:
        return [self._row(r) for r in self.conn.execute("SELECT * FROM notes ORDER BY id").fetchall()]
