"""ASGI entry point: ``uvicorn tenantd.asgi:app``.

The MCP endpoint is mounted into a small Starlette app that also serves a landing
page. Because the MCP app is mounted, its own lifespan never runs; ours has to
start the streamable-HTTP session manager.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from tenantd import __version__
from tenantd.config import TenantdSettings
from tenantd.server import create_server


async def landing(request: Request) -> Response:
    return JSONResponse({"service": "tenantd", "version": __version__, "docs": "https://tenantd.example.com/docs"})


def build_app(settings: TenantdSettings | None = None) -> Starlette:
    settings = settings or TenantdSettings.from_env()
    mcp = create_server(settings)
    if settings.mount_prefix:
        # Serve the endpoint at the root of the mounted sub-app: /<prefix>/ instead of /<prefix>/mcp.
        mcp.settings.streamable_http_path = "/"
    mcp_app = mcp.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    routes: list[BaseRoute] = [Route("/", landing, methods=["GET"])]
    routes.append(Mount(settings.mount_prefix or "/", app=mcp_app))
    app = Starlette(debug=settings.debug, routes=routes, lifespan=lifespan)
    app.state.mcp = mcp
    return app


def __getattr__(name: str) -> Starlette:
    # Build lazily so importing this module (e.g. in tests) does not read the environment.
    if name == "app":
        return build_app()
    raise AttributeError(name)
