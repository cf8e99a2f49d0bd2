"""Command line entry point: ``python -m sandboxfs [options] DIR...``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import anyio

from mcp.server.lowlevel import NotificationOptions
from mcp.server.models import InitializationOptions
from mcp.server.stdio import stdio_server
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION

from . import __version__
from .config import SandboxSettings
from .server import INSTRUCTIONS, SandboxServer, build_server


def settings_from_args(argv: Sequence[str] | None = None) -> tuple[SandboxSettings, argparse.Namespace]:
    parser = argparse.ArgumentParser(prog="sandboxfs")
    parser.add_argument("roots", nargs="*", type=Path, help="allowed directories")
    parser.add_argument("--read-only", action="append", type=Path, default=[], metavar="DIR")
    parser.add_argument("--config", type=Path, help="JSON settings file")
    parser.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--no-client-roots", action="store_true", help="ignore roots offered by the client")
    parser.add_argument("--describe", action="store_true", help="print capabilities and exit")
    ns = parser.parse_args(argv)
    settings = (SandboxSettings.from_file(ns.config) if ns.config else SandboxSettings()).with_env()
    settings.allowed_roots = list(ns.roots) or settings.allowed_roots
    settings.read_only_roots += ns.read_only
    settings.transport = "streamable-http" if ns.http else settings.transport
    settings.host = ns.host or settings.host
    settings.port = ns.port or settings.port
    settings.stateless_http = settings.stateless_http or ns.stateless
    settings.use_client_roots = settings.use_client_roots and not ns.no_client_roots
    return settings, ns


def stdio_options(server: SandboxServer) -> InitializationOptions:
    return InitializationOptions(
        server_name=server.name,
        server_version=__version__,
        capabilities=server.get_capabilities(
            notification_options=NotificationOptions(resources_changed=True),
            experimental_capabilities={},
        ),
        instructions=INSTRUCTIONS,
    )


async def serve_stdio(settings: SandboxSettings) -> None:
    server = build_server(settings)
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, stdio_options(server), raise_exceptions=False, stateless=False)


def describe(settings: SandboxSettings) -> str:
    caps = stdio_options(build_server(settings)).capabilities
    protocol = {"latest": LATEST_PROTOCOL_VERSION, "supported": list(SUPPORTED_PROTOCOL_VERSIONS)}
    payload = {"version": __version__, "protocol": protocol, "capabilities": caps.model_dump(exclude_none=True)}
    return json.dumps({**payload, "settings": settings.to_mapping()}, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    settings, ns = settings_from_args(argv)
    logging.basicConfig(level=getattr(logging, settings.log_level.upper(), logging.INFO), stream=sys.stderr)
    if ns.describe:
        print(describe(settings))
    elif settings.transport == "streamable-http":
        import uvicorn

        from .http_app import build_http_app

        app, _ = build_http_app(build_server(settings), settings)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level=settings.log_level)
    else:
        anyio.run(serve_stdio, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
