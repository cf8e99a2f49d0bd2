"""Streamable HTTP app for the ops server."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from opsserver.server import OpsServer


def create_app(ops: OpsServer | None = None, *, json_response: bool = False, stateless: bool = False) -> Starlette:
    ops = ops or OpsServer()
    manager = StreamableHTTPSessionManager(
        app=ops.server,
        event_store=None,
        json_response=json_response,
        stateless=stateless,
    )

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"server": ops.server.name, "version": ops.server.version, "stateless": stateless})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    app = Starlette(
        routes=[Route("/healthz", healthz), Mount("/mcp", app=handle_mcp)],
        lifespan=lifespan,
    )
    app.state.session_manager = manager
    return app
