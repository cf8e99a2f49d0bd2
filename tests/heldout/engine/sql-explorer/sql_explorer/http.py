"""Serve the SQL explorer over streamable HTTP with Starlette + uvicorn."""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator

import uvicorn
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from .app import SqlExplorerServer


def create_app(dsn: str, *, stateless: bool = False, allowed_hosts: list[str] | None = None) -> Starlette:
    explorer = SqlExplorerServer(dsn)
    security = None
    if allowed_hosts:
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=allowed_hosts,
            allowed_origins=[f"https://{h}" for h in allowed_hosts],
        )
    manager = StreamableHTTPSessionManager(
        app=explorer.server,
        event_store=None,
        json_response=True,
        stateless=stateless,
        security_settings=security,
    )

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "server": explorer.server.name, "version": explorer.server.version})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            logging.getLogger("sql_explorer").info("session manager started")
            yield

    return Starlette(
        routes=[Route("/healthz", health), Mount("/mcp", app=handle_mcp)],
        lifespan=lifespan,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dsn")
    parser.add_argument("--port", type=int, default=3001)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--allow-host", action="append", default=[])
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    uvicorn.run(create_app(args.dsn, stateless=args.stateless, allowed_hosts=args.allow_host), port=args.port)


if __name__ == "__main__":
    main()
