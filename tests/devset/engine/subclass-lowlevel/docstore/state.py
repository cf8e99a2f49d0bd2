"""Per-connection application state and the server lifespan."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field

import mcp.types as types
from mcp.server.lowlevel import Server
from starlette.requests import Request

from docstore.settings import ServerSettings
from docstore.storage import DocumentStore
from docstore.subscriptions import SubscriptionRegistry

logger = logging.getLogger(__name__)

Lifespan = Callable[[Server["AppState", Request]], AbstractAsyncContextManager["AppState"]]


@dataclass
class AppState:
    store: DocumentStore
    registry: SubscriptionRegistry
    settings: ServerSettings
    started_at: float = field(default_factory=time.monotonic)
    log_level: types.LoggingLevel = "info"
    client_progress: dict[types.ProgressToken, float] = field(default_factory=dict)
    roots_changed: int = 0
    imports_run: int = 0

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started_at

    def should_log(self, level: types.LoggingLevel) -> bool:
        order: list[types.LoggingLevel] = [
            "debug",
            "info",
            "notice",
            "warning",
            "error",
            "critical",
            "alert",
            "emergency",
        ]
        return order.index(level) >= order.index(self.log_level)


def make_lifespan(store: DocumentStore, registry: SubscriptionRegistry, settings: ServerSettings) -> Lifespan:
    """Build the lifespan used by :class:`docstore.server.DocServer`.

    The store and subscription registry are owned by the server object and
    shared by every connection; each connection gets its own ``AppState``.
    """

    @asynccontextmanager
    async def lifespan(server: Server[AppState, Request]) -> AsyncIterator[AppState]:
        state = AppState(store=store, registry=registry, settings=settings)
        logger.info("%s %s: connection opened (%d documents)", server.name, server.version, len(store))
        try:
            yield state
        finally:
            dropped = registry.prune_closed()
            logger.info(
                "%s: connection closed after %.2fs (%d stale subscriptions pruned)",
                server.name,
                state.uptime,
                dropped,
            )

    return lifespan
