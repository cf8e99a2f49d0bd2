"""Entry points: stdio for desktop clients, streamable HTTP for the wall tablet."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator

import anyio
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import Receive, Scope, Send

from hearthvault.app import HearthServer


async def run_stdio(app: HearthServer) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await app.server.run(read_stream, write_stream, app.initialization_options(), raise_exceptions=False)


def build_http_app(app: HearthServer, *, stateless: bool = False, json_response: bool = False) -> Starlette:
    manager = StreamableHTTPSessionManager(app=app.server, json_response=json_response, stateless=stateless)

    async def handle(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    return Starlette(routes=[Mount("/mcp", app=handle)], lifespan=lifespan)


def cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="hearthvault")
    parser.add_argument("--http", action="store_true")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--stateless", action="store_true")
    args = parser.parse_args(argv)
    app = HearthServer()
    if args.http:
        import uvicorn

        uvicorn.run(build_http_app(app, stateless=args.stateless), host="0.0.0.0", port=args.port)
    else:
        anyio.run(run_stdio, app)


if __name__ == "__main__":
    cli()
