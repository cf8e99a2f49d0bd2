"""Aggregate several upstreams behind one server, and serve it."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from contextlib import AsyncExitStack
from typing import Any

import mcp.types as types
from mcp import ClientSession
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.server.sse import SseServerTransport
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import McpError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from relaybox.config import GatewayConfig, ListenSettings
from relaybox.metrics import CallStats
from relaybox.namespacing import ToolRouter, refresh_router
from relaybox.proxy import create_proxy_server
from relaybox.relay import NotificationRelay
from relaybox.upstream import UpstreamConnection, open_upstream

logger = logging.getLogger(__name__)


def create_gateway_server(
    sessions: Mapping[str, ClientSession],
    *,
    prefixes: Mapping[str, str | None] | None = None,
    name: str = "relaybox-gateway",
    version: str = "0.3.0",
    stats: CallStats | None = None,
) -> Server[object]:
    """One server in front of many upstreams, with tools namespaced per upstream.

    Resources and prompts are only re-exposed by single-upstream proxies (see
    ``create_proxy_server``), where URIs and prompt names cannot collide.
    """
    app: Server[object] = Server(name, version)
    router = ToolRouter()
    call_stats = stats or CallStats()

    async def ensure_routes() -> None:
        if not router:
            await refresh_router(router, sessions, prefixes)

    @app.list_tools()
    async def list_tools() -> list[types.Tool]:
        await refresh_router(router, sessions, prefixes)
        return router.tools()

    @app.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> types.CallToolResult:
        await ensure_routes()
        entry = router.resolve(name)
        if entry is None:
            raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"No upstream serves {name!r}"))
        upstream = sessions[entry.upstream]
        with call_stats.track(name, entry.upstream) as record:
            result = await upstream.call_tool(entry.original_name, arguments)
            record.is_error = result.isError
        return result

    return app


def initialization_options(app: Server[object], listen: ListenSettings) -> InitializationOptions:
    return InitializationOptions(
        server_name=listen.server_name,
        server_version="0.3.0",
        capabilities=app.get_capabilities(
            NotificationOptions(tools_changed=True),
            {"relaybox": {"gateway": True}},
        ),
        instructions="Tools are exposed as <upstream>__<tool>.",
    )


async def serve_stdio(app: Server[object], listen: ListenSettings) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await app.run(read_stream, write_stream, initialization_options(app, listen))


def build_sse_app(app: Server[object], listen: ListenSettings, status: dict[str, Any] | None = None) -> Starlette:
    """Starlette app exposing the proxy over the SSE transport."""
    sse = SseServerTransport(listen.message_path)

    async def handle_sse(request: Request) -> Response:
        async with sse.connect_sse(request.scope, request.receive, request._send) as (read_stream, write_stream):
            await app.run(
                read_stream,
                write_stream,
                app.create_initialization_options(
                    notification_options=NotificationOptions(tools_changed=True),
                    experimental_capabilities={"relaybox": {"transport": "sse"}},
                ),
            )
        return Response()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True, **(status or {})})

    return Starlette(
        routes=[
            Route(listen.sse_path, endpoint=handle_sse, methods=["GET"]),
            Mount(listen.message_path, app=sse.handle_post_message),
            Route("/healthz", endpoint=healthz, methods=["GET"]),
        ]
    )


async def run_gateway(config: GatewayConfig) -> None:
    """Connect every configured upstream and serve them as one endpoint."""
    specs = config.upstreams.enabled()
    if not specs:
        raise SystemExit("no enabled upstreams in config")

    async with AsyncExitStack() as stack:
        connections: list[UpstreamConnection] = []
        for spec in specs:
            relay = NotificationRelay(spec.name)
            connections.append(await stack.enter_async_context(open_upstream(spec, relay=relay)))

        if len(connections) == 1:
            conn = connections[0]
            app = create_proxy_server(
                conn.session, info=conn.info, upstream_name=conn.spec.name, prefix=conn.spec.tool_prefix, relay=conn.relay
            )
        else:
            app = create_gateway_server(
                {c.spec.name: c.session for c in connections},
                prefixes={c.spec.name: c.spec.prefix for c in connections},
            )

        if config.listen.transport == "stdio":
            await serve_stdio(app, config.listen)
            return

        import uvicorn

        starlette_app = build_sse_app(app, config.listen, config.to_status())
        server = uvicorn.Server(
            uvicorn.Config(
                starlette_app,
                host=config.listen.host,
                port=config.listen.port,
                log_level=config.listen.log_level.lower(),
            )
        )
        await server.serve()
