"""Streamable HTTP deployment (stateless, behind a load balancer)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

from .server import HISTORY, server

session_manager = StreamableHTTPSessionManager(app=server, event_store=None, json_response=False, stateless=True)


async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
    await session_manager.handle_request(scope, receive, send)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse(
        {
            "server": server.name,
            "version": server.version,
            "handlers": sorted(request_type.__name__ for request_type in server.request_handlers),
            "recent_runs": len(HISTORY.recent(100)),
        }
    )


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with session_manager.run():
        yield


app = Starlette(
    routes=[Route("/healthz", healthz), Mount("/mcp", app=handle_mcp)],
    lifespan=lifespan,
)
