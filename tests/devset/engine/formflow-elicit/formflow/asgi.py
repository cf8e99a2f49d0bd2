"""ASGI entry point: ``uvicorn formflow.asgi:app``.

The MCP endpoint is mounted under ``/forms`` next to a plain status route so the
same process can sit behind the company ingress.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from formflow.server import mcp, settings


async def version(request: Request) -> PlainTextResponse:
    from formflow import __version__

    return PlainTextResponse(f"formflow {__version__}")


def build_app(mount: str = "/forms") -> Starlette:
    mcp.settings.streamable_http_path = settings.streamable_http_path
    mcp.settings.json_response = settings.json_response
    mcp.settings.stateless_http = settings.stateless_http
    mcp_app = mcp.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    return Starlette(
        routes=[Route("/version", version), Mount(mount, app=mcp_app)],
        lifespan=lifespan,
    )
