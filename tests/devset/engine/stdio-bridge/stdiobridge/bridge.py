"""The local side of the bridge: a lowlevel MCP server that forwards to upstream."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from pydantic import AnyUrl

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT

from stdiobridge.audit import AuditLog
from stdiobridge.errors import blocked_resource, classify, to_mcp_error, tool_error_result, unknown_tool
from stdiobridge.forwarding import CallbackRelay, NotificationRelay
from stdiobridge.hooks import LogLevelFilter, MessageTap, ReadStream, WriteStream
from stdiobridge.settings import BridgeSettings
from stdiobridge.upstream import UpstreamInfo, connect_session

logger = logging.getLogger(__name__)

T = TypeVar("T")
BRIDGE_VERSION = "0.4.2"


@dataclass
class BridgeState:
    upstream: ClientSession
    info: UpstreamInfo
    started_at: float = field(default_factory=time.monotonic)
    calls: int = 0


BridgeContext = RequestContext[ServerSession, BridgeState, Any]


class ToolNames:
    """Maps local tool names (optionally prefixed) to upstream names."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self._known: dict[str, types.Tool] = {}

    def local(self, upstream_name: str) -> str:
        return f"{self.prefix}{upstream_name}"

    def upstream(self, local_name: str) -> str | None:
        if self.prefix and not local_name.startswith(self.prefix):
            return None
        return local_name[len(self.prefix) :]

    def remember(self, tool: types.Tool) -> None:
        self._known[tool.name] = tool

    def definition(self, upstream_name: str) -> types.Tool | None:
        return self._known.get(upstream_name)

    def invalidate(self) -> None:
        self._known.clear()


class BridgeServer(Server[BridgeState, Any]):
    """Lowlevel server whose capabilities mirror the upstream's."""

    def __init__(self, bridge: StdioBridge) -> None:
        super().__init__(bridge.settings.server_name, BRIDGE_VERSION, lifespan=bridge.lifespan)
        self.bridge = bridge

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        info = self.bridge.info
        options = super().create_initialization_options(
            notification_options or NotificationOptions(prompts_changed=True, resources_changed=True, tools_changed=True),
            experimental_capabilities or {"bridge": {"upstream": info.server_name if info else None}},
        )
        if info is not None:
            caps = options.capabilities
            if caps.resources is not None:
                caps.resources.subscribe = info.can_subscribe
            if info.capabilities.prompts is None:
                caps.prompts = None
            options.instructions = info.instructions
        return options


class StdioBridge:
    def __init__(self, settings: BridgeSettings, *, audit: AuditLog | None = None, tap: MessageTap | None = None) -> None:
        self.settings = settings
        self.audit = audit or AuditLog(settings.audit_path)
        self.tap = tap or MessageTap()
        self.log_filter = LogLevelFilter(settings.log_level)
        self.tap.add(self.log_filter)
        self.names = ToolNames(settings.tool_prefix)
        self.relay = NotificationRelay()
        self.relay.on_tools_changed.append(self.names.invalidate)
        self.callbacks = CallbackRelay(self.relay)
        self.upstream: ClientSession | None = None
        self.info: UpstreamInfo | None = None
        self.subscriptions: set[str] = set()
        self.needs_reconnect = False
        self.server = BridgeServer(self)
        self._register_handlers()

    # ------------------------------------------------------------------ wiring

    @asynccontextmanager
    async def connect(self, read_stream: ReadStream, write_stream: WriteStream) -> AsyncIterator[ClientSession]:
        """Attach to an upstream transport; the bridge serves requests while this is open."""
        async with self.tap.attach(read_stream, write_stream) as (tapped_read, tapped_write):
            async with connect_session(
                tapped_read,
                tapped_write,
                request_timeout=self.settings.request_timeout,
                message_handler=self.relay.message_handler,
                logging_callback=self.relay.logging_callback,
                sampling_callback=self.callbacks.sampling,
                elicitation_callback=self.callbacks.elicitation,
                list_roots_callback=self.callbacks.list_roots,
            ) as (session, info):
                self.upstream, self.info = session, info
                try:
                    yield session
                finally:
                    self.upstream = None

    @asynccontextmanager
    async def lifespan(self, server: Server[BridgeState, Any]) -> AsyncIterator[BridgeState]:
        if self.upstream is None or self.info is None:
            raise RuntimeError("bridge.connect() must be entered before serving")
        state = BridgeState(upstream=self.upstream, info=self.info)
        try:
            yield state
        finally:
            logger.info("bridge served %d tool calls", state.calls)

    async def run(self, read_stream: ReadStream, write_stream: WriteStream) -> None:
        await self.server.run(read_stream, write_stream, self.server.create_initialization_options())

    # ---------------------------------------------------------------- helpers

    async def _context(self) -> BridgeContext:
        ctx = self.server.request_context
        await self.relay.bind(ctx.session)
        return ctx

    async def _forward(self, method: str, call: Awaitable[T]) -> T:
        try:
            return await call
        except McpError as exc:
            if classify(exc).reconnect:
                self.needs_reconnect = True
            raise to_mcp_error(exc, method=method) from exc
        except Exception as exc:
            raise to_mcp_error(exc, method=method) from exc

    def _scheme_allowed(self, uri: AnyUrl) -> bool:
        return uri.scheme in self.settings.allowed_schemes

    def _visible(self, tool: types.Tool) -> bool:
        if tool.name in self.settings.hidden_tools:
            return False
        if self.settings.read_only and tool.annotations is not None and tool.annotations.destructiveHint:
            return False
        return True

    def _present(self, tool: types.Tool, server_name: str) -> types.Tool:
        self.names.remember(tool)
        schema = dict(tool.inputSchema) if tool.inputSchema else {}
        schema.setdefault("type", "object")
        description = tool.description or ""
        return tool.model_copy(
            update={
                "name": self.names.local(tool.name),
                "description": f"{description} (via {server_name})".strip(),
                "inputSchema": schema,
            }
        )

    def _progress_relay(self, ctx: BridgeContext) -> ProgressFnT | None:
        if ctx.meta is None or ctx.meta.progressToken is None:
            return None
        token = ctx.meta.progressToken
        session = ctx.session
        request_id = str(ctx.request_id)

        async def relay(progress: float, total: float | None, message: str | None) -> None:
            await session.send_progress_notification(token, progress, total, message, related_request_id=request_id)

        return relay

    def _forward_meta(self, ctx: BridgeContext) -> dict[str, Any]:
        extras: dict[str, Any] = dict(ctx.meta.model_extra or {}) if ctx.meta is not None else {}
        extras["bridgeHops"] = int(extras.get("bridgeHops", 0)) + 1
        return extras

    def _timeout(self, upstream_name: str) -> timedelta:
        return timedelta(seconds=self.settings.timeout_for(upstream_name))

    # --------------------------------------------------------------- handlers

    def _register_handlers(self) -> None:
        server = self.server

        @server.list_tools()
        async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
            ctx = await self._context()
            state = ctx.lifespan_context
            # the SDK calls this with request=None to refresh its tool cache before a call
            cursor: types.Cursor | None = request.params.cursor if request and request.params else None
            page = await self._forward("tools/list", state.upstream.list_tools(cursor=cursor))
            tools = [self._present(tool, state.info.server_name) for tool in page.tools if self._visible(tool)]
            return types.ListToolsResult(tools=tools, nextCursor=page.nextCursor)

        @server.call_tool(validate_input=False)
        async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult:
            ctx = await self._context()
            state = ctx.lifespan_context
            upstream_name = self.names.upstream(name)
            if upstream_name is None or upstream_name in self.settings.hidden_tools:
                raise unknown_tool(name)
            state.calls += 1
            started = time.perf_counter()
            try:
                result = await state.upstream.call_tool(
                    upstream_name,
                    arguments,
                    read_timeout_seconds=self._timeout(upstream_name),
                    progress_callback=self._progress_relay(ctx),
                    meta=self._forward_meta(ctx),
                )
            except Exception as exc:
                failure = classify(exc, method=f"tools/call {upstream_name}")
                self.needs_reconnect = self.needs_reconnect or failure.reconnect
                self.audit.record_call(
                    tool_name=name,
                    upstream_name=upstream_name,
                    arguments=arguments,
                    request_id=ctx.request_id,
                    duration_ms=(time.perf_counter() - started) * 1000,
                    error_code=failure.code,
                    error_message=failure.error.message,
                )
                return tool_error_result(exc, tool_name=name)
            self.audit.record_call(
                tool_name=name,
                upstream_name=upstream_name,
                arguments=arguments,
                request_id=ctx.request_id,
                duration_ms=(time.perf_counter() - started) * 1000,
                result=result.model_dump(exclude_none=True),
            )
            return result

        @server.list_resources()
        async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
            ctx = await self._context()
            state = ctx.lifespan_context
            if not state.info.has_resources:
                return types.ListResourcesResult(resources=[])
            cursor = request.params.cursor if request.params else None
            page = await self._forward("resources/list", state.upstream.list_resources(cursor=cursor))
            resources = [r for r in page.resources if self._scheme_allowed(r.uri)]
            return types.ListResourcesResult(resources=resources, nextCursor=page.nextCursor)

        @server.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            ctx = await self._context()
            state = ctx.lifespan_context
            if not state.info.has_resources:
                return []
            result = await self._forward("resources/templates/list", state.upstream.list_resource_templates())
            allowed = tuple(f"{scheme}:" for scheme in self.settings.allowed_schemes)
            return [t for t in result.resourceTemplates if t.uriTemplate.startswith(allowed)]

        @server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            ctx = await self._context()
            if not self._scheme_allowed(uri):
                raise blocked_resource(str(uri), f"scheme {uri.scheme!r} is not bridged")
            result = await self._forward("resources/read", ctx.lifespan_context.upstream.read_resource(uri))
            contents: list[ReadResourceContents] = []
            for item in result.contents:
                if isinstance(item, types.TextResourceContents):
                    contents.append(ReadResourceContents(content=item.text, mime_type=item.mimeType, meta=item.meta))
                else:
                    raw = base64.b64decode(item.blob)
                    contents.append(ReadResourceContents(content=raw, mime_type=item.mimeType, meta=item.meta))
            return contents

        @server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            ctx = await self._context()
            if not ctx.lifespan_context.info.can_subscribe:
                raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message="upstream has no subscriptions"))
            await self._forward("resources/subscribe", ctx.lifespan_context.upstream.subscribe_resource(uri))
            self.subscriptions.add(str(uri))

        @server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            ctx = await self._context()
            if str(uri) in self.subscriptions:
                await self._forward("resources/unsubscribe", ctx.lifespan_context.upstream.unsubscribe_resource(uri))
                self.subscriptions.discard(str(uri))

        @server.list_prompts()
        async def list_prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:
            ctx = await self._context()
            state = ctx.lifespan_context
            if not state.info.has_prompts:
                return types.ListPromptsResult(prompts=[])
            cursor = request.params.cursor if request.params else None
            return await self._forward("prompts/list", state.upstream.list_prompts(cursor=cursor))

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            ctx = await self._context()
            return await self._forward("prompts/get", ctx.lifespan_context.upstream.get_prompt(name, arguments))

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            ctx = await self._context()
            upstream = ctx.lifespan_context.upstream
            capabilities = upstream.get_server_capabilities()
            if capabilities is None or capabilities.completions is None:
                return None
            result = await self._forward(
                "completion/complete",
                upstream.complete(
                    ref,
                    {"name": argument.name, "value": argument.value},
                    context.arguments if context else None,
                ),
            )
            return result.completion

        @server.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            ctx = await self._context()
            self.log_filter.minimum = level
            if ctx.lifespan_context.info.capabilities.logging is not None:
                await self._forward("logging/setLevel", ctx.lifespan_context.upstream.set_logging_level(level))

        @server.progress_notification()
        async def client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
            if self.upstream is not None:
                await self.upstream.send_progress_notification(token, progress, total, message)

        async def handle_ping(request: types.PingRequest) -> types.ServerResult:
            if self.upstream is not None:
                await self._forward("ping", self.upstream.send_ping())
            return types.ServerResult(types.EmptyResult())

        async def handle_roots_changed(notification: types.RootsListChangedNotification) -> None:
            if self.upstream is not None:
                await self.upstream.send_notification(
                    types.ClientNotification(types.RootsListChangedNotification(method="notifications/roots/list_changed"))
                )

        server.request_handlers[types.PingRequest] = handle_ping
        server.notification_handlers[types.RootsListChangedNotification] = handle_roots_changed
