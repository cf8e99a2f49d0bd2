"""ASGI assembly: the MCP endpoint mounted next to the service's own routes."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route

from mcp.server.fastmcp import FastMCP

from ledgerd.config import ServerConfig
from ledgerd.server import AppContext

BOOTED_AT = time.time()


def register_custom_routes(mcp: FastMCP[AppContext], config: ServerConfig) -> None:
    """Routes served by the MCP app itself (they bypass bearer auth)."""

    @mcp.custom_route("/healthz", methods=["GET"], name="healthz")
    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "server": mcp.name, "uptime": round(time.time() - BOOTED_AT, 3)})

    @mcp.custom_route("/config", methods=["GET"], include_in_schema=False)
    async def show_config(request: Request) -> Response:
        return JSONResponse(config.describe())


def build_app(mcp: FastMCP[AppContext], config: ServerConfig) -> Starlette:
    """Mount the MCP server under ``config.mount_path`` alongside the landing page.

    The transport-specific sub-app is chosen from ``config.transport``; stdio
    deployments never build an ASGI app.
    """
    if config.transport == "sse":
        mcp_app = mcp.sse_app(config.mount_path)
    else:
        mcp_app = mcp.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if config.transport == "sse":
            yield
            return
        async with mcp.session_manager.run():
            yield

    async def index(request: Request) -> Response:
        layout = config.layout()
        body = f"{mcp.name}: MCP endpoint at {layout.mcp if config.transport != 'sse' else layout.sse}\n"
        return PlainTextResponse(body)

    async def version(request: Request) -> Response:
        settings = mcp.settings
        return JSONResponse(
            {
                "name": mcp.name,
                "transport": config.transport,
                "streamableHttpPath": settings.streamable_http_path,
                "statelessHttp": settings.stateless_http,
                "jsonResponse": settings.json_response,
            }
        )

    routes: list[BaseRoute] = [Route("/version", version, methods=["GET"])]
    if config.layout().root == "/":
        routes.append(Mount("/", app=mcp_app))
    else:
        routes.append(Route("/", index, methods=["GET"]))
        routes.append(Mount(config.layout().root, app=mcp_app))
    return Starlette(debug=mcp.settings.debug, routes=routes, lifespan=lifespan)
