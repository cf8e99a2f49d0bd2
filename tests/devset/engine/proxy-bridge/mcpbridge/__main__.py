"""``python -m mcpbridge bridge.json [--http]``"""

from __future__ import annotations

import argparse
import logging

import anyio

from mcp.server.stdio import stdio_server
from mcpbridge.server import Bridge
from mcpbridge.settings import load_settings


async def serve_stdio(bridge: Bridge) -> None:
    async with bridge.running(), stdio_server() as (read_stream, write_stream):
        await bridge.server.run(read_stream, write_stream, bridge.initialization_options(), stateless=False)


def main() -> None:
    parser = argparse.ArgumentParser(prog="mcpbridge")
    parser.add_argument("config")
    parser.add_argument("--http", action="store_true", help="serve streamable HTTP instead of stdio")
    args = parser.parse_args()
    settings = load_settings(args.config)
    logging.basicConfig(level=settings.log_level.upper())
    bridge = Bridge(settings)
    if args.http or settings.transport == "streamable-http":
        import uvicorn

        from mcpbridge.http import create_app

        uvicorn.run(create_app(bridge), host=settings.host, port=settings.port)
    else:
        anyio.run(serve_stdio, bridge)


if __name__ == "__main__":
    main()
