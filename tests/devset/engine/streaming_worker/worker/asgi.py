"""ASGI entry point: `uvicorn worker.asgi:app`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from .event_store import InMemoryEventStore
from .jobs import JobRegistry
from .lowlevel_app import build_server, running_jobs

registry = JobRegistry()
event_store = InMemoryEventStore(max_events=5000)
server = build_server(registry)
session_manager = StreamableHTTPSessionManager(app=server, event_store=event_store, retry_interval=1000)


async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
    await session_manager.handle_request(scope, receive, send)


async def health(_request: Request) -> JSONResponse:
    return JSONResponse({"ok": True, "running": len(running_jobs(registry))})


@contextlib.asynccontextmanager
async def lifespan(_app: Starlette) -> AsyncIterator[None]:
    async with session_manager.run():
        yield


app = Starlette(routes=[Route("/healthz", health), Mount("/mcp", app=handle_mcp)], lifespan=lifespan)
