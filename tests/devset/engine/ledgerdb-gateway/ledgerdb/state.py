"""Per-connection state created by the server lifespan, plus resource subscriptions."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

import anyio
from pydantic import AnyUrl
from starlette.requests import Request

from mcp.server.lowlevel import Server
from mcp.server.session import ServerSession
from mcp.types import LoggingLevel

from ledgerdb.config import GatewaySettings
from ledgerdb.store import LedgerStore

logger = logging.getLogger(__name__)

LOG_LEVELS: list[LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


class SubscriptionRegistry:
    """Which sessions asked to be told about which resource URIs."""

    def __init__(self) -> None:
        self._sessions: dict[str, set[ServerSession]] = defaultdict(set)

    def subscribe(self, uri: AnyUrl, session: ServerSession) -> None:
        self._sessions[str(uri)].add(session)

    def unsubscribe(self, uri: AnyUrl, session: ServerSession) -> bool:
        sessions = self._sessions.get(str(uri))
        if not sessions or session not in sessions:
            return False
        sessions.discard(session)
        return True

    def subscribers(self, uri: AnyUrl) -> int:
        return len(self._sessions.get(str(uri), ()))

    def forget(self, session: ServerSession) -> None:
        for sessions in self._sessions.values():
            sessions.discard(session)

    async def publish(self, uris: Iterable[AnyUrl]) -> int:
        sent = 0
        for uri in uris:
            for session in list(self._sessions.get(str(uri), ())):
                try:
                    await session.send_resource_updated(uri)
                    sent += 1
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    logger.debug("dropping closed subscriber for %s", uri)
                    self.forget(session)
        return sent


@dataclass
class LedgerState:
    store: LedgerStore
    settings: GatewaySettings
    subscriptions: SubscriptionRegistry
    log_level: LoggingLevel = "info"

    def wants(self, level: LoggingLevel) -> bool:
        return LOG_LEVELS.index(level) >= LOG_LEVELS.index(self.log_level)


LedgerLifespan = Callable[[Server[LedgerState, Request]], AbstractAsyncContextManager[LedgerState]]


def make_lifespan(settings: GatewaySettings, registry: SubscriptionRegistry) -> LedgerLifespan:
    @asynccontextmanager
    async def lifespan(server: Server[LedgerState, Request]) -> AsyncIterator[LedgerState]:
        store = LedgerStore.open(settings.database, seed=settings.seed_demo_data)
        logger.info("%s opened %s", server.name, settings.database)
        try:
            yield LedgerState(store=store, settings=settings, subscriptions=registry)
        finally:
            store.close()

    return lifespan
