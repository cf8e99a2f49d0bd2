"""Serving the docstore over stdio or streamable HTTP."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings

from docstore.config import DocstoreSettings
from docstore.server import DocstoreServer

logger = logging.getLogger(__name__)


async def run_stdio(server: DocstoreServer, *, raise_exceptions: bool = False) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            server.create_initialization_options(),
            raise_exceptions=raise_exceptions,
        )


class StreamableHTTPEndpoint:
    """ASGI endpoint forwarding every request to the session manager."""

    def __init__(self, manager: StreamableHTTPSessionManager):
        self.manager = manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.manager.handle_request(scope, receive, send)


def build_session_manager(server: DocstoreServer, settings: DocstoreSettings) -> StreamableHTTPSessionManager:
    http = settings.http
    security = TransportSecuritySettings(
        enable_dns_rebinding_protection=bool(http.allowed_hosts),
        allowed_hosts=list(http.allowed_hosts),
        allowed_origins=[f"http://{host}" for host in http.allowed_hosts],
    )
    return StreamableHTTPSessionManager(
        app=server,
        json_response=http.json_response,
        stateless=http.stateless_http,
        security_settings=security,
        session_idle_timeout=None if http.stateless_http else 1800,
    )


def build_http_app(server: DocstoreServer, settings: DocstoreSettings | None = None) -> Starlette:
    settings = settings or server.state.settings
    manager = build_session_manager(server, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            logger.info("docstore serving %s", settings.http.streamable_http_path)
            yield

    async def healthz(request: Request) -> JSONResponse:
        init = server.create_initialization_options()
        return JSONResponse(
            {
                "serverVersion": init.server_version,
                "capabilities": server.describe_capabilities(),
                "settings": settings.to_wire(),
            }
        )

    app = Starlette(
        debug=settings.log_level == "debug",
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route(settings.http.streamable_http_path, endpoint=StreamableHTTPEndpoint(manager)),
        ],
        lifespan=lifespan,
    )
    app.state.session_manager = manager
    return app


def serve_http(server: DocstoreServer, settings: DocstoreSettings | None = None) -> None:
    import uvicorn

    settings = settings or server.state.settings
    app = build_http_app(server, settings)
    uvicorn.run(app, host=settings.http.host, port=settings.http.port, log_level="info")
