"""Lifespan state shared by all handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from mcp.server.session import ServerSession

LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class Service:
    name: str
    status: str = "running"
    restarts: int = 0
    log: list[str] = field(default_factory=list)


@dataclass
class LifespanState:
    services: dict[str, Service]
    runbooks: dict[str, str]
    # resource uri -> sessions that subscribed to it
    subscribers: dict[str, set[ServerSession]] = field(default_factory=dict)
    log_level: str = "info"

    def should_log(self, level: str) -> bool:
        return LEVELS.index(level) >= LEVELS.index(self.log_level)


def seed_services() -> dict[str, Service]:
    return {
        name: Service(name, log=[f"{name} started", f"{name} healthy"])
        for name in ("api", "worker", "billing")
    }


@asynccontextmanager
async def ops_lifespan(server: Any) -> AsyncIterator[LifespanState]:
    state = LifespanState(
        services=seed_services(),
        runbooks={
            "restart": "1. Drain traffic\n2. Restart\n3. Verify health",
            "rollback": "1. Pick previous release\n2. Deploy\n3. Announce",
        },
    )
    try:
        yield state
    finally:
        state.subscribers.clear()
