"""Streamable HTTP front end (Starlette)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from mcpbridge.server import Bridge
from mcpbridge.settings import describe


class MCPEndpoint:
    """ASGI adapter so the session manager can sit on a plain ``Route``."""

    def __init__(self, manager: StreamableHTTPSessionManager) -> None:
        self.manager = manager

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.manager.handle_request(scope, receive, send)


def create_app(bridge: Bridge, *, manage_upstreams: bool = True) -> Starlette:
    settings = bridge.settings
    manager = StreamableHTTPSessionManager(
        app=bridge.server,
        json_response=settings.json_response,
        stateless=settings.stateless_http,
        security_settings=TransportSecuritySettings(
            enable_dns_rebinding_protection=bool(settings.allowed_hosts),
            allowed_hosts=settings.allowed_hosts,
            allowed_origins=[f"http://{host}" for host in settings.allowed_hosts],
        ),
    )

    async def health(request: Request) -> JSONResponse:
        catalog = bridge.catalog
        counts = {"tools": len(catalog.tools), "resources": len(catalog.resources), "prompts": len(catalog.prompts)}
        return JSONResponse({**describe(settings), "catalog": counts, "sessions": len(bridge.downstreams)})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            if manage_upstreams:
                await stack.enter_async_context(bridge.running())
            await stack.enter_async_context(manager.run())
            yield

    routes = [Route("/healthz", health, methods=["GET"]), Route(settings.streamable_http_path, MCPEndpoint(manager))]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.session_manager = manager
    return app
