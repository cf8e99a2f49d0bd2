"""The downstream-facing lowlevel MCP server."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import AnyUrl
from starlette.requests import Request

from mcp import types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT

from gateway.upstreams import UpstreamPool

logger = logging.getLogger(__name__)


@dataclass
class GatewayState:
    pool: UpstreamPool


def progress_forwarder(ctx: RequestContext[ServerSession, GatewayState, Request]) -> ProgressFnT | None:
    token = ctx.meta.progressToken if ctx.meta else None
    if token is None:
        return None

    async def forward(progress: float, total: float | None, message: str | None) -> None:
        await ctx.session.send_progress_notification(token, progress, total, message, str(ctx.request_id))

    return forward


def build_server(pool: UpstreamPool, *, name: str = "mcp-gateway", version: str = "0.5.0") -> Server[GatewayState, Request]:
    @asynccontextmanager
    async def lifespan(_: Server[GatewayState, Request]) -> AsyncIterator[GatewayState]:
        yield GatewayState(pool=pool)

    instructions = f"Gateway to: {', '.join(sorted(pool.sessions))}. Tool names are prefixed with the server name."
    server: Server[GatewayState, Request] = Server(name, version, instructions, lifespan=lifespan)

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        pool.relay.downstream.add(server.request_context.session)
        return [tool.model_copy(update={"name": qualified}) for qualified, tool in pool.group.tools.items()]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        ctx = server.request_context
        if name not in pool.group.tools:
            raise ValueError(f"Unknown tool: {name}")
        timeout = timedelta(seconds=pool.call_timeout)
        return await pool.group.call_tool(
            name, args=arguments, read_timeout_seconds=timeout, progress_callback=progress_forwarder(ctx)
        )

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        resources: list[types.Resource] = []
        for session in pool.sessions.values():
            for resource in (await session.list_resources()).resources:
                pool.resource_owners[str(resource.uri)] = session
                resources.append(resource)
        return resources

    @server.list_resource_templates()
    async def list_resource_templates() -> list[types.ResourceTemplate]:
        templates: list[types.ResourceTemplate] = []
        for session in pool.sessions.values():
            templates.extend((await session.list_resource_templates()).resourceTemplates)
        return templates

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        result = await pool.owner_of(uri).read_resource(uri)
        return [
            ReadResourceContents(content=item.text, mime_type=item.mimeType)
            if isinstance(item, types.TextResourceContents)
            else ReadResourceContents(content=base64.b64decode(item.blob), mime_type=item.mimeType)
            for item in result.contents
        ]

    @server.subscribe_resource()
    async def subscribe_resource(uri: AnyUrl) -> None:
        await pool.owner_of(uri).subscribe_resource(uri)
        pool.relay.subscribers[str(uri)].add(server.request_context.session)

    @server.list_prompts()
    async def list_prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:
        prompts: list[types.Prompt] = []
        for upstream, session in pool.sessions.items():
            result = await session.list_prompts()
            prompts.extend(p.model_copy(update={"name": f"{upstream}.{p.name}"}) for p in result.prompts)
        return types.ListPromptsResult(prompts=prompts, nextCursor=None)

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        prompt_name, session = pool.split(name)
        return await session.get_prompt(prompt_name, arguments)

    @server.set_logging_level()
    async def set_logging_level(level: types.LoggingLevel) -> None:
        for session in pool.sessions.values():
            capabilities = session.get_server_capabilities()
            if capabilities and capabilities.logging is not None:
                await session.set_logging_level(level)

    @server.progress_notification()
    async def on_client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        logger.debug("client progress %s: %s/%s %s", token, progress, total, message or "")

    async def ping(request: types.PingRequest) -> types.ServerResult:
        for upstream, session in pool.sessions.items():
            try:
                await session.send_ping()
            except McpError as exc:
                logger.warning("upstream %s failed ping: %s", upstream, exc.error.message)
        return types.ServerResult(types.EmptyResult())

    server.request_handlers[types.PingRequest] = ping
    return server
