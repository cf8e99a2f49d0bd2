"""Re-export what a MultiServerMCPClient is connected to as one MCP server.

``build_gateway_server`` proxies tools and resources to the downstream sessions;
``build_status_server`` is a small FastMCP app reporting on the connections.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.exceptions import McpError

from .resources import contents_to_blob
from .sessions import MultiServerMCPClient, RemoteNotification
from .settings import GatewaySettings

logger = logging.getLogger(__name__)

GATEWAY_VERSION = "0.6.2"


class GatewayRoutes:
    """Maps exported names back to (server, remote name)."""

    def __init__(self, separator: str = "__") -> None:
        self.separator = separator
        self.tools: dict[str, tuple[str, str]] = {}
        self.resources: dict[str, str] = {}

    def export(self, server: str, name: str) -> str:
        return f"{server}{self.separator}{name}"


def build_gateway_server(client: MultiServerMCPClient, *, separator: str = "__") -> Server[Any, Any]:
    server = Server(
        "toolbridge-gateway",
        GATEWAY_VERSION,
        instructions="Tools from several MCP servers, prefixed with the server name.",
    )
    routes = GatewayRoutes(separator)

    async def list_tools() -> list[types.Tool]:
        exported: list[types.Tool] = []
        for server_name, tools in (await client.list_all_tools()).items():
            for tool in tools:
                name = routes.export(server_name, tool.name)
                routes.tools[name] = (server_name, tool.name)
                exported.append(tool.model_copy(update={"name": name}))
        return exported

    server.list_tools()(list_tools)

    @server.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        if name not in routes.tools:
            await list_tools()
        if name not in routes.tools:
            raise ValueError(f"Unknown tool: {name}")
        server_name, remote_name = routes.tools[name]
        ctx = server.request_context
        token = ctx.meta.progressToken if ctx.meta is not None else None

        async def forward_progress(progress: float, total: float | None, message: str | None) -> None:
            if token is not None:
                await ctx.session.send_progress_notification(
                    token, progress, total, message, related_request_id=str(ctx.request_id)
                )

        session = client.get_session(server_name)
        return await session.call_tool(
            remote_name,
            arguments,
            progress_callback=forward_progress if token is not None else None,
        )

    async def list_resources() -> list[types.Resource]:
        exported: list[types.Resource] = []
        for server_name in client.server_names:
            handle = client.handle(server_name)
            if handle.capabilities.resources is None:
                continue
            listing = await handle.session.list_resources()
            for resource in listing.resources:
                routes.resources[str(resource.uri)] = server_name
                exported.append(resource)
        return exported

    server.list_resources()(list_resources)

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        key = str(uri)
        if key not in routes.resources:
            await list_resources()
        server_name = routes.resources.get(key)
        if server_name is None:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown resource: {uri}"))
        result = await client.get_session(server_name).read_resource(uri)
        contents: list[ReadResourceContents] = []
        for item in result.contents:
            blob = contents_to_blob(item)
            contents.append(ReadResourceContents(content=blob.data, mime_type=blob.mime_type))
        return contents

    async def _relay_tool_changes(server_name: str, notification: RemoteNotification) -> None:
        if isinstance(notification, types.ToolListChangedNotification):
            routes.tools = {k: v for k, v in routes.tools.items() if v[0] != server_name}

    client.add_listener(_relay_tool_changes)
    return server


def build_status_server(client: MultiServerMCPClient, settings: GatewaySettings | None = None) -> FastMCP:
    settings = settings or GatewaySettings()
    security = None
    if settings.allowed_hosts:
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=settings.allowed_hosts,
        )
    status = FastMCP(
        f"{settings.name}-status",
        "Reports which downstream MCP servers are connected and what they offer.",
        host=settings.host,
        port=settings.port,
        sse_path=settings.sse_path,
        message_path=settings.message_path,
        streamable_http_path=settings.streamable_http_path,
        json_response=settings.json_response,
        stateless_http=settings.stateless_http,
        log_level=settings.log_level,
        transport_security=security,
    )

    @status.tool(annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False))
    async def list_servers(ctx: Context[ServerSession, None]) -> dict[str, Any]:
        """List the connected downstream servers."""
        await ctx.info(f"{ctx.fastmcp.name}: {len(client.server_names)} server(s) connected")
        servers: dict[str, Any] = {}
        for name in client.server_names:
            handle = client.handle(name)
            servers[name] = {
                "server": handle.label,
                "protocol": str(handle.protocol_version),
                "tools": handle.supports_tools,
                "subscriptions": handle.supports_subscriptions,
            }
        return {"servers": servers, "requested_by": ctx.client_id}

    @status.tool()
    def tool_count(server: str) -> int:
        """Number of cached tools for one server (0 when not yet listed)."""
        ctx = status.get_context()
        logger.debug("tool_count called in request %s", ctx.request_id)
        return len(client.cached_tools(server))

    @status.resource("status://servers/{name}", mime_type="application/json")
    def server_status(name: str) -> dict[str, Any]:
        handle = client.handle(name)
        return {
            "name": handle.server_info.name,
            "version": handle.server_info.version,
            "instructions": handle.instructions,
        }

    return status

