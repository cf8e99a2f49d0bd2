"""Call history kept between runs, one JSON object per line.

Keys mirror the words people see in tool results (``isError``, ``structuredContent``)
so the file greps the same way the wire traffic does. No protocol imports.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class HistoryEntry:
    server: str
    tool_name: str
    is_error: bool
    duration_ms: float
    structured: dict[str, Any] | None = None
    timestamp: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "toolName": self.tool_name,
            "isError": self.is_error,
            "durationMs": round(self.duration_ms, 2),
            "structuredContent": self.structured,
            "ts": self.timestamp,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> HistoryEntry:
        return cls(raw["server"], raw["toolName"], bool(raw.get("isError")), float(raw.get("durationMs", 0)),
                   raw.get("structuredContent"), float(raw.get("ts", 0)))


class CallHistory:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.entries: list[HistoryEntry] = []
        if path is not None and path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            self.entries = [HistoryEntry.from_json(json.loads(line)) for line in lines if line.strip()]

    def add(self, entry: HistoryEntry) -> None:
        self.entries.append(entry)
        if self.path is not None:
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry.to_json(), sort_keys=True) + "\n")

    def summary(self) -> dict[str, Any]:
        slowest = max(self.entries, key=lambda e: e.duration_ms, default=None)
        return {
            "calls": len(self.entries),
            "isError": sum(e.is_error for e in self.entries),
            "tools": dict(Counter(e.tool_name for e in self.entries).most_common()),
            "slowest": slowest.tool_name if slowest else None,
        }
