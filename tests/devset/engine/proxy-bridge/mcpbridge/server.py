"""The downstream-facing MCP server that fronts every upstream."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

import anyio
from anyio.abc import TaskGroup
from pydantic import AnyUrl
from starlette.requests import Request

from mcp import types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcpbridge import __version__
from mcpbridge.catalog import Catalog, paginate
from mcpbridge.context import BridgeContext, BridgeState, client_label, client_supports_sampling, log, meta_extras
from mcpbridge.forwarding import (
    bridged_notification,
    broadcast,
    level_enabled,
    relay_sampling,
    rewrite_result,
    split_resource_uri,
    to_read_contents,
)
from mcpbridge.naming import NamespaceError, qualify, split_qualified, unwrap_template, wrap_uri
from mcpbridge.settings import BridgeSettings
from mcpbridge.upstream import IncomingMessage, Upstream, UpstreamPool
from mcpbridge.wire import AuditTrail

logger = logging.getLogger(__name__)

INSTRUCTIONS = (
    "Aggregates several MCP servers. Tool and prompt names carry the upstream prefix "
    "(`prefix.name`); resource URIs carry it in the scheme (`prefix+scheme://...`)."
)

STATUS_TOOL = types.Tool(
    name="bridge.status",
    title="Bridge status",
    description="Report connected upstreams and request counters.",
    inputSchema={"type": "object", "properties": {}},
    outputSchema={
        "type": "object",
        "properties": {"upstreams": {"type": "array"}, "requests": {"type": "integer"}, "client": {"type": "string"}},
        "required": ["upstreams", "requests", "client"],
    },
    annotations=types.ToolAnnotations(readOnlyHint=True),
)


class BridgeServer(Server[BridgeState, Request]):
    """Always advertises list-changed notifications and resource subscriptions."""

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        forced = NotificationOptions(prompts_changed=True, resources_changed=True, tools_changed=True)
        experimental = {"proxyBridge": {"version": __version__}, **experimental_capabilities}
        capabilities = super().get_capabilities(forced, experimental)
        if capabilities.resources is not None and types.SubscribeRequest in self.request_handlers:
            capabilities.resources.subscribe = True
        return capabilities


class Bridge:
    def __init__(self, settings: BridgeSettings | None = None) -> None:
        self.settings = settings or BridgeSettings()
        self.pool = UpstreamPool(self)
        self.catalog = Catalog(tools=[STATUS_TOOL])
        self.audit = AuditTrail()
        self.subscribers: defaultdict[str, set[ServerSession]] = defaultdict(set)
        self.log_levels: dict[ServerSession, types.LoggingLevel] = {}
        self.downstreams: set[ServerSession] = set()
        self._active: tuple[ServerSession, types.RequestId] | None = None
        self._tasks: TaskGroup | None = None
        self.server = self._build_server()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Bridge]:
        """Connect configured upstreams; in-memory ones are attached by the caller."""
        async with anyio.create_task_group() as tg:
            self._tasks = tg
            try:
                async with self.pool:
                    for spec in self.settings.upstreams.enabled():
                        if spec.transport != "memory":
                            await self.pool.connect(spec)
                    self.rebuild()
                    yield self
            finally:
                self._tasks = None
                tg.cancel_scope.cancel()

    def rebuild(self) -> None:
        self.catalog = Catalog.build(self.pool, [STATUS_TOOL])

    @asynccontextmanager
    async def _lifespan(self, server: Server[BridgeState, Request]) -> AsyncIterator[BridgeState]:
        logger.debug("session starting on %s", server.name)
        yield BridgeState(bridge=self)

    def initialization_options(self) -> InitializationOptions:
        return InitializationOptions(
            server_name=self.settings.name,
            server_version=__version__,
            capabilities=self.server.get_capabilities(NotificationOptions(), {}),
            instructions=INSTRUCTIONS,
        )

    # --------------------------------------------------------------- upstream hooks

    async def on_upstream_message(self, upstream: Upstream, message: IncomingMessage) -> None:
        match message:
            case Exception():
                logger.warning("%s transport error: %s", upstream.prefix, message)
            case types.ServerNotification(root=types.ResourceUpdatedNotification(params=params)):
                uri = wrap_uri(upstream.prefix, params.uri)
                forwarded = bridged_notification(upstream.prefix, message)
                if forwarded is not None:
                    await broadcast(self.subscribers.get(str(uri), set()), forwarded)
            case types.ServerNotification():
                forwarded = bridged_notification(upstream.prefix, message)
                if forwarded is not None and upstream.spec.listChanged and self._tasks is not None:
                    # refreshing needs the upstream's receive loop, which is busy running this handler
                    self._tasks.start_soon(self._refresh_and_announce, upstream, forwarded)
            case RequestResponder(request=request):
                logger.debug("%s sent %s", upstream.prefix, request.root.method)

    async def _refresh_and_announce(self, upstream: Upstream, note: types.ServerNotification) -> None:
        await upstream.refresh()
        self.rebuild()
        await broadcast(self.downstreams, note)

    async def on_upstream_log(self, upstream: Upstream, params: types.LoggingMessageNotificationParams) -> None:
        for session, threshold in list(self.log_levels.items()):
            if level_enabled(threshold, params.level):
                name = qualify(upstream.prefix, params.logger or "server")
                await session.send_log_message(level=params.level, data=params.data, logger=name)

    async def on_sampling(
        self, upstream: Upstream, params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult | types.ErrorData:
        if self._active is None or not client_supports_sampling(self._active[0]):
            return types.ErrorData(code=types.INVALID_REQUEST, message="sampling is not available downstream")
        return await relay_sampling(self._active[0], params, self._active[1])

    # ----------------------------------------------------------------- handlers

    def _enter(self, server: BridgeServer) -> BridgeContext:
        ctx = server.request_context
        self.downstreams.add(ctx.session)
        ctx.lifespan_context.requests += 1
        return ctx

    def _status(self, ctx: BridgeContext) -> dict[str, Any]:
        upstreams = [
            {
                "prefix": upstream.prefix,
                "server": upstream.label,
                "protocolVersion": upstream.protocol,
                "subscribe": upstream.supports_subscribe(),
            }
            for upstream in self.pool
        ]
        return {"upstreams": upstreams, "requests": ctx.lifespan_context.requests, "client": client_label(ctx), "tags": meta_extras(ctx)}

    def _build_server(self) -> BridgeServer:
        server = BridgeServer(self.settings.name, __version__, INSTRUCTIONS, lifespan=self._lifespan)

        @server.list_tools()
        async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
            self._enter(server)
            # the call_tool validator refreshes its cache with a bare ``None`` request
            cursor = request.params.cursor if request is not None and request.params else None
            page, next_cursor = paginate(self.catalog.tools, cursor, self.settings.page_size)
            return types.ListToolsResult(tools=page, nextCursor=next_cursor)

        @server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult | dict[str, Any]:
            ctx = self._enter(server)
            if name == STATUS_TOOL.name:
                return self._status(ctx)
            if name not in self.catalog.tool_routes:
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown tool: {name}"))
            prefix, original = self.catalog.tool_routes[name]
            upstream = self.pool.get(prefix)
            token = ctx.meta.progressToken if ctx.meta else None

            async def relay_progress(progress: float, total: float | None, message: str | None) -> None:
                if token is not None:
                    await ctx.session.send_progress_notification(token, progress, total, message, str(ctx.request_id))

            self._active = (ctx.session, ctx.request_id)
            try:
                result = await upstream.call(original, arguments, relay_progress if token is not None else None)
            finally:
                self._active = None
            entry = self.audit.record_call(prefix, original, result)
            await log("debug", f"forwarded {name}", upstream=upstream.label, isError=entry["isError"])
            return rewrite_result(prefix, result)

        @server.list_resources()
        async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
            self._enter(server)
            cursor = request.params.cursor if request.params else None
            page, next_cursor = paginate(self.catalog.resources, cursor, self.settings.page_size)
            return types.ListResourcesResult(resources=page, nextCursor=next_cursor)

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            self._enter(server)
            prefix, original = split_resource_uri(uri)
            return to_read_contents(await self.pool.get(prefix).session.read_resource(original))

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            ctx = self._enter(server)
            prefix, original = split_resource_uri(uri)
            upstream = self.pool.get(prefix)
            if not upstream.supports_subscribe():
                message = f"{upstream.label} does not support subscriptions"
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=message, data={"uri": str(uri)}))
            if not self.subscribers[str(uri)]:
                await upstream.session.subscribe_resource(original)
            self.subscribers[str(uri)].add(ctx.session)

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            self._enter(server)
            return self.catalog.prompts

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            self._enter(server)
            if name not in self.catalog.prompt_routes:
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown prompt: {name}"))
            prefix, original = self.catalog.prompt_routes[name]
            result = await self.pool.get(prefix).session.get_prompt(original, arguments)
            return types.GetPromptResult(description=f"[{prefix}] {result.description or original}", messages=result.messages)

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            self._enter(server)
            upstream_ref: types.PromptReference | types.ResourceTemplateReference
            try:
                if isinstance(ref, types.PromptReference):
                    prefix, name = split_qualified(ref.name)
                    upstream_ref = types.PromptReference(type="ref/prompt", name=name)
                else:
                    prefix, template = unwrap_template(ref.uri)
                    upstream_ref = types.ResourceTemplateReference(type="ref/resource", uri=template)
            except NamespaceError:
                return None
            upstream = self.pool.get(prefix)
            if upstream.capabilities.completions is None:
                return types.Completion(values=[], total=0, hasMore=False)
            arguments = context.arguments if context else None
            result = await upstream.session.complete(upstream_ref, {"name": argument.name, "value": argument.value}, arguments)
            return result.completion

        @server.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            ctx = self._enter(server)
            self.log_levels[ctx.session] = level
            for upstream in self.pool:
                if upstream.capabilities.logging is not None:
                    await upstream.session.set_logging_level(level)

        return server
