"""Hosting: stdio for local clients, streamable HTTP behind a reverse proxy."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

import mcp.types as types
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

from .server import GatewayServer


async def run_stdio(server: GatewayServer) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            server.create_initialization_options(),
            stateless=server.settings.stateless_http,
        )


def build_http_app(server: GatewayServer) -> Starlette:
    settings = server.settings
    manager = StreamableHTTPSessionManager(
        app=server,
        json_response=settings.json_response,
        stateless=settings.stateless_http,
        security_settings=TransportSecuritySettings(
            allowed_hosts=list(settings.allowed_hosts),
            allowed_origins=[f"http://{host}" for host in settings.allowed_hosts],
        ),
    )

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def status(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "name": server.name,
                "files": len(server.state.catalog.snapshot.root),
                "watched": server.state.hub.watched(),
                "protocolVersions": SUPPORTED_PROTOCOL_VERSIONS,
                "latestProtocolVersion": types.LATEST_PROTOCOL_VERSION,
                "calls": server.state.request_counts,
            }
        )

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    routes = [Route("/status", status), Mount(settings.streamable_http_path, app=handle_mcp)]
    return Starlette(routes=routes, lifespan=lifespan)


def serve(server: GatewayServer) -> None:
    if server.settings.transport == "stdio":
        anyio.run(run_stdio, server)
        return
    import uvicorn

    uvicorn.run(build_http_app(server), host=server.settings.host, port=server.settings.port)
