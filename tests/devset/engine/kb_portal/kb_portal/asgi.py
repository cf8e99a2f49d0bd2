"""ASGI entry point: the portal's own routes plus the MCP apps.

Served with ``uvicorn kb_portal.asgi:application``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route

from .mcp_server import mcp, repository
from .settings import get_settings

conf = get_settings()


async def index(_: Request) -> Response:
    return JSONResponse(
        {
            "portal": "kb",
            "mcp": {
                "streamable_http": conf.mcp_prefix + mcp.settings.streamable_http_path,
                "sse": conf.mcp_legacy_sse_prefix + mcp.settings.sse_path,
                "json_response": mcp.settings.json_response,
                "stateless": mcp.settings.stateless_http,
            },
        }
    )


async def article_json(request: Request) -> Response:
    article = repository.get(request.path_params["slug"])
    if article is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"slug": article.slug, "title": article.title, "body": article.body})


def _describe_mount() -> dict[str, str]:
    # Used by the admin "about" page.
    return {
        "mount_path": mcp.settings.mount_path,
        "message_path": mcp.settings.message_path,
        "host": mcp.settings.host,
        "port": str(mcp.settings.port),
        "log_level": mcp.settings.log_level,
    }


# The streamable HTTP app must exist before the lifespan touches mcp.session_manager.
streamable_app = mcp.streamable_http_app()
legacy_sse_app = mcp.sse_app(mount_path=conf.mcp_legacy_sse_prefix)


@contextlib.asynccontextmanager
async def lifespan(_: Starlette) -> AsyncIterator[None]:
    async with mcp.session_manager.run():
        yield


def build_application() -> Starlette:
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=conf.allowed_hosts),
        Middleware(
            CORSMiddleware,
            allow_origins=conf.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Mcp-Session-Id", "Mcp-Protocol-Version"],
            expose_headers=["Mcp-Session-Id"],
        ),
    ]
    routes = [
        Route("/", index),
        Route("/api/articles/{slug}", article_json),
        Route("/api/about/mcp", lambda _: JSONResponse(_describe_mount())),
        Mount(conf.mcp_prefix, app=streamable_app),
        Mount(conf.mcp_legacy_sse_prefix, app=legacy_sse_app),
    ]
    return Starlette(debug=conf.debug, routes=routes, middleware=middleware, lifespan=lifespan)


application = build_application()
