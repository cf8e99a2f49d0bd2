"""ASGI deployment: the MCP endpoints mounted inside the ops web app.

Run with ``uvicorn --factory buildops.asgi:create_app``.  The streamable HTTP
endpoint lives under ``/mcp/``, the legacy SSE endpoint (for older IDE
plugins) under ``/legacy/``, next to the health and version probes used by
the load balancer.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route

from buildops import __version__
from buildops.app import get_server
from buildops.config import ListenConfig
from buildops.server import BUILD_QUEUE

STARTED_AT = time.time()
HTTP_PREFIX = "/mcp"
LEGACY_PREFIX = "/legacy"


async def healthz(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


async def readyz(request: Request) -> JSONResponse:
    ready = bool(BUILD_QUEUE.pipelines)
    return JSONResponse({"ready": ready, "pipelines": len(BUILD_QUEUE.pipelines)}, status_code=200 if ready else 503)


async def version_info(request: Request) -> JSONResponse:
    server = get_server()
    return JSONResponse(
        {
            "name": server.name,
            "version": __version__,
            "uptime_s": round(time.time() - STARTED_AT, 1),
            "endpoints": {
                "streamable_http": HTTP_PREFIX + "/",
                "sse": LEGACY_PREFIX + server.settings.sse_path,
                "messages": server.settings.mount_path.rstrip("/") + server.settings.message_path,
            },
        }
    )


def create_app(cfg: ListenConfig | None = None) -> Starlette:
    cfg = (cfg or ListenConfig.from_env()).normalised()
    server = get_server()

    # The sub-apps are mounted under a prefix, so they serve from their root.
    server.settings.streamable_http_path = "/"
    server.settings.json_response = cfg.json_response
    server.settings.stateless_http = cfg.stateless_http
    server.settings.debug = cfg.log_level == "DEBUG"

    security = server.settings.transport_security
    if security is not None:
        security.allowed_hosts.extend(h for h in cfg.allowed_hosts if h not in security.allowed_hosts)

    http_app = server.streamable_http_app()
    legacy_app = server.sse_app(mount_path=LEGACY_PREFIX)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with server.session_manager.run():
            yield

    return Starlette(
        debug=server.settings.debug,
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/version", version_info),
            Mount(LEGACY_PREFIX, app=legacy_app),
            Mount(HTTP_PREFIX, app=http_app),
        ],
        lifespan=lifespan,
    )
