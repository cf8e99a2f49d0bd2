"""Builds the opsdeck FastMCP server from settings."""

from __future__ import annotations

import logging

import httpx
from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings
from mcp.types import Icon, LoggingLevel
from pydantic import AnyUrl

from opsdeck.config import DeckSettings
from opsdeck.inventory import ClusterInventory
from opsdeck.prompts import register_prompts
from opsdeck.resources import register_resources
from opsdeck.state import AppState, make_lifespan
from opsdeck.tools import register_tools

log = logging.getLogger(__name__)

INSTRUCTIONS = """\
opsdeck gives read access to the cluster, CI runs and alerts, plus a few guarded
write actions (scale, rollout restart, re-run pipeline, silence alert).
Always read ops://cluster/summary first. Disruptive tools ask the operator to
confirm before doing anything."""


def _transport_security(settings: DeckSettings) -> TransportSecuritySettings | None:
    if not settings.allowed_hosts:
        return None
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=list(settings.allowed_hosts),
        allowed_origins=[f"https://{host}" for host in settings.allowed_hosts],
    )


def build_server(
    settings: DeckSettings | None = None,
    *,
    inventory: ClusterInventory | None = None,
    webhook_transport: httpx.AsyncBaseTransport | None = None,
) -> FastMCP[AppState]:
    settings = settings or DeckSettings()
    mcp = FastMCP(
        settings.name,
        INSTRUCTIONS,
        website_url="https://opsdeck.internal",
        icons=[Icon(src="https://opsdeck.internal/static/deck.svg", mimeType="image/svg+xml", sizes=["any"])],
        debug=settings.log_level == "DEBUG",
        log_level=settings.log_level,
        host=settings.host,
        port=settings.port,
        mount_path=settings.mount_path,
        sse_path=settings.sse_path,
        message_path=settings.message_path,
        streamable_http_path=settings.streamable_http_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless_http,
        transport_security=_transport_security(settings),
        lifespan=make_lifespan(settings, inventory, webhook_transport),
    )
    register_tools(mcp)
    register_resources(mcp)
    register_prompts(mcp)
    _register_protocol_hooks(mcp)
    log.debug("opsdeck configured for %s:%s (%s)", mcp.settings.host, mcp.settings.port, settings.transport)
    return mcp


def _register_protocol_hooks(mcp: FastMCP[AppState]) -> None:
    """Handlers FastMCP has no decorator for: log level and resource subscriptions."""
    lowlevel = mcp._mcp_server

    def state() -> AppState:
        return lowlevel.request_context.lifespan_context

    @lowlevel.set_logging_level()
    async def on_set_level(level: LoggingLevel) -> None:
        state().log_level = level
        logging.getLogger("opsdeck").setLevel(level.upper() if level != "notice" else "INFO")

    @lowlevel.subscribe_resource()
    async def on_subscribe(uri: AnyUrl) -> None:
        state().subscriptions.add(str(uri))

    @lowlevel.unsubscribe_resource()
    async def on_unsubscribe(uri: AnyUrl) -> None:
        state().subscriptions.discard(str(uri))
