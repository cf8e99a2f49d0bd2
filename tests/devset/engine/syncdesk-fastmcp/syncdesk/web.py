"""ASGI composition: streamable HTTP at the root, legacy SSE under /legacy.

Run with ``uvicorn --factory syncdesk.web:build_app`` or ``python -m syncdesk --transport http``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount

from .app import mcp
from .settings import join_url_path

LEGACY_PREFIX = "/legacy"

STARTED = time.time()
_status_events: list[dict[str, object]] = []


@mcp.custom_route("/healthz", methods=["GET"])
async def healthz(request: Request) -> Response:
    return JSONResponse(
        {
            "status": "ok",
            "server": mcp.name,
            "uptime": round(time.time() - STARTED, 3),
            "streamableHttpPath": mcp.settings.streamable_http_path,
        }
    )


@mcp.custom_route("/hooks/status", methods=["POST"], name="status-hook")
async def status_hook(request: Request) -> Response:
    """Receives pushes from the status page provider."""
    try:
        payload = await request.json()
    except ValueError:
        return JSONResponse({"error": "invalid json"}, status_code=400)
    if not isinstance(payload, dict) or "indicator" not in payload:
        return JSONResponse({"error": "missing indicator"}, status_code=422)
    _status_events.append({"indicator": payload["indicator"], "receivedAt": time.time()})
    return JSONResponse({"accepted": True, "events": len(_status_events)}, status_code=202)


def status_events() -> list[dict[str, object]]:
    return list(_status_events)


def endpoints(legacy_prefix: str = LEGACY_PREFIX) -> dict[str, str]:
    """Public paths as clients should use them."""
    # sse_app(mount_path=...) records the prefix on the settings object
    sse_mount = mcp.settings.mount_path if mcp.settings.mount_path != "/" else legacy_prefix
    return {
        "streamableHttp": mcp.settings.streamable_http_path,
        "sse": join_url_path(sse_mount, mcp.settings.sse_path),
        "messages": join_url_path(sse_mount, mcp.settings.message_path),
        "health": "/healthz",
    }


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    async with mcp.session_manager.run():
        yield


def build_app() -> Starlette:
    streamable = mcp.streamable_http_app()
    legacy = mcp.sse_app(mount_path=LEGACY_PREFIX)
    return Starlette(
        debug=mcp.settings.debug,
        routes=[
            Mount(LEGACY_PREFIX, app=legacy),
            Mount("/", app=streamable),
        ],
        lifespan=lifespan,
    )
