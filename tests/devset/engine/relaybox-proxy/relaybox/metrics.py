"""In-process call accounting, reported as camelCase JSON by the admin routes."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CallRecord:
    tool_name: str
    upstream: str
    started: float
    duration_ms: float = 0.0
    is_error: bool = False
    progress_token: str | int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "toolName": self.tool_name,
            "upstream": self.upstream,
            "durationMs": round(self.duration_ms, 3),
            "isError": self.is_error,
            "progressToken": self.progress_token,
        }


@dataclass
class CallStats:
    capacity: int = 256
    calls: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    _recent: deque[CallRecord] = field(default_factory=deque)

    @contextmanager
    def track(self, tool_name: str, upstream: str, progress_token: str | int | None = None) -> Iterator[CallRecord]:
        record = CallRecord(tool_name, upstream, time.perf_counter(), progress_token=progress_token)
        try:
            yield record
        except BaseException:
            record.is_error = True
            raise
        finally:
            record.duration_ms = (time.perf_counter() - record.started) * 1000
            self.calls[upstream] += 1
            self.errors[upstream] += int(record.is_error)
            self._recent.append(record)
            while len(self._recent) > self.capacity:
                self._recent.popleft()

    def recent(self, limit: int = 20, cursor: int = 0) -> dict[str, Any]:
        """Page through recent calls, newest first."""
        items = list(reversed(self._recent))
        more = cursor + limit < len(items)
        return {
            "calls": [r.as_dict() for r in items[cursor : cursor + limit]],
            "nextCursor": str(cursor + limit) if more else None,
        }

    def summary(self) -> dict[str, Any]:
        return {name: {"calls": n, "errors": self.errors[name]} for name, n in sorted(self.calls.items())}
