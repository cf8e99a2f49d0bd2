"""Per-connection state yielded by the server lifespan."""

from __future__ import annotations

from dataclasses import dataclass, field

import mcp.types as types

from kgraph.config import Settings
from kgraph.graph import GraphStore
from kgraph.notify import SubscriptionRegistry

LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class GraphState:
    store: GraphStore
    settings: Settings
    subscriptions: SubscriptionRegistry
    log_level: types.LoggingLevel = "info"
    calls: int = 0
    client_name: str | None = None
    tags: dict[str, str] = field(default_factory=dict)

    def wants(self, level: types.LoggingLevel) -> bool:
        return LEVELS.index(level) >= LEVELS.index(self.log_level)
