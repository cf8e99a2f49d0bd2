"""Serving orchestra: stdio for desktop clients, streamable HTTP for the fleet."""

from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator, Sequence

import anyio
from mcp.server.lowlevel import NotificationOptions
from mcp.server.models import InitializationOptions
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from orchestra.app import registered_methods, server

logger = logging.getLogger(__name__)


def initialization_options() -> InitializationOptions:
    return server.create_initialization_options(
        notification_options=NotificationOptions(resources_changed=True),
        experimental_capabilities={"orchestra/runs": {"cancel": True, "approvals": True}},
    )


async def run_stdio() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, initialization_options())


def build_session_manager(*, json_response: bool = False, stateless: bool = False) -> StreamableHTTPSessionManager:
    return StreamableHTTPSessionManager(
        app=server,
        json_response=json_response,
        stateless=stateless,
        security_settings=TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=["orchestra.internal:*", "localhost:*"],
            allowed_origins=["https://console.orchestra.internal"],
        ),
    )


def build_http_app(*, json_response: bool = False, stateless: bool = False) -> Starlette:
    manager = build_session_manager(json_response=json_response, stateless=stateless)

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "server": server.name,
                "version": server.version,
                "stateless": manager.stateless,
                "json_response": manager.json_response,
                "methods": registered_methods(),
            }
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            logger.info("orchestra HTTP transport ready")
            yield

    return Starlette(routes=[Route("/healthz", health), Mount("/mcp", app=handle_mcp)], lifespan=lifespan)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="orchestra-mcp")
    parser.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7430)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--json-response", action="store_true")
    args = parser.parse_args(argv)
    if args.http:
        import uvicorn

        app = build_http_app(json_response=args.json_response, stateless=args.stateless)
        uvicorn.run(app, host=args.host, port=args.port)
    else:
        anyio.run(run_stdio)
