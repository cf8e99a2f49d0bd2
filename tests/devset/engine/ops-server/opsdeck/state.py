"""Lifespan state shared by every request on a connection."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx
from mcp.server.fastmcp import FastMCP

from opsdeck.config import DeckSettings
from opsdeck.inventory import ClusterInventory, demo_inventory
from opsdeck.notify import WebhookNotifier


@dataclass
class AuditEntry:
    actor: str
    action: str
    target: str
    detail: str = ""
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


@dataclass
class AppState:
    settings: DeckSettings
    inventory: ClusterInventory
    notifier: WebhookNotifier
    audit: list[AuditEntry] = field(default_factory=list)
    subscriptions: set[str] = field(default_factory=set)
    log_level: str = "info"
    started: float = field(default_factory=time.monotonic)

    def record(self, actor: str | None, action: str, target: str, detail: str = "") -> AuditEntry:
        entry = AuditEntry(actor=actor or "anonymous", action=action, target=target, detail=detail)
        self.audit.append(entry)
        return entry


Lifespan = Callable[[FastMCP["AppState"]], AbstractAsyncContextManager[AppState]]


def make_lifespan(
    settings: DeckSettings,
    inventory: ClusterInventory | None = None,
    webhook_transport: httpx.AsyncBaseTransport | None = None,
) -> Lifespan:
    """Build the FastMCP lifespan; ``inventory`` lets callers share one cluster model."""

    @asynccontextmanager
    async def lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
        notifier = WebhookNotifier(url=settings.webhook_url, transport=webhook_transport)
        await notifier.start()
        state = AppState(
            settings=settings,
            inventory=inventory if inventory is not None else demo_inventory(settings.cluster),
            notifier=notifier,
        )
        try:
            yield state
        finally:
            await notifier.close()

    return lifespan
