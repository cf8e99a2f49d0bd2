"""ASGI entry point for the docs site: JSON API plus the MCP endpoints.

Run with ``uvicorn docsearch.web:app``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route

from docsearch.corpus import ServerAddress, load_default_corpus
from docsearch.server import mcp

MCP_PREFIX = "/api/mcp"
LEGACY_PREFIX = "/api/legacy"

_corpus = load_default_corpus()


async def health(request: Request) -> JSONResponse:
    settings = mcp.settings
    return JSONResponse(
        {
            "status": "ok",
            "server": mcp.name,
            "endpoints": {
                "streamable_http": MCP_PREFIX + settings.streamable_http_path,
                "sse": LEGACY_PREFIX + settings.sse_path,
                "messages": LEGACY_PREFIX + settings.message_path,
            },
            "json_response": settings.json_response,
            "stateless": settings.stateless_http,
            "debug": settings.debug,
        }
    )


async def list_pages(request: Request) -> JSONResponse:
    return JSONResponse(_corpus.listing(request.query_params.get("cursor")))


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    # Mounted sub-apps do not run their own lifespan; start the session manager here.
    async with mcp.session_manager.run():
        yield


def public_address() -> ServerAddress:
    return ServerAddress(host=mcp.settings.host, port=mcp.settings.port)


def create_app(*, json_response: bool | None = None, stateless: bool | None = None) -> Starlette:
    if json_response is not None:
        mcp.settings.json_response = json_response
    if stateless is not None:
        mcp.settings.stateless_http = stateless
    routes = [
        Route("/healthz", health),
        Route("/api/pages", list_pages),
        Mount(MCP_PREFIX, app=mcp.streamable_http_app()),
        Mount(LEGACY_PREFIX, app=mcp.sse_app(mount_path=LEGACY_PREFIX)),
    ]
    return Starlette(debug=mcp.settings.debug, routes=routes, lifespan=lifespan)
