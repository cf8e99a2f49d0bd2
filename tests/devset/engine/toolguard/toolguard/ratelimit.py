"""A small token bucket limiter keyed by (caller, tool)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass
class TokenBucket:
    per_minute: int
    burst: int | None = None
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[tuple[str, str], _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def capacity(self) -> float:
        return float(self.burst if self.burst is not None else self.per_minute)

    def _refill(self, bucket: _Bucket, now: float) -> None:
        elapsed = max(0.0, now - bucket.updated)
        bucket.tokens = min(self.capacity, bucket.tokens + elapsed * self.per_minute / 60.0)
        bucket.updated = now

    def try_acquire(self, caller: str, tool: str) -> tuple[bool, float]:
        """Take a token; returns (allowed, seconds until the next token)."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.setdefault((caller, tool), _Bucket(self.capacity, now))
            self._refill(bucket, now)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return True, 0.0
            missing = 1.0 - bucket.tokens
            return False, missing * 60.0 / self.per_minute

    def reset(self, caller: str | None = None) -> None:
        with self._lock:
            if caller is None:
                self._buckets.clear()
                return
            for key in [k for k in self._buckets if k[0] == caller]:
                del self._buckets[key]
