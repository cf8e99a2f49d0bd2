"""Command line entry point: ``python -m docstore``."""

from __future__ import annotations

import argparse
import logging
import sys

import anyio
from mcp.server.stdio import stdio_server

from docstore.server import DocServer, create_server
from docstore.settings import ServerSettings


async def serve_stdio(server: DocServer, *, raise_exceptions: bool = False) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            server.create_initialization_options(),
            raise_exceptions=raise_exceptions,
            stateless=False,
        )


def serve_http(server: DocServer, settings: ServerSettings) -> None:
    import uvicorn

    from docstore.http_app import build_app

    app = build_app(server, settings)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level=settings.log_level.lower())
    uvicorn.Server(config).run()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="docstore")
    parser.add_argument("--transport", choices=["stdio", "streamable-http"], default=None)
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--path", dest="streamable_http_path", default=None)
    parser.add_argument("--json-response", action="store_true", default=None)
    parser.add_argument("--stateless", dest="stateless_http", action="store_true", default=None)
    parser.add_argument("--page-size", type=int, default=None)
    parser.add_argument("--log-level", default=None)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = ServerSettings.from_env().with_overrides(**vars(args))
    logging.basicConfig(level=settings.log_level, stream=sys.stderr)
    server = create_server(settings)
    if settings.transport == "stdio":
        anyio.run(serve_stdio, server)
    else:
        serve_http(server, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
