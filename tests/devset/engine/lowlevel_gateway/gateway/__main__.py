"""Entry point: `python -m gateway --config upstreams.json [--transport stdio|http]`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import Receive, Scope, Send

from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.stdio import stdio_server
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.shared.message import SessionMessage

from gateway.relay import audit_stream
from gateway.server import build_server
from gateway.upstreams import UpstreamPool, load_specs

async def serve_stdio(server: Server[Any, Any], upstream_count: int, audit_log: TextIO | None) -> None:
    options = server.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True, resources_changed=True),
        experimental_capabilities={"gateway": {"upstreams": upstream_count}},
    )
    async with stdio_server() as (read_stream, write_stream), anyio.create_task_group() as tg:
        if audit_log is not None:
            audited_send, audited_receive = anyio.create_memory_object_stream[SessionMessage | Exception](16)
            tg.start_soon(audit_stream, read_stream, audited_send, audit_log)
            read_stream = audited_receive
        await server.run(read_stream, write_stream, options)
        tg.cancel_scope.cancel()


def build_http_app(server: Server[Any, Any], *, json_response: bool = False, stateless: bool = False) -> Starlette:
    manager = StreamableHTTPSessionManager(app=server, event_store=None, json_response=json_response, stateless=stateless)

    async def handle_mcp(scope: Scope, receive: Receive, send: Send) -> None:
        await manager.handle_request(scope, receive, send)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with manager.run():
            yield

    return Starlette(routes=[Mount("/mcp", app=handle_mcp)], lifespan=lifespan)


async def amain(args: argparse.Namespace) -> None:
    async with UpstreamPool(call_timeout=args.call_timeout) as pool:
        for spec in load_specs(args.config):
            await pool.connect(spec)
        server = build_server(pool)
        if args.transport == "stdio":
            with contextlib.ExitStack() as stack:
                audit = stack.enter_context(args.audit_log.open("a")) if args.audit_log else None
                await serve_stdio(server, len(pool.sessions), audit)
        else:
            app = build_http_app(server, stateless=args.stateless)
            await uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=args.port)).serve()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="mcp-gateway")
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--transport", choices=["stdio", "http"], default="stdio")
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--audit-log", type=Path)
    parser.add_argument("--call-timeout", type=float, default=60.0)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    anyio.run(amain, parser.parse_args(argv))


if __name__ == "__main__":
    main()
