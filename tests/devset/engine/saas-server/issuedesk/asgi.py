"""ASGI application for hosted deployments (``uvicorn --factory issuedesk.asgi:create_app``).

Serves streamable HTTP at ``/mcp`` and the older SSE transport under ``/legacy``
for clients that have not moved on yet.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from issuedesk import __version__
from issuedesk.config import ServerSettings
from issuedesk.server import create_server


def create_app(
    settings: ServerSettings | None = None,
    *,
    http_transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    settings = settings or ServerSettings.from_env()
    mcp = create_server(settings, http_transport=http_transport)
    mcp.settings.streamable_http_path = settings.streamable_http_path
    streamable = mcp.streamable_http_app()
    legacy = mcp.sse_app(mount_path="/legacy")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    async def index(request: Request) -> Response:
        return PlainTextResponse(
            f"IssueDesk MCP {__version__}\n"
            f"streamable HTTP: {mcp.settings.streamable_http_path}\n"
            f"SSE: /legacy{mcp.settings.sse_path}\n"
        )

    app = Starlette(
        debug=settings.debug,
        routes=[
            Route("/", index),
            Mount("/legacy", app=legacy),
            Mount("/", app=streamable),
        ],
        lifespan=lifespan,
    )
    app.state.mcp = mcp
    return app
