"""Server factory and the process-wide accessor used by the CLI and ASGI entry points."""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TypeAlias

import anyio
from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp.server.fastmcp import Context, FastMCP, Icon
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import LoggingLevel

from warehouse import __version__
from warehouse.config import WarehouseConfig
from warehouse.pool import ConnectionPool

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "You are connected to the analytics warehouse. Use `list_tables` and the schema resources "
    "before writing SQL, run read-only queries with `run_query`, and ask before exporting data."
)

_LEVELS: tuple[LoggingLevel, ...] = ("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")


class SubscriptionRegistry:
    """Which client sessions want `resources/updated` for which URI."""

    def __init__(self) -> None:
        self._by_uri: dict[str, set[ServerSession]] = {}

    def add(self, uri: AnyUrl, session: ServerSession) -> None:
        self._by_uri.setdefault(str(uri), set()).add(session)

    def remove(self, uri: AnyUrl, session: ServerSession) -> None:
        self._by_uri.get(str(uri), set()).discard(session)

    async def publish(self, uri: str) -> int:
        delivered = 0
        for session in list(self._by_uri.get(uri, ())):
            try:
                await session.send_resource_updated(AnyUrl(uri))
                delivered += 1
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                logger.info("dropping closed subscriber for %s", uri)
                self.remove(AnyUrl(uri), session)
        return delivered

    def __len__(self) -> int:
        return sum(len(s) for s in self._by_uri.values())


@dataclass
class WarehouseState:
    config: WarehouseConfig
    pool: ConnectionPool
    subscriptions: SubscriptionRegistry
    client_log_level: LoggingLevel = "info"
    audit: list[str] = field(default_factory=list)

    def should_log(self, level: LoggingLevel) -> bool:
        return _LEVELS.index(level) >= _LEVELS.index(self.client_log_level)


WarehouseServer: TypeAlias = FastMCP[WarehouseState]
WarehouseContext: TypeAlias = Context[ServerSession, WarehouseState]


def _transport_security(config: WarehouseConfig) -> TransportSecuritySettings | None:
    if not config.allowed_hosts:
        return None  # FastMCP picks localhost-only protection for loopback binds
    origins = [f"{scheme}://{host}" for host in config.allowed_hosts for scheme in ("http", "https")]
    return TransportSecuritySettings(allowed_hosts=list(config.allowed_hosts), allowed_origins=origins)


def create_server(config: WarehouseConfig | None = None) -> WarehouseServer:
    """Build a fully wired warehouse server for ``config``."""
    config = config or WarehouseConfig()
    registry = SubscriptionRegistry()

    @asynccontextmanager
    async def lifespan(server: WarehouseServer) -> AsyncIterator[WarehouseState]:
        pool = ConnectionPool(config.dsn, size=config.pool_size)
        await pool.open()
        try:
            yield WarehouseState(config=config, pool=pool, subscriptions=registry)
        finally:
            await pool.close()

    mcp: WarehouseServer = FastMCP(
        config.name,
        INSTRUCTIONS,
        config.website_url,
        [Icon(src="https://static.example.com/warehouse.svg", mimeType="image/svg+xml", sizes=["any"])],
        debug=config.debug,
        log_level=config.log_level,
        host=config.host,
        port=config.port,
        mount_path=config.mount_path,
        sse_path=config.sse_path,
        message_path=config.message_path,
        streamable_http_path=config.streamable_http_path,
        json_response=config.json_response,
        stateless_http=config.stateless_http,
        transport_security=_transport_security(config),
        lifespan=lifespan,
    )
    mcp._mcp_server.version = __version__

    lowlevel = mcp._mcp_server

    @lowlevel.subscribe_resource()
    async def _subscribe(uri: AnyUrl) -> None:
        ctx = lowlevel.request_context
        ctx.lifespan_context.subscriptions.add(uri, ctx.session)

    @lowlevel.unsubscribe_resource()
    async def _unsubscribe(uri: AnyUrl) -> None:
        ctx = lowlevel.request_context
        ctx.lifespan_context.subscriptions.remove(uri, ctx.session)

    @lowlevel.set_logging_level()
    async def _set_level(level: LoggingLevel) -> None:
        state = lowlevel.request_context.lifespan_context
        state.client_log_level = level
        state.audit.append(f"log-level:{level}")

    @mcp.custom_route("/status", methods=["GET"])
    async def status(request: Request) -> Response:
        return JSONResponse(
            {
                "server": mcp.name,
                "version": __version__,
                "subscriptions": len(registry),
                "config": config.to_public_dict(),
            }
        )

    from warehouse import catalog, prompts, tools

    tools.register(mcp)
    catalog.register(mcp, manifest=config.manifest_path)
    prompts.register(mcp)
    return mcp


_active_config: WarehouseConfig | None = None


def use_config(config: WarehouseConfig) -> None:
    """Select the configuration the shared server is built from (drops any cached server)."""
    global _active_config
    _active_config = config
    get_server.cache_clear()


@functools.lru_cache(maxsize=1)
def get_server() -> WarehouseServer:
    """The process-wide server instance."""
    return create_server(_active_config or WarehouseConfig.from_env())
