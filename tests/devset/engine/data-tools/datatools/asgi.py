"""ASGI entry point: ``uvicorn datatools.asgi:app``."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount

from mcp.server.fastmcp import FastMCP

from datatools.config import ServerConfig
from datatools.server import create_server
from datatools.state import AppState


def add_health_routes(server: FastMCP[AppState]) -> None:
    @server.custom_route("/healthz", methods=["GET"], include_in_schema=False)
    async def healthz(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "server": server.name,
                "streamableHttpPath": server.settings.streamable_http_path,
                "statelessHttp": server.settings.stateless_http,
                "bind": f"{server.settings.host}:{server.settings.port}",
            }
        )


def build_app(config: ServerConfig | None = None) -> Starlette:
    config = config or ServerConfig.from_env()
    server = create_server(config)
    server.settings.json_response = config.json_response or config.stateless_http
    add_health_routes(server)
    mcp_app = server.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with server.session_manager.run():
            yield

    return Starlette(routes=[Mount(config.mount_path, app=mcp_app)], lifespan=lifespan)


def __getattr__(name: str) -> Starlette:
    # Built lazily so that importing this module in tests has no side effects.
    if name == "app":
        return build_app()
    raise AttributeError(name)
