"""Ops plugin: host status, plugin catalog, logging level and subscriptions."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel.server import Server
from mcp.server.session import ServerSession
from mcp.types import LoggingLevel, ToolAnnotations
from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from pluginhost import catalog, ctxutil
from pluginhost.app import HostState, get_plugins
from pluginhost.plugins import Plugin


class OpsPlugin(Plugin):
    name = "ops"
    version = "1.0.0"

    def __init__(self, config: Any) -> None:
        super().__init__(config)
        self.log_level: LoggingLevel = "info"
        self.subscriptions: set[str] = set()
        self.flaky_calls = 0

    def catalog_entries(self, mcp: FastMCP) -> list[dict[str, Any]]:
        schemas = {tool.name: tool.parameters for tool in mcp._tool_manager.list_tools()}
        entries = [catalog.plugin_entry(p.name, p.version, p.tool_names, schemas) for p in get_plugins()]
        for missing in self.config.plugins.root:
            if missing not in {p.name for p in get_plugins()}:
                entries.append(catalog.error_entry(missing, "not installed"))
        return entries

    def register(self, mcp: FastMCP) -> None:
        plugin = self
        lowlevel: Server[Any, Any] = mcp._mcp_server

        @mcp.tool(title="Host status", annotations=ToolAnnotations(readOnlyHint=True))
        def host_status() -> dict[str, Any]:
            """Report uptime and call counters of the current session."""
            ctx = ctxutil.current_context()
            state: HostState = ctx.request_context.lifespan_context
            loop = asyncio.get_running_loop()
            return {
                "server": ctx.fastmcp.name,
                "request_id": ctx.request_id,
                "uptime": round(time.monotonic() - state.started_at, 3),
                "calls": dict(state.calls),
                "log_level": plugin.log_level,
                "loop_running": loop.is_running(),
            }

        @mcp.tool(title="Plugin catalog", annotations=ToolAnnotations(readOnlyHint=True))
        def plugin_catalog(cursor: str | None = None) -> dict[str, Any]:
            """Page through installed plugins."""
            return catalog.page(plugin.catalog_entries(mcp), cursor, plugin.config.page_size)

        @mcp.tool(title="Who am I")
        async def whoami(ctx: Context[ServerSession, HostState]) -> str:
            return ctxutil.caller_id(ctx)

        @mcp.tool(title="Flaky sleep")
        async def flaky_sleep(seconds: float) -> str:
            """Sleeps on the first call only, to exercise client retries."""
            plugin.flaky_calls += 1
            if plugin.flaky_calls == 1:
                await asyncio.sleep(seconds)
            return f"attempt {plugin.flaky_calls}"

        @mcp.tool(title="Announce tool changes")
        async def announce(ctx: Context[ServerSession, HostState]) -> str:
            await ctxutil.notify_tools_changed(ctx.session)
            await ctxutil.broadcast_log(ctx.session, "notice", {"event": "tools_changed"})
            return "announced"

        @lowlevel.set_logging_level()
        async def set_level(level: LoggingLevel) -> None:
            plugin.log_level = level
            ctx = lowlevel.request_context
            ctx.lifespan_context.client_log_level = level

        @lowlevel.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            plugin.subscriptions.add(str(uri))
            lowlevel.request_context.lifespan_context.subscriptions.add(str(uri))

        @lowlevel.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            plugin.subscriptions.discard(str(uri))
            lowlevel.request_context.lifespan_context.subscriptions.discard(str(uri))

        @mcp.custom_route("/healthz", methods=["GET"])
        async def healthz(request: Request) -> Response:
            return JSONResponse({"status": "ok", "plugins": [p.name for p in get_plugins()]})
