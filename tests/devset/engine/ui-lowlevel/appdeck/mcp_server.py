"""Serve an appdeck App over the Model Context Protocol.

Every public endpoint becomes an MCP tool, assets become resources, prompt
templates become prompts. ``mcp`` is an optional dependency, so it is only
imported once an :class:`AppMCPServer` is constructed.
"""

import base64
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any

import anyio

from appdeck.app import App, Asset, Endpoint, Progress, RequestInfo
from appdeck.components import Dropdown, ImageData

if TYPE_CHECKING:
    import mcp.types as mcp_types
    from mcp.server.lowlevel import Server
    from mcp.server.lowlevel.helper_types import ReadResourceContents
    from mcp.server.models import InitializationOptions
    from mcp.server.session import ServerSession
    from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
    from mcp.server.transport_security import TransportSecuritySettings
    from mcp.shared.context import RequestContext
    from pydantic import AnyUrl
    from starlette.requests import Request
    from starlette.routing import BaseRoute
    from starlette.types import Receive, Scope, Send

logger = logging.getLogger("appdeck.mcp")

SCHEME = "appdeck"
LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
_PY_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "notice": logging.INFO, "warning": logging.WARNING}

AppContext = dict[str, Any]


class AppMCPServer:
    """Bridges an :class:`~appdeck.app.App` to a lowlevel MCP ``Server``."""

    def __init__(self, app: App, *, admin_token: str | None = None, page_size: int | None = None) -> None:
        try:
            import mcp.types
            from mcp.server import lowlevel
            from mcp.server.lowlevel.helper_types import ReadResourceContents
            from mcp.server.lowlevel.server import request_ctx
            from mcp.shared.exceptions import McpError
            from pydantic import AnyUrl
        except ImportError as exc:  # pragma: no cover - exercised only without the extra
            raise ImportError("Serving an app over MCP needs the optional extra: pip install 'appdeck[mcp]'") from exc

        self.types = mcp.types
        self.lowlevel = lowlevel
        self.ReadResourceContents = ReadResourceContents
        self.McpError = McpError
        self.AnyUrl = AnyUrl
        self._request_ctx = request_ctx

        self.app = app
        self.settings = app.settings
        self.admin_token = admin_token
        self.page_size = page_size or self.settings.page_size
        self.log_level: str = self.settings.log_level.lower()
        self.session_manager: "StreamableHTTPSessionManager | None" = None
        self._subscriptions: dict[str, set["ServerSession"]] = {}
        self.server = self.create_server()
        app.on_asset_change(self._asset_changed)

    # ------------------------------------------------------------------ server

    def create_server(self) -> "Server[AppContext, Request]":
        from mcp import types

        server: "Server[AppContext, Request]" = self.lowlevel.Server(
            self.app.slug,
            self.app.version,
            self.app.description or None,
            website_url=self.settings.url(),
            icons=[types.Icon(src=self.settings.url("/favicon.png"), mimeType="image/png", sizes=["32x32"])],
            lifespan=self._lifespan,
        )

        @server.list_tools()
        async def list_tools() -> list[types.Tool]:
            admin = self.is_admin()
            return [self.tool_for(e) for e in self.app.endpoints.values() if e.visibility == "public" or admin]

        @server.call_tool()
        async def call_tool(
            name: str, arguments: dict[str, Any]
        ) -> list[types.Content] | dict[str, Any] | types.CallToolResult:
            endpoint = self.app.endpoints.get(name)
            if endpoint is None or (endpoint.visibility != "public" and not self.is_admin()):
                raise ValueError(f"Unknown tool: {name}")
            ctx = server.request_context
            await self.log("info", {"event": "predict", "endpoint": name, "client": self.client_name()})
            progress = Progress(self.report_progress) if self.progress_token() is not None else None
            request = RequestInfo(
                headers=self.request_headers(),
                client=self.client_name(),
                session_hash=f"{id(ctx.session):x}",
            )
            app: App = ctx.lifespan_context["app"]
            try:
                outputs = await app.predict(name, arguments, progress=progress, request=request)
            except PermissionError as exc:
                return types.CallToolResult(
                    content=[types.TextContent(type="text", text=f"Permission denied: {exc}")],
                    isError=True,
                )
            if endpoint.mutates_api:
                await ctx.session.send_notification(
                    types.ServerNotification(types.ToolListChangedNotification()),
                    related_request_id=ctx.request_id,
                )
            if endpoint.output_schema() is not None and isinstance(outputs[0], dict):
                return dict(outputs[0])
            return [block for value in outputs for block in self.to_content(value)]

        @server.list_resources()
        async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
            cursor = request.params.cursor if request.params is not None else None
            assets = sorted(self.app.assets.values(), key=lambda a: a.name)
            start = self._decode_cursor(cursor)
            page = [self.resource_for(a) for a in assets[start : start + self.page_size]]
            more = start + self.page_size < len(assets)
            return types.ListResourcesResult(resources=page, nextCursor=str(start + self.page_size) if more else None)

        @server.list_resource_templates()
        async def list_resource_templates() -> list[types.ResourceTemplate]:
            return [
                types.ResourceTemplate(
                    name="endpoint-example",
                    title="Example payload",
                    uriTemplate=f"{SCHEME}://{self.app.slug}/examples/{{endpoint}}",
                    description="Default input payload for an endpoint, as JSON",
                    mimeType="application/json",
                )
            ]

        @server.read_resource()
        async def read_resource(uri: "AnyUrl") -> "Iterable[ReadResourceContents]":
            if uri.scheme != SCHEME or uri.host != self.app.slug:
                raise self._not_found(uri)
            kind, _, name = (uri.path or "").lstrip("/").partition("/")
            if kind == "assets" and name in self.app.assets:
                asset = self.app.assets[name]
                return [self.ReadResourceContents(content=asset.content, mime_type=asset.mime_type)]
            if kind == "examples" and name in self.app.endpoints:
                example = {c.name: c.value for c in self.app.endpoints[name].inputs}
                return [self.ReadResourceContents(content=json.dumps(example), mime_type="application/json")]
            raise self._not_found(uri)

        @server.subscribe_resource()
        async def subscribe_resource(uri: "AnyUrl") -> None:
            self._subscriptions.setdefault(str(uri), set()).add(server.request_context.session)

        @server.unsubscribe_resource()
        async def unsubscribe_resource(uri: "AnyUrl") -> None:
            self._subscriptions.get(str(uri), set()).discard(server.request_context.session)

        @server.list_prompts()
        async def list_prompts() -> list[types.Prompt]:
            return [
                types.Prompt(
                    name=p.name,
                    description=p.description,
                    arguments=[types.PromptArgument(name=a, required=True) for a in p.arguments],
                )
                for p in self.app.prompts.values()
            ]

        @server.get_prompt()
        async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
            prompt = self.app.prompts.get(name)
            if prompt is None:
                raise ValueError(f"Unknown prompt: {name}")
            text = prompt.render(arguments or {})
            return types.GetPromptResult(
                description=prompt.description,
                messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))],
            )

        @server.completion()
        async def complete(
            ref: types.PromptReference | types.ResourceTemplateReference,
            argument: types.CompletionArgument,
            context: types.CompletionContext | None,
        ) -> types.Completion | None:
            if isinstance(ref, types.ResourceTemplateReference) and argument.name == "endpoint":
                names = sorted(n for n in self.app.endpoints if n.startswith(argument.value))
                return types.Completion(values=names[:100], total=len(names), hasMore=len(names) > 100)
            if isinstance(ref, types.PromptReference) and ref.name in self.app.prompts:
                options = self.app.prompts[ref.name].choices.get(argument.name, [])
                values, total = Dropdown(choices=options).suggest(argument.value, limit=20)
                return types.Completion(values=values, total=total, hasMore=total > len(values))
            return None

        @server.set_logging_level()
        async def set_logging_level(level: types.LoggingLevel) -> None:
            logger.debug("client %s set log level to %s", self.client_name(), level)
            self.log_level = level

        return server

    @contextlib.asynccontextmanager
    async def _lifespan(self, server: "Server[AppContext, Request]") -> AsyncIterator[AppContext]:
        started = time.time()
        logger.info("MCP bridge %s starting", server.name)
        try:
            yield {"app": self.app, "started": started}
        finally:
            logger.info("MCP bridge %s stopped after %.1fs", server.name, time.time() - started)

    def initialization_options(self) -> "InitializationOptions":
        options = self.server.create_initialization_options(
            notification_options=self.lowlevel.NotificationOptions(tools_changed=True, resources_changed=True),
            experimental_capabilities={"appdeck": {"version": self.app.version, "pageSize": self.page_size}},
        )
        resources = options.capabilities.resources
        if resources is not None and self.types.SubscribeRequest in self.server.request_handlers:
            resources.subscribe = True
        return options

    # ------------------------------------------------------------ conversions

    def tool_for(self, endpoint: Endpoint) -> "mcp_types.Tool":
        types = self.types
        return types.Tool(
            name=endpoint.name,
            title=endpoint.title,
            description=endpoint.description or None,
            inputSchema=endpoint.input_schema(),
            outputSchema=endpoint.output_schema(),
            annotations=types.ToolAnnotations(
                title=endpoint.title,
                readOnlyHint=endpoint.read_only,
                destructiveHint=endpoint.destructive,
                idempotentHint=endpoint.read_only,
                openWorldHint=False,
            ),
            execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
            _meta={"appdeck/visibility": endpoint.visibility, "appdeck/streamsProgress": endpoint.wants_progress},
        )

    def asset_uri(self, name: str) -> "AnyUrl":
        return self.AnyUrl(f"{SCHEME}://{self.app.slug}/assets/{name}")

    def resource_for(self, asset: Asset) -> "mcp_types.Resource":
        raw = asset.content.encode() if isinstance(asset.content, str) else asset.content
        return self.types.Resource(
            uri=self.asset_uri(asset.name),
            name=asset.name,
            description=asset.description,
            mimeType=asset.mime_type,
            size=len(raw),
        )

    def embed_asset(self, asset: Asset) -> "mcp_types.EmbeddedResource":
        types = self.types
        uri = self.asset_uri(asset.name)
        if isinstance(asset.content, str):
            resource = types.TextResourceContents(uri=uri, text=asset.content, mimeType=asset.mime_type)
            return types.EmbeddedResource(type="resource", resource=resource)
        blob = types.BlobResourceContents(
            uri=uri, blob=base64.b64encode(asset.content).decode("ascii"), mimeType=asset.mime_type
        )
        return types.EmbeddedResource(type="resource", resource=blob)

    def to_content(self, value: Any) -> "list[mcp_types.Content]":
        types = self.types
        if value is None:
            return []
        if isinstance(value, ImageData):
            data = base64.b64encode(value.data).decode("ascii")
            return [types.ImageContent(type="image", data=data, mimeType=value.mimeType)]
        if isinstance(value, Asset):
            return [self.embed_asset(value)]
        if isinstance(value, (dict, list)):
            return [types.TextContent(type="text", text=json.dumps(value, indent=2, sort_keys=True))]
        return [types.TextContent(type="text", text=str(value))]

    def describe(self) -> dict[str, Any]:
        """Static description of what the bridge exposes (served on ``/mcp/schema``)."""
        tools = [self.tool_for(e) for e in self.app.endpoints.values() if e.visibility == "public"]
        resources = [self.resource_for(a) for a in self.app.assets.values()]
        return {
            "server": {"name": self.server.name, "version": self.server.version},
            "tools": [t.model_dump(exclude_none=True) for t in tools],
            "resources": [r.model_dump(mode="json", exclude_none=True) for r in resources],
        }

    def _decode_cursor(self, cursor: "mcp_types.Cursor | None") -> int:
        if cursor is None:
            return 0
        try:
            start = int(cursor)
        except ValueError:
            start = -1
        if start < 0:
            raise self.McpError(self.types.ErrorData(code=self.types.INVALID_PARAMS, message=f"Bad cursor {cursor!r}"))
        return start

    def _not_found(self, uri: "AnyUrl") -> Exception:
        return self.McpError(
            self.types.ErrorData(
                code=self.types.INVALID_PARAMS,
                message=f"Unknown resource: {uri}",
                data={"uri": str(uri)},
            )
        )

    # -------------------------------------------------------- request context

    def current_context(self) -> "RequestContext[ServerSession, AppContext, Request] | None":
        if self._request_ctx.get(None) is None:
            return None
        return self.server.request_context

    def request_headers(self) -> dict[str, str]:
        ctx = self.current_context()
        if ctx is None or ctx.request is None:
            return {}
        return {key.lower(): value for key, value in ctx.request.headers.items()}

    def is_admin(self) -> bool:
        if self.admin_token is None:
            return False
        return self.request_headers().get("x-appdeck-admin") == self.admin_token

    def client_name(self) -> str | None:
        ctx = self.current_context()
        if ctx is None or ctx.session.client_params is None:
            return None
        return ctx.session.client_params.clientInfo.name

    def progress_token(self) -> "mcp_types.ProgressToken | None":
        ctx = self.current_context()
        if ctx is None or ctx.meta is None:
            return None
        return ctx.meta.progressToken

    async def report_progress(self, progress: float, total: float | None = None, message: str | None = None) -> None:
        ctx = self.current_context()
        token = self.progress_token()
        if ctx is None or token is None:
            return
        await ctx.session.send_progress_notification(
            token, progress, total=total, message=message, related_request_id=str(ctx.request_id)
        )

    async def log(self, level: "mcp_types.LoggingLevel", data: Any) -> None:
        if LOG_LEVELS.index(level) < LOG_LEVELS.index(self.log_level):
            return
        ctx = self.current_context()
        if ctx is None:
            logger.log(_PY_LEVELS.get(level, logging.ERROR), "%s", data)
            return
        await ctx.session.send_log_message(
            level=level,
            data=data,
            logger=f"appdeck.{self.app.slug}",
            related_request_id=ctx.request_id,
        )

    async def _asset_changed(self, name: str) -> None:
        uri = self.asset_uri(name)
        sessions = self._subscriptions.get(str(uri), set())
        for session in list(sessions):
            try:
                await session.send_resource_updated(uri)
            except (anyio.ClosedResourceError, anyio.BrokenResourceError):
                sessions.discard(session)

    # -------------------------------------------------------------- transports

    def security_settings(self) -> "TransportSecuritySettings | None":
        from mcp.server.transport_security import TransportSecuritySettings

        if not self.settings.is_local:
            return None
        return TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=list(self.settings.allowed_hosts),
            allowed_origins=list(self.settings.allowed_origins),
        )

    def sse_routes(self) -> "list[BaseRoute]":
        from mcp.server.sse import SseServerTransport
        from starlette.responses import Response
        from starlette.routing import Mount, Route

        transport = SseServerTransport(self.settings.message_path, security_settings=self.security_settings())

        async def handle_sse(request: "Request") -> Response:
            async with transport.connect_sse(request.scope, request.receive, request._send) as (read, write):
                await self.server.run(read, write, self.initialization_options())
            return Response()

        return [
            Route(self.settings.sse_path, endpoint=handle_sse, methods=["GET"]),
            Mount(self.settings.message_path, app=transport.handle_post_message),
        ]

    def streamable_http_manager(self) -> "StreamableHTTPSessionManager":
        from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

        if self.session_manager is None:
            self.session_manager = StreamableHTTPSessionManager(
                app=self.server,
                json_response=self.settings.json_response,
                stateless=self.settings.stateless_http,
                security_settings=self.security_settings(),
            )
        return self.session_manager

    @contextlib.asynccontextmanager
    async def http_lifespan(self) -> AsyncIterator[None]:
        if self.session_manager is None:
            yield
            return
        async with self.session_manager.run():
            yield

    async def run_stdio(self) -> None:
        from mcp.server.stdio import stdio_server

        async with stdio_server() as (read_stream, write_stream):
            await self.server.run(
                read_stream,
                write_stream,
                self.initialization_options(),
                stateless=self.settings.stateless_http,
            )


class StreamableHTTPEndpoint:
    """ASGI endpoint that hands requests to the bridge's session manager."""

    def __init__(self, bridge: AppMCPServer) -> None:
        self.manager = bridge.streamable_http_manager()

    async def __call__(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        await self.manager.handle_request(scope, receive, send)
