"""ASGI application: SSE and streamable HTTP transports side by side, plus a health probe.

Run with ``uvicorn warehouse.asgi:app``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from warehouse import __version__
from warehouse.server import WarehouseServer, get_server

SSE_PREFIX = "/legacy"


def build_app(mcp: WarehouseServer | None = None) -> Starlette:
    server = mcp if mcp is not None else get_server()

    # The SSE app advertises its message endpoint relative to where it is mounted.
    server.settings.mount_path = SSE_PREFIX
    sse_app = server.sse_app()
    http_app = server.streamable_http_app()

    async def health(request: Request) -> JSONResponse:
        settings = server.settings
        return JSONResponse(
            {
                "status": "ok",
                "server": server.name,
                "version": __version__,
                "bind": f"{settings.host}:{settings.port}",
                "endpoints": {
                    "sse": f"{SSE_PREFIX}{settings.sse_path}",
                    "messages": f"{SSE_PREFIX}{settings.message_path}",
                    "streamableHttp": settings.streamable_http_path,
                },
                "jsonResponse": settings.json_response,
                "stateless": settings.stateless_http,
                "dnsRebindingProtection": bool(
                    settings.transport_security and settings.transport_security.enable_dns_rebinding_protection
                ),
            }
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with server.session_manager.run():
            yield

    return Starlette(
        debug=server.settings.debug,
        routes=[
            Route("/healthz", health, methods=["GET"]),
            Mount(SSE_PREFIX, app=sse_app),
            Mount("/", app=http_app),
        ],
        lifespan=lifespan,
    )


def __getattr__(name: str) -> Starlette:
    # Built lazily so importing this module never constructs the server.
    if name == "app":
        return build_app()
    raise AttributeError(name)
