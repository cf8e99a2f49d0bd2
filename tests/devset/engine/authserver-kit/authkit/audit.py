"""Append-only audit trail for token lifecycle events.

Events are stored as plain dicts in the same camelCase shape the admin UI
consumes, and paged with an opaque cursor.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from typing import Any

Event = dict[str, Any]


def _encode_cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"evt:{index}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    padded = cursor + "=" * (-len(cursor) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode()).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"malformed cursor: {cursor!r}") from exc
    prefix, _, number = raw.partition(":")
    if prefix != "evt" or not number.isdigit():
        raise ValueError(f"malformed cursor: {cursor!r}")
    return int(number)


class AuditLog:
    def __init__(self, clock: Callable[[], float] = time.time, max_events: int = 10_000) -> None:
        self._clock = clock
        self._events: list[Event] = []
        self._lock = threading.Lock()
        self._max_events = max_events

    def record(
        self,
        event: str,
        *,
        client_id: str | None = None,
        subject: str | None = None,
        scopes: list[str] | None = None,
        is_error: bool = False,
        detail: str | None = None,
        expires_at: float | None = None,
    ) -> Event:
        entry: Event = {
            "event": event,
            "timestamp": self._clock(),
            "clientId": client_id,
            "subject": subject,
            "scopes": list(scopes or []),
            "isError": is_error,
        }
        if detail is not None:
            entry["detail"] = detail
        if expires_at is not None:
            entry["expiresAt"] = int(expires_at)
        with self._lock:
            self._events.append(entry)
            if len(self._events) > self._max_events:
                del self._events[: len(self._events) - self._max_events]
        return entry

    def __len__(self) -> int:
        return len(self._events)

    def events(self, *, event: str | None = None, client_id: str | None = None) -> list[Event]:
        return [
            e
            for e in self._events
            if (event is None or e["event"] == event) and (client_id is None or e["clientId"] == client_id)
        ]

    def page(self, cursor: str | None = None, limit: int = 20) -> dict[str, Any]:
        start = _decode_cursor(cursor) if cursor else 0
        window = self._events[start : start + limit]
        end = start + len(window)
        return {
            "events": [dict(e) for e in window],
            "nextCursor": _encode_cursor(end) if end < len(self._events) else None,
            "total": len(self._events),
        }

    def errors(self) -> list[Event]:
        return [e for e in self._events if e["isError"]]
