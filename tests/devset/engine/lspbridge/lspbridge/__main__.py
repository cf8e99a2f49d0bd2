"""Entry point used by the extension (stdio) or by external clients (HTTP)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
from collections.abc import AsyncIterator

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.types import Receive, Scope, Send

from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

from lspbridge import __version__
from lspbridge.editor import EditorChannel
from lspbridge.server import BridgeServer
from lspbridge.workspace import Workspace


def build(root: str) -> tuple[BridgeServer, EditorChannel]:
    workspace = Workspace(root)
    bridge = BridgeServer(workspace)
    return bridge, EditorChannel(workspace, bridge.hub)


async def serve_stdio(bridge: BridgeServer, channel: EditorChannel, events: str | None) -> None:
    async with stdio_server() as (read_stream, write_stream):
        async with anyio.create_task_group() as tg:
            if events:
                tg.start_soon(channel.pump_path, events)
            await bridge.server.run(read_stream, write_stream, bridge.initialization_options())
            tg.cancel_scope.cancel()


def build_http_app(bridge: BridgeServer, channel: EditorChannel, events: str | None) -> Starlette:
    manager = StreamableHTTPSessionManager(app=bridge.server, json_response=False, stateless=False)

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "version": __version__,
                "documents": len(bridge.workspace.documents),
                "events": channel.stats.__dict__,
            }
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            async with anyio.create_task_group() as tg:
                if events:
                    tg.start_soon(channel.pump_path, events)
                yield
                tg.cancel_scope.cancel()

    return Starlette(
        routes=[Route("/healthz", health), Mount("/mcp", app=handle_mcp)],
        lifespan=lifespan,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="lspbridge")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--stdio", action="store_true", default=True)
    mode.add_argument("--http", action="store_true")
    parser.add_argument("--port", type=int, default=int(os.environ.get("LSPBRIDGE_PORT", "7339")))
    parser.add_argument("--root", default=os.getcwd())
    parser.add_argument("--events", help="FIFO the extension writes editor events to")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    bridge, channel = build(args.root)
    if args.http:
        uvicorn.run(build_http_app(bridge, channel, args.events), host="127.0.0.1", port=args.port)
    else:
        anyio.run(serve_stdio, bridge, channel, args.events)


if __name__ == "__main__":
    main()
