"""TTL cache for read-only tool results."""

from __future__ import annotations

import hashlib
import json
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0

    @property
    def ratio(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class ResultCache:
    def __init__(self, max_entries: int = 256, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._max = max_entries
        self._clock = clock
        self.stats = CacheStats()

    @staticmethod
    def key_for(tool: str, caller: str, arguments: dict[str, Any]) -> str:
        blob = json.dumps({"t": tool, "c": caller, "a": arguments}, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str) -> tuple[bool, Any]:
        item = self._entries.get(key)
        if item is None:
            self.stats.misses += 1
            return False, None
        expires, value = item
        if expires < self._clock():
            del self._entries[key]
            self.stats.misses += 1
            return False, None
        self._entries.move_to_end(key)
        self.stats.hits += 1
        return True, value

    def put(self, key: str, value: Any, ttl: float) -> None:
        self._entries[key] = (self._clock() + ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
            self.stats.evictions += 1

    def invalidate(self, tool: str | None = None) -> int:
        if tool is None:
            n = len(self._entries)
            self._entries.clear()
            return n
        # keys are opaque hashes; a per-tool flush clears everything conservatively
        return self.invalidate(None)
