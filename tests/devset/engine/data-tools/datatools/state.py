"""Per-connection state shared by the tool, resource and prompt handlers."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import anyio
from pydantic import AnyUrl

from mcp.server.fastmcp import Context
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, LoggingLevel

from datatools.config import ServerConfig
from datatools.store import Dataset, DatasetNotFound, DatasetStore

logger = logging.getLogger(__name__)

LEVEL_ORDER: dict[LoggingLevel, int] = {
    "debug": 10,
    "info": 20,
    "notice": 25,
    "warning": 30,
    "error": 40,
    "critical": 50,
    "alert": 60,
    "emergency": 70,
}


def dataset_uri(name: str, view: str = "csv") -> str:
    return f"dataset://{name}/{view}"


class SubscriptionBook:
    """Tracks which sessions asked to be told about which resource URIs."""

    def __init__(self) -> None:
        self._by_uri: defaultdict[str, set[ServerSession]] = defaultdict(set)

    def add(self, uri: AnyUrl, session: ServerSession) -> None:
        self._by_uri[str(uri)].add(session)

    def discard(self, uri: AnyUrl, session: ServerSession) -> None:
        self._by_uri[str(uri)].discard(session)

    def watched(self) -> list[str]:
        return sorted(uri for uri, sessions in self._by_uri.items() if sessions)

    async def notify(self, *uris: str) -> int:
        sent = 0
        for uri in uris:
            for session in list(self._by_uri.get(uri, ())):
                try:
                    await session.send_resource_updated(AnyUrl(uri))
                    sent += 1
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    logger.info("dropping closed subscriber for %s", uri)
                    self._by_uri[uri].discard(session)
        return sent


@dataclass
class AppState:
    store: DatasetStore
    config: ServerConfig
    subscriptions: SubscriptionBook = field(default_factory=SubscriptionBook)
    log_level: LoggingLevel = "info"

    def dataset(self, name: str) -> Dataset:
        try:
            return self.store.get(name)
        except DatasetNotFound as exc:
            raise McpError(
                ErrorData(
                    code=INVALID_PARAMS,
                    message=f"Unknown dataset: {name}",
                    data={"dataset": name, "available": exc.available},
                )
            ) from None


DataContext = Context[ServerSession, AppState]


def state_of(ctx: DataContext) -> AppState:
    return ctx.request_context.lifespan_context


async def emit(ctx: DataContext, level: LoggingLevel, message: str) -> None:
    """Forward a log line to the client, honouring the level it asked for."""
    state = state_of(ctx)
    if LEVEL_ORDER[level] < LEVEL_ORDER[state.log_level]:
        return
    if level in ("debug", "info", "warning", "error"):
        await ctx.log(level=level, message=message, logger_name="datatools")
    else:
        await ctx.session.send_log_message(
            level=level, data=message, logger="datatools", related_request_id=ctx.request_id
        )
