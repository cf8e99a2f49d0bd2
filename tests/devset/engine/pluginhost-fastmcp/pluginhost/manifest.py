"""Build a JSON manifest of everything a host exposes, by talking to it as a client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import anyio
import mcp.types as types
from mcp import ClientSession
from mcp.server.fastmcp import FastMCP
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION, Cursor

from pluginhost import __version__

CLIENT_INFO = types.Implementation(name="pluginhost-manifest", version=__version__)


@asynccontextmanager
async def open_session(
    app: FastMCP, timeout: timedelta = timedelta(seconds=10)
) -> AsyncIterator[tuple[ClientSession, types.InitializeResult]]:
    server = app._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: server.run(server_streams[0], server_streams[1], server.create_initialization_options())
            )
            async with ClientSession(
                client_streams[0], client_streams[1], read_timeout_seconds=timeout, client_info=CLIENT_INFO
            ) as session:
                init = await session.initialize()
                yield session, init
            tg.cancel_scope.cancel()


async def all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools


async def all_resources(session: ClientSession) -> list[types.Resource]:
    resources: list[types.Resource] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        if not page.nextCursor:
            return resources
        cursor = page.nextCursor


def tool_entry(tool: types.Tool) -> dict[str, Any]:
    ann = tool.annotations
    return {
        "name": tool.name,
        "title": tool.title,
        "params": sorted(tool.inputSchema.get("properties", {})),
        "required": tool.inputSchema.get("required", []),
        "structured": tool.outputSchema is not None,
        "readOnly": bool(ann and ann.readOnlyHint),
        "destructive": bool(ann and ann.destructiveHint),
        "plugin": (tool.meta or {}).get("plugin"),
    }


def resource_entry(resource: types.Resource) -> dict[str, Any]:
    return {
        "name": resource.name,
        "uri": str(resource.uri),
        "scheme": resource.uri.scheme,
        "mimeType": resource.mimeType,
        "local": resource.uri.scheme == "file",
    }


async def build_manifest(session: ClientSession, init: types.InitializeResult) -> dict[str, Any]:
    caps = session.get_server_capabilities()
    templates = await session.list_resource_templates()
    prompts = await session.list_prompts()
    tools = await all_tools(session)
    version = init.protocolVersion
    return {
        "server": init.serverInfo.model_dump(exclude_none=True),
        "protocolVersion": version,
        "latestProtocol": version == LATEST_PROTOCOL_VERSION,
        "supported": version in SUPPORTED_PROTOCOL_VERSIONS,
        "instructions": init.instructions,
        "capabilities": {
            "tools": bool(caps and caps.tools),
            "toolsListChanged": bool(caps and caps.tools and caps.tools.listChanged),
            "logging": bool(caps and caps.logging is not None),
            "completions": bool(caps and caps.completions is not None),
        },
        "tools": [tool_entry(t) for t in sorted(tools, key=lambda t: t.name)],
        "resources": [resource_entry(r) for r in await all_resources(session)],
        "templates": sorted(t.uriTemplate for t in templates.resourceTemplates),
        "prompts": {p.name: [a.name for a in p.arguments or []] for p in prompts.prompts},
        "raw_tools": [t.model_dump(exclude_none=True) for t in tools],
    }


async def manifest_for(app: FastMCP) -> dict[str, Any]:
    async with open_session(app) as (session, init):
        return await build_manifest(session, init)
