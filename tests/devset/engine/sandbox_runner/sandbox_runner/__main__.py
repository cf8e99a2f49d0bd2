from __future__ import annotations

import argparse
import logging
import sys

import anyio

from mcp.server.lowlevel import NotificationOptions
from mcp.server.stdio import stdio_server

from .server import server


async def serve_stdio() -> None:
    options = server.create_initialization_options(
        notification_options=NotificationOptions(resources_changed=True),
    )
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, options)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="sandbox-runner")
    parser.add_argument("--http", type=int, metavar="PORT", help="serve streamable HTTP on this port")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)

    if args.http:
        import uvicorn

        from .http_app import app

        uvicorn.run(app, host=args.host, port=args.http)
    else:
        anyio.run(serve_stdio)


if __name__ == "__main__":
    main()
