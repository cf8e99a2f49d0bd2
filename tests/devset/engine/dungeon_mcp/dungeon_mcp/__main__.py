"""Serve the dungeon over stdio."""

from __future__ import annotations

import logging
import sys

import anyio

from mcp.server.stdio import stdio_server

from dungeon_mcp.server import build_server, initialization_options


async def serve() -> None:
    server = build_server()
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, initialization_options(server))


def main() -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    anyio.run(serve)


if __name__ == "__main__":
    main()
