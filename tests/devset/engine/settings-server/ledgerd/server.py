"""Construction of the ledgerd FastMCP server."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon, LoggingLevel

from ledgerd.auth import build_auth
from ledgerd.config import ServerConfig
from ledgerd.store import DEFAULT_CHART, LedgerStore

log = logging.getLogger(__name__)

INSTRUCTIONS = (
    "ledgerd keeps a double-entry ledger. Use `balance` before `post_entry`, "
    "read ledger://accounts to discover account codes, and never post to a closed period."
)

ICON = Icon(src="https://static.example.com/ledgerd.svg", mimeType="image/svg+xml", sizes=["any"])


@dataclasses.dataclass
class AppContext:
    store: LedgerStore
    config: ServerConfig
    started_at: float = dataclasses.field(default_factory=time.monotonic)
    client_log_level: LoggingLevel = "info"

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started_at


def make_lifespan(store: LedgerStore, config: ServerConfig):
    @asynccontextmanager
    async def lifespan(server: FastMCP[AppContext]) -> AsyncIterator[AppContext]:
        await store.open()
        log.debug("%s: store %s opened", server.name, store.url)
        try:
            yield AppContext(store=store, config=config)
        finally:
            await store.close()

    return lifespan


def transport_security_for(config: ServerConfig) -> TransportSecuritySettings | None:
    """Explicit DNS-rebinding settings when the operator configured hosts.

    Returning ``None`` keeps FastMCP's own default, which protects loopback
    binds automatically.
    """
    if not config.allowed_hosts:
        return None
    origins = config.allowed_origins or [f"http://{h}" for h in config.allowed_hosts]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(config.allowed_hosts),
        allowed_origins=origins,
    )


def build_server(config: ServerConfig, store: LedgerStore | None = None) -> FastMCP[AppContext]:
    config.validate()
    if store is None:
        store = LedgerStore(config.database_url).seed(DEFAULT_CHART)
    auth, verifier = build_auth(config)

    mcp = FastMCP(
        config.name,
        INSTRUCTIONS,
        "https://ledgerd.example.com",
        [ICON],
        token_verifier=verifier,
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
        lifespan=make_lifespan(store, config),
        auth=auth,
        transport_security=transport_security_for(config),
        warn_on_duplicate_tools=config.debug,
    )

    # Imported here so the registration modules can import AppContext from us.
    from ledgerd.prompts import register_prompts
    from ledgerd.resources import register_resources
    from ledgerd.tools import register_tools

    register_tools(mcp)
    register_resources(mcp, store)
    register_prompts(mcp)

    lowlevel = mcp._mcp_server

    @lowlevel.set_logging_level()
    async def set_client_log_level(level: LoggingLevel) -> None:
        ctx = lowlevel.request_context
        app: AppContext = ctx.lifespan_context
        app.client_log_level = level
        log.info("client %s asked for %s logs", ctx.request_id, level)

    return mcp


def reconfigure(mcp: FastMCP[AppContext], config: ServerConfig) -> None:
    """Apply late overrides (from the CLI) to an already constructed server."""
    mcp.settings.host = config.host
    mcp.settings.port = config.port
    mcp.settings.mount_path = config.mount_path
    mcp.settings.sse_path = config.sse_path
    mcp.settings.message_path = config.message_path
    mcp.settings.streamable_http_path = config.streamable_http_path
    mcp.settings.json_response = config.json_response
    mcp.settings.stateless_http = config.stateless_http
    mcp.settings.debug = config.debug
    mcp.settings.log_level = config.log_level
