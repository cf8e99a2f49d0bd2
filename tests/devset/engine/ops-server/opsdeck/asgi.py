"""ASGI entry point: ``uvicorn opsdeck.asgi:app``.

Serves streamable HTTP at the root and the legacy SSE transport under the
configured mount path, next to a plain health endpoint for the load balancer.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from mcp.server.fastmcp import FastMCP
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount

from opsdeck.config import DeckSettings
from opsdeck.server import build_server
from opsdeck.state import AppState


def create_app(settings: DeckSettings | None = None, mcp: FastMCP[AppState] | None = None) -> Starlette:
    settings = settings or DeckSettings.from_env()
    server = mcp or build_server(settings)

    @server.custom_route("/healthz", methods=["GET"], include_in_schema=False)
    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "server": server.name, **settings.as_dict()})

    streamable = server.streamable_http_app()
    legacy_sse = server.sse_app(mount_path=settings.mount_path)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with server.session_manager.run():
            yield

    return Starlette(
        debug=server.settings.debug,
        routes=[
            Mount(settings.mount_path, app=legacy_sse),
            Mount("/", app=streamable),
        ],
        lifespan=lifespan,
    )
