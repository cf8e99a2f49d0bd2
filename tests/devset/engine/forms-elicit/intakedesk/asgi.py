"""ASGI entry point for running the desk behind uvicorn or inside a bigger app."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route

from intakedesk.server import SETTINGS, mcp


async def index(request: Request) -> Response:
    return PlainTextResponse(f"{SETTINGS.clinic_name} intake desk. MCP endpoint under /desk{mcp.settings.streamable_http_path}")


def build_app(*, json_response: bool | None = None, stateless: bool | None = None) -> Starlette:
    """Mount the streamable HTTP app under /desk with the session manager in our lifespan."""
    if json_response is not None:
        mcp.settings.json_response = json_response
    if stateless is not None:
        mcp.settings.stateless_http = stateless
    mcp.settings.streamable_http_path = "/mcp"
    desk_app = mcp.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    return Starlette(
        routes=[Route("/", endpoint=index), Mount("/desk", app=desk_app)],
        lifespan=lifespan,
    )


def build_sse_app() -> Starlette:
    mcp.settings.sse_path = "/events"
    mcp.settings.message_path = "/events/messages/"
    return mcp.sse_app(mount_path="/legacy")
