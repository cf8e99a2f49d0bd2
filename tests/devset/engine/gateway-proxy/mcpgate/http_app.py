"""ASGI entry point: the gateway's streamable HTTP endpoint plus ops routes."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from mcpgate.gateway import Gateway


def build_app(gateway: Gateway, *, mount_path: str | None = None) -> Starlette:
    server = gateway.mcp
    server.settings.streamable_http_path = mount_path or gateway.settings.streamable_http_path
    server.settings.json_response = gateway.settings.json_response
    server.settings.stateless_http = gateway.settings.stateless_http
    mcp_app = server.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with gateway:
            await gateway.start()
            async with server.session_manager.run():
                yield

    async def healthz(request: Request) -> JSONResponse:
        states = {name: u.state for name, u in gateway.upstreams.items()}
        ok = all(state == "ready" for state in states.values())
        return JSONResponse({"status": "ok" if ok else "degraded", "upstreams": states}, status_code=200 if ok else 503)

    async def stats(request: Request) -> JSONResponse:
        return JSONResponse(gateway.stats.snapshot())

    return Starlette(
        routes=[Route("/healthz", healthz), Route("/admin/stats", stats), Mount("/", app=mcp_app)],
        lifespan=lifespan,
    )
