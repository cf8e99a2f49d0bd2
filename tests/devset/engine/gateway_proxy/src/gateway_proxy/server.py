"""The downstream-facing lowlevel server."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import anyio
from mcp import types as T
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from gateway_proxy.config import GatewayConfig
from gateway_proxy.naming import describe, join_name, split_name
from gateway_proxy.upstream import Upstream, UpstreamPool

log = logging.getLogger(__name__)


@dataclass
class GatewayState:
    """Mutable routing state shared by all handlers."""

    pool: UpstreamPool
    config: GatewayConfig
    resource_routes: dict[str, str] = field(default_factory=dict)
    downstream: set[ServerSession] = field(default_factory=set)
    call_timeout: timedelta = timedelta(seconds=60)

    def remember(self, session: ServerSession) -> None:
        self.downstream.add(session)

    async def broadcast(self, upstream: str, notification: T.ServerNotification) -> None:
        """Relay an upstream notification to every downstream client we have seen."""
        inner = notification.root
        dead: list[ServerSession] = []
        for session in list(self.downstream):
            try:
                if isinstance(inner, T.ResourceUpdatedNotification):
                    await session.send_resource_updated(inner.params.uri)
                elif isinstance(inner, T.ResourceListChangedNotification):
                    await session.send_resource_list_changed()
                elif isinstance(inner, T.ToolListChangedNotification):
                    await session.send_tool_list_changed()
                elif isinstance(inner, T.PromptListChangedNotification):
                    await session.send_prompt_list_changed()
                elif isinstance(inner, T.LoggingMessageNotification):
                    await session.send_log_message(
                        level=inner.params.level,
                        data=inner.params.data,
                        logger=f"{upstream}/{inner.params.logger or 'root'}",
                    )
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                dead.append(session)
        for session in dead:
            self.downstream.discard(session)


def _to_contents(item: T.TextResourceContents | T.BlobResourceContents) -> ReadResourceContents:
    if isinstance(item, T.TextResourceContents):
        return ReadResourceContents(content=item.text, mime_type=item.mimeType)
    return ReadResourceContents(content=base64.b64decode(item.blob), mime_type=item.mimeType)


def build_gateway(state: GatewayState) -> Server[Any, Any]:
    sep = state.config.separator
    server: Server[Any, Any] = Server(state.config.name, "0.3.0")

    def route(qualified: str) -> tuple[Upstream, str]:
        upstream_name, name = split_name(qualified, sep)
        return state.pool.get(upstream_name), name

    def track() -> None:
        state.remember(server.request_context.session)

    @server.list_tools()
    async def list_tools() -> list[T.Tool]:
        track()
        exported: list[T.Tool] = []
        for upstream in state.pool.upstreams.values():
            if not upstream.has_tools:
                continue
            for tool in await upstream.all_tools():
                exported.append(
                    T.Tool(
                        name=join_name(upstream.name, tool.name, sep),
                        title=tool.title,
                        description=describe(upstream.name, tool.description),
                        inputSchema=tool.inputSchema,
                        outputSchema=tool.outputSchema,
                        annotations=tool.annotations,
                    )
                )
        return exported

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> T.CallToolResult:
        track()
        upstream, tool_name = route(name)
        try:
            result = await upstream.session.call_tool(tool_name, arguments, read_timeout_seconds=state.call_timeout)
        except McpError as exc:
            if exc.error.code == 408:
                raise RuntimeError(f"{upstream.name} timed out running {tool_name}") from exc
            raise
        if result.isError:
            log.info("upstream %s reported an error for %s", upstream.name, tool_name)
        return result

    @server.list_resources()
    async def list_resources() -> list[T.Resource]:
        track()
        out: list[T.Resource] = []
        for upstream in state.pool.upstreams.values():
            if not upstream.has_resources:
                continue
            for resource in await upstream.all_resources():
                state.resource_routes[str(resource.uri)] = upstream.name
                out.append(resource)
        return out

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        track()
        owner = state.resource_routes.get(str(uri))
        if owner is None:
            if uri.scheme and uri.scheme in state.pool.upstreams:
                owner = uri.scheme
            else:
                raise McpError(T.ErrorData(code=T.INVALID_PARAMS, message=f"No upstream serves {uri}"))
        result = await state.pool.get(owner).session.read_resource(uri)
        return [_to_contents(c) for c in result.contents]

    @server.list_prompts()
    async def list_prompts() -> list[T.Prompt]:
        prompts: list[T.Prompt] = []
        for upstream in state.pool.upstreams.values():
            if not upstream.has_prompts:
                continue
            for prompt in await upstream.all_prompts():
                prompts.append(
                    prompt.model_copy(
                        update={
                            "name": join_name(upstream.name, prompt.name, sep),
                            "description": describe(upstream.name, prompt.description),
                        }
                    )
                )
        return prompts

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> T.GetPromptResult:
        upstream, prompt_name = route(name)
        return await upstream.session.get_prompt(prompt_name, arguments)

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        track()
        owner = state.resource_routes.get(str(uri))
        if owner is not None:
            await state.pool.get(owner).session.subscribe_resource(uri)

    return server


def initialization_options(server: Server[Any, Any]):
    return server.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True, resources_changed=True, prompts_changed=True),
    )
