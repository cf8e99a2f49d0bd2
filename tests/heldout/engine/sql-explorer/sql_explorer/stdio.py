"""Serve the SQL explorer over stdio (for desktop clients)."""

from __future__ import annotations

import sys

import anyio
from mcp.server.stdio import stdio_server

from .app import SqlExplorerServer


async def run(dsn: str) -> None:
    explorer = SqlExplorerServer(dsn)
    async with stdio_server() as (read_stream, write_stream):
        await explorer.server.run(
            read_stream,
            write_stream,
            explorer.initialization_options(),
            stateless=False,
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m sql_explorer.stdio DATABASE")
    anyio.run(run, sys.argv[1])
