"""``python -m ledgerdb`` - run the gateway over stdio or streamable HTTP."""

from __future__ import annotations

import argparse
import logging
import sys

import anyio
from mcp.server.stdio import stdio_server

from ledgerdb.config import GatewaySettings
from ledgerdb.server import build_server


async def run_stdio(settings: GatewaySettings) -> None:
    server = build_server(settings)
    async with stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            server.initialization_options(),
            raise_exceptions=settings.log_level.upper() == "DEBUG",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ledgerdb", description=__doc__)
    for option in ("--database", "--host", "--log-level"):
        parser.add_argument(option)
    parser.add_argument("--transport", choices=["stdio", "streamable-http"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--stateless", action="store_true", default=None)
    parser.add_argument("--json-response", action="store_true", default=None)
    settings = GatewaySettings.from_env(**vars(parser.parse_args(argv)))
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr)
    if settings.transport == "stdio":
        anyio.run(run_stdio, settings)
    else:
        from ledgerdb.http import serve_http

        serve_http(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
