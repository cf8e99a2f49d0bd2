"""ASGI wiring for running the host inside a larger Starlette application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount

from pluginhost.app import get_app, get_config


def build_asgi(with_sse: bool = False) -> Starlette:
    mcp = get_app()
    config = get_config()
    mcp.settings.streamable_http_path = config.streamable_http_path
    mcp.settings.json_response = config.json_response
    mcp.settings.stateless_http = config.stateless_http
    http_app = mcp.streamable_http_app()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    routes: list[BaseRoute] = []
    if with_sse:
        routes.append(Mount("/legacy", app=mcp.sse_app(mount_path="/legacy")))
    routes.append(Mount("/", app=http_app))
    return Starlette(routes=routes, lifespan=lifespan)
