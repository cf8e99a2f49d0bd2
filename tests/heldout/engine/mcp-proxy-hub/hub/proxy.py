"""The downstream-facing low-level server that forwards to upstreams."""

from __future__ import annotations

import logging
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.shared.exceptions import McpError
from mcp.types import INTERNAL_ERROR, METHOD_NOT_FOUND, ErrorData
from pydantic import AnyUrl

from .upstreams import Upstreams

logger = logging.getLogger(__name__)


def build_proxy(name: str, upstreams: Upstreams) -> tuple[Server, InitializationOptions]:
    server: Server = Server(name)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return upstreams.tools

    @server.call_tool(validate_input=False)
    async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        if name not in upstreams.group.tools:
            raise McpError(ErrorData(code=METHOD_NOT_FOUND, message=f"no upstream tool {name}"))
        ctx = server.request_context
        await ctx.session.send_log_message(
            level="debug",
            data={"tool": name, "request": ctx.request_id},
            logger="hub",
            related_request_id=ctx.request_id,
        )
        try:
            return await upstreams.call(name, arguments)
        except McpError:
            raise
        except Exception as exc:
            logger.exception("upstream call %s failed", name)
            raise McpError(ErrorData(code=INTERNAL_ERROR, message=f"upstream failure: {exc}")) from exc

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return upstreams.resources

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> str | bytes:
        result = await upstreams.read(str(uri))
        first = result.contents[0]
        if isinstance(first, types.TextResourceContents):
            return first.text
        import base64

        return base64.b64decode(first.blob)

    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        return list(upstreams.group.prompts.values())

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        for session in upstreams.group.sessions:
            listing = await session.list_prompts()
            if any(p.name == name for p in listing.prompts):
                return await session.get_prompt(name, arguments)
        raise McpError(ErrorData(code=types.INVALID_PARAMS, message=f"unknown prompt {name}"))

    options = InitializationOptions(
        server_name=name,
        server_version="0.9.0",
        capabilities=server.get_capabilities(
            notification_options=NotificationOptions(tools_changed=True),
            experimental_capabilities={"hub": {"upstreams": len(upstreams.specs)}},
        ),
    )
    return server, options


async def announce_tools_changed(server: Server) -> None:
    """Tell the downstream client to re-list tools (after an upstream reconnects)."""
    session = server.request_context.session
    await session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
