"""ASGI application: streamable HTTP at / and legacy SSE under /legacy."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

import uvicorn
from mcp.server.fastmcp import FastMCP
from starlette.applications import Starlette
from starlette.routing import Mount

from .config import VaultConfig
from .provider import InMemoryOAuthProvider
from .server import build_server

log = logging.getLogger("authed_server")


def create_app(server: FastMCP) -> Starlette:
    # Build both sub-apps first: session_manager only exists afterwards.
    legacy = server.sse_app()
    modern = server.streamable_http_app()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with server.session_manager.run():
            log.info(
                "vault listening on %s:%s (mcp at %s, sse at /legacy%s)",
                server.settings.host,
                server.settings.port,
                server.settings.streamable_http_path,
                server.settings.sse_path,
            )
            yield

    return Starlette(
        debug=server.settings.debug,
        routes=[Mount("/legacy", app=legacy), Mount("/", app=modern)],
        lifespan=lifespan,
    )


config = VaultConfig.from_env()
provider = InMemoryOAuthProvider(config)
mcp = build_server(config, provider)
app = create_app(mcp)


def main() -> None:
    logging.basicConfig(level=mcp.settings.log_level)
    uvicorn.run(app, host=mcp.settings.host, port=mcp.settings.port)


if __name__ == "__main__":
    main()
