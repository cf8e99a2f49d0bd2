"""A small TTL cache for server tool listings.

Listing tools on every agent step is wasteful, so each toolkit keeps its
listing here and drops it when the server announces a change.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from mcp import types


@dataclass
class _Entry:
    tools: list[types.Tool]
    fetched_at: float
    pages: int = 1


@dataclass
class ToolListCache:
    ttl: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _entries: dict[str, _Entry] = field(default_factory=lambda: {})
    hits: int = 0
    misses: int = 0

    def get(self, server: str) -> list[types.Tool] | None:
        entry = self._entries.get(server)
        if entry is None or self.clock() - entry.fetched_at > self.ttl:
            self.misses += 1
            return None
        self.hits += 1
        return list(entry.tools)

    def put(self, server: str, tools: list[types.Tool], *, pages: int = 1) -> None:
        self._entries[server] = _Entry(list(tools), self.clock(), pages)

    def invalidate(self, server: str | None = None) -> None:
        if server is None:
            self._entries.clear()
        else:
            self._entries.pop(server, None)

    def lookup(self, server: str, tool_name: str) -> types.Tool | None:
        entry = self._entries.get(server)
        if entry is None:
            return None
        return next((t for t in entry.tools if t.name == tool_name), None)
