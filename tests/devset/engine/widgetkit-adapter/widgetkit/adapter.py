"""Expose a :class:`~widgetkit.app.WidgetApp` as an MCP server.

Every endpoint becomes a tool, every page and state key a ``widget://`` resource
and every prompt template a prompt.  HTTP mounting lives in :mod:`widgetkit.asgi`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.lowlevel.server import request_ctx
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.server.streamable_http import MCP_SESSION_ID_HEADER
from mcp.shared.context import RequestContext
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl
from starlette.requests import Request

from widgetkit import prompts as prompt_support
from widgetkit import resources as resource_support
from widgetkit.app import CallerInfo, Endpoint, ProgressReporter, Widget, WidgetApp, WidgetError
from widgetkit.schema import coerce_arguments, input_schema, output_schema


USER_HEADER = "x-widgetkit-user"
CHART_ICON = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
_LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


@dataclass
class AdapterState:
    app: WidgetApp
    calls: int = 0
    sessions_opened: int = 0
    log_level: types.LoggingLevel = "info"
    subscriptions: dict[str, set[ServerSession]] = field(default_factory=dict)


WidgetRequestContext = RequestContext[ServerSession, AdapterState, Request]


class WidgetServer(Server[AdapterState, Request]):
    """Lowlevel server that advertises subscriptions and list-changed notifications."""

    def get_capabilities(
        self,
        notification_options: NotificationOptions,
        experimental_capabilities: dict[str, dict[str, Any]],
    ) -> types.ServerCapabilities:
        caps = super().get_capabilities(notification_options, experimental_capabilities)
        if caps.resources is not None and types.SubscribeRequest in self.request_handlers:
            caps.resources.subscribe = True
        return caps

    def create_initialization_options(
        self,
        notification_options: NotificationOptions | None = None,
        experimental_capabilities: dict[str, dict[str, Any]] | None = None,
    ) -> InitializationOptions:
        return super().create_initialization_options(
            notification_options or NotificationOptions(tools_changed=True, resources_changed=True),
            experimental_capabilities or {"widgetkit": {"adapter": "mcp", "version": self.version or "dev"}},
        )


def caller_from_context(ctx: RequestContext[ServerSession, Any, Any]) -> CallerInfo:
    request = ctx.request
    params = ctx.session.client_params
    client = params.clientInfo.name if params is not None else None
    if isinstance(request, Request):
        headers = request.headers
        return CallerInfo(headers.get(USER_HEADER), client, headers.get(MCP_SESSION_ID_HEADER), "http")
    return CallerInfo(client=client, transport="stream")


class McpAdapter:
    def __init__(self, app: WidgetApp, *, name: str | None = None, instructions: str | None = None,
                 page_size: int = 20, expose_state: bool = True) -> None:
        self.app = app
        self.page_size = page_size
        self.expose_state = expose_state
        self.state = AdapterState(app=app)
        self.server = WidgetServer(
            name or app.name,
            app.version,
            instructions or f"Tools, pages and prompts of the {app.name} widgetkit app.",
            lifespan=self._lifespan,
        )
        self._tool_defs: dict[str, types.Tool] | None = None
        self._dirty_keys: list[str] = []
        self._known_keys: set[str] = set(app.state)
        app.on_state_change(lambda key, _value: self._dirty_keys.append(key))
        self._register_handlers()

    @asynccontextmanager
    async def _lifespan(self, server: Server[AdapterState, Request]) -> AsyncIterator[AdapterState]:
        self.state.sessions_opened += 1
        yield self.state

    def initialization_options(self) -> InitializationOptions:
        return self.server.create_initialization_options()

    def build_tool(self, ep: Endpoint) -> types.Tool:
        icons = [types.Icon(src=CHART_ICON, mimeType="image/svg+xml", sizes=["any"])] if "chart" in ep.tags else None
        return types.Tool(
            name=ep.name,
            title=ep.title,
            description=ep.description or None,
            inputSchema=input_schema(ep.func),
            outputSchema=output_schema(ep.func),
            icons=icons,
            annotations=types.ToolAnnotations(
                title=ep.title,
                readOnlyHint=ep.read_only,
                destructiveHint=ep.destructive,
                idempotentHint=ep.read_only,
                openWorldHint=False,
            ),
            execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
        )

    @property
    def tools(self) -> list[types.Tool]:
        if self._tool_defs is None or len(self._tool_defs) != len(self.app.endpoints):
            self._tool_defs = {name: self.build_tool(ep) for name, ep in sorted(self.app.endpoints.items())}
        return list(self._tool_defs.values())

    @staticmethod
    def _encode_cursor(offset: int) -> types.Cursor:
        return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode()

    @staticmethod
    def _decode_cursor(cursor: types.Cursor | None) -> int:
        if not cursor:
            return 0
        try:
            return int(json.loads(base64.urlsafe_b64decode(cursor.encode()))["o"])
        except (binascii.Error, ValueError, KeyError, TypeError) as exc:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Bad cursor: {cursor}")) from exc

    def _register_handlers(self) -> None:
        app = self.app

        @self.server.list_tools()
        async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
            # the server also calls this with no request to refresh its tool cache
            params = getattr(request, "params", None)
            start = self._decode_cursor(params.cursor if params is not None else None)
            tools = self.tools
            end = start + self.page_size
            next_cursor = self._encode_cursor(end) if end < len(tools) else None
            return types.ListToolsResult(tools=tools[start:end], nextCursor=next_cursor)

        @self.server.call_tool()
        async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.Content] | dict[str, Any]:
            ctx = self.server.request_context
            ep = app.endpoints.get(name)
            if ep is None:
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown tool: {name}"))
            self.state.calls += 1
            caller = caller_from_context(ctx)
            await self._log(ctx, "info", {"event": "call", "tool": name, "user": caller.user})

            kwargs = coerce_arguments(ep.func, arguments)
            if ep.progress_param:
                kwargs[ep.progress_param] = self._progress_reporter(ctx)
            if ep.caller_param:
                kwargs[ep.caller_param] = caller
            try:
                value = await self._invoke(ep, kwargs)
            except WidgetError as exc:
                app.record("call", {"tool": name, "code": exc.code}, is_error=True)
                await self._log(ctx, "error", {"event": "failed", "tool": name, "code": exc.code})
                raise
            app.record("call", {"tool": name, "user": caller.user})
            await self._publish_changes(ctx)
            return self._to_content(value)

        @self.server.list_resources()
        async def list_resources() -> list[types.Resource]:
            return resource_support.list_resources(app, include_state=self.expose_state)

        @self.server.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            return resource_support.resource_templates()

        @self.server.read_resource()
        async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
            ctx = request_ctx.get()
            if uri.host == "state" and not self.expose_state:
                raise resource_support.resource_not_found(uri, reason="state is not exposed")
            contents = resource_support.read_widget_resource(app, uri)
            await self._log(ctx, "debug", {"event": "read", "uri": str(uri), "collection": uri.host})
            return contents

        @self.server.subscribe_resource()
        async def subscribe(uri: AnyUrl) -> None:
            ctx = self.server.request_context
            resource_support.split_uri(uri)
            self.state.subscriptions.setdefault(str(uri), set()).add(ctx.session)

        @self.server.unsubscribe_resource()
        async def unsubscribe(uri: AnyUrl) -> None:
            ctx = self.server.request_context
            self.state.subscriptions.get(str(uri), set()).discard(ctx.session)

        @self.server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            return prompt_support.list_prompt_models(app)

        @self.server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            return prompt_support.render_prompt(app, name, arguments)

        @self.server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if isinstance(ref, types.PromptReference):
                return prompt_support.complete_argument(app, ref.name, argument.name, argument.value)
            if ref.uri.startswith(f"{resource_support.SCHEME}://pages/"):
                slugs = [s for s in sorted(app.pages) if s.startswith(argument.value)]
                return types.Completion(values=slugs, total=len(slugs), hasMore=False)
            return None

        @self.server.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            self.state.log_level = level

    async def _invoke(self, ep: Endpoint, kwargs: dict[str, Any]) -> Any:
        if ep.is_async:
            return await ep.func(**kwargs)
        return ep.func(**kwargs)

    def _to_content(self, value: Any) -> list[types.Content] | dict[str, Any]:
        if isinstance(value, dict):
            return value
        if isinstance(value, Widget):
            payload = json.dumps(value.to_dict())
            return [
                types.TextContent(type="text", text=f"{value.kind} widget with {len(value.children)} children"),
                types.EmbeddedResource(
                    type="resource",
                    resource=types.TextResourceContents(
                        uri=AnyUrl(f"widget://render/{value.kind}"),
                        mimeType="application/vnd.widgetkit.widget+json",
                        text=payload,
                    ),
                ),
            ]
        if isinstance(value, bytes):
            return [types.ImageContent(type="image", data=base64.b64encode(value).decode(), mimeType="image/png")]
        if isinstance(value, str):
            return [types.TextContent(type="text", text=value)]
        return [types.TextContent(type="text", text=json.dumps(value, default=str))]

    def _progress_reporter(self, ctx: WidgetRequestContext) -> ProgressReporter:
        token = ctx.meta.progressToken if ctx.meta is not None else None

        async def report(done: float, total: float | None = None, message: str | None = None) -> None:
            if token is None:
                return
            await ctx.session.send_progress_notification(
                token, done, total=total, message=message, related_request_id=str(ctx.request_id)
            )

        return report

    async def _log(self, ctx: WidgetRequestContext, level: types.LoggingLevel, data: Any) -> None:
        if _LEVELS.index(level) < _LEVELS.index(self.state.log_level):
            return
        await ctx.session.send_log_message(level=level, data=data, logger="widgetkit", related_request_id=ctx.request_id)

    async def _publish_changes(self, ctx: WidgetRequestContext) -> None:
        dirty, self._dirty_keys = self._dirty_keys, []
        for key in dict.fromkeys(dirty):
            uri = resource_support.state_uri(key)
            subscribers = self.state.subscriptions.get(str(uri), set())
            for session in list(subscribers):
                try:
                    await session.send_resource_updated(uri)
                except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                    subscribers.discard(session)
        new_keys = set(self.app.state) - self._known_keys
        if new_keys:
            self._known_keys |= new_keys
            await ctx.session.send_notification(types.ServerNotification(types.ResourceListChangedNotification()))
        if self._tool_defs is not None and len(self._tool_defs) != len(self.app.endpoints):
            await ctx.session.send_tool_list_changed()

    async def run_stdio(self) -> None:
        from mcp.server.stdio import stdio_server

        async with stdio_server() as (read_stream, write_stream):
            await self.server.run(read_stream, write_stream, self.initialization_options())
