"""Streamable HTTP hosting: the session manager mounted inside Starlette."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from docstore.server import DocServer
from docstore.settings import ServerSettings

logger = logging.getLogger(__name__)


def security_for(settings: ServerSettings) -> TransportSecuritySettings:
    if settings.allowed_hosts:
        return TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=settings.allowed_hosts,
            allowed_origins=settings.allowed_origins,
        )
    if settings.is_loopback:
        return TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*", "testserver"],
            allowed_origins=["http://127.0.0.1:*", "http://localhost:*"],
        )
    return TransportSecuritySettings(enable_dns_rebinding_protection=False)


def build_session_manager(server: DocServer, settings: ServerSettings) -> StreamableHTTPSessionManager:
    return StreamableHTTPSessionManager(
        app=server,
        event_store=None,
        json_response=settings.json_response,
        stateless=settings.stateless_http,
        security_settings=security_for(settings),
    )


class MCPEndpoint:
    """ASGI adapter so the manager can sit behind a Starlette ``Mount``."""

    def __init__(self, manager: StreamableHTTPSessionManager) -> None:
        self.manager = manager
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.requests += 1
        await self.manager.handle_request(scope, receive, send)


def build_app(server: DocServer, settings: ServerSettings | None = None) -> Starlette:
    settings = settings or server.settings
    manager = build_session_manager(server, settings)
    endpoint = MCPEndpoint(manager)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "status": "ok",
                "server": server.name,
                "version": server.version,
                "documents": len(server.store),
                "mcpRequests": endpoint.requests,
                "settings": settings.describe(),
            }
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            logger.info("docstore listening on %s%s", settings.bind_address, settings.streamable_http_path)
            yield

    app = Starlette(
        debug=settings.debug,
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Mount(settings.streamable_http_path, app=endpoint),
        ],
        lifespan=lifespan,
    )
    app.state.session_manager = manager
    app.state.mcp_endpoint = endpoint
    return app
