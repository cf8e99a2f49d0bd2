"""Streamable HTTP hosting for sandboxfs (``--http``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from mcp.server.lowlevel import Server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings

from . import __version__
from .config import SandboxSettings


def build_http_app(
    server: Server[Any, Any],
    settings: SandboxSettings,
    *,
    security: TransportSecuritySettings | None = None,
) -> tuple[Starlette, StreamableHTTPSessionManager]:
    manager = StreamableHTTPSessionManager(
        app=server,
        json_response=settings.json_response,
        stateless=settings.stateless_http,
        security_settings=security or TransportSecuritySettings(allowed_hosts=[settings.bind_address, f"localhost:{settings.port}"]),
    )

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "server": server.name, "version": __version__, "mode": settings.transport})

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    app = Starlette(
        routes=[Route("/healthz", health), Mount("/mcp", app=handle_mcp)],
        lifespan=lifespan,
    )
    return app, manager
