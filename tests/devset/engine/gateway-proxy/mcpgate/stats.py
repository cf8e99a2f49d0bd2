"""Call accounting for the admin surface.

Plain JSON on purpose (it is also scraped by the metrics exporter), with the
same camelCase keys as the rest of the admin payloads.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


def _empty_counters() -> dict[str, Any]:
    return {"calls": 0, "isError": 0, "protocolErrors": 0, "timeouts": 0, "progressRelayed": 0, "logsRelayed": 0}


@dataclass
class GatewayStats:
    started: float = field(default_factory=time.monotonic)
    upstreams: dict[str, dict[str, Any]] = field(default_factory=dict)
    tools: Counter[str] = field(default_factory=Counter)
    clients: set[str] = field(default_factory=set)

    def counters(self, upstream: str) -> dict[str, Any]:
        return self.upstreams.setdefault(upstream, _empty_counters())

    def bump(self, upstream: str, key: str) -> None:
        self.counters(upstream)[key] += 1

    def record_call(self, upstream: str, tool: str, *, is_error: bool = False, error: dict[str, Any] | None = None) -> None:
        counters = self.counters(upstream)
        counters["calls"] += 1
        counters["isError"] += is_error
        self.tools[tool] += 1
        if error is not None:
            counters["protocolErrors"] += 1
            counters["timeouts"] += error.get("kind") == "timeout"
            counters["lastError"] = error

    def note_client(self, client_id: str | None) -> None:
        if client_id:
            self.clients.add(client_id)

    def snapshot(self) -> dict[str, Any]:
        return {
            "uptimeSeconds": round(time.monotonic() - self.started, 3),
            "clients": sorted(self.clients),
            "upstreams": {name: dict(counters) for name, counters in sorted(self.upstreams.items())},
            "topTools": [{"name": name, "calls": n} for name, n in self.tools.most_common(5)],
        }
