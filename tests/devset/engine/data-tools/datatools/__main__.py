"""Command line entry point: ``python -m datatools --transport streamable-http``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from datatools.config import ServerConfig
from datatools.server import create_server


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="datatools", description=__doc__)
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default=None)
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--mount-path", default=None, help="prefix when serving SSE behind a proxy")
    parser.add_argument("--stateless", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    config = ServerConfig.from_env()
    server = create_server(config)
    if args.host:
        server.settings.host = args.host
    if args.port:
        server.settings.port = args.port
    if args.stateless:
        server.settings.stateless_http = True
        server.settings.json_response = True

    transport = args.transport or config.transport
    if transport == "sse":
        server.run(transport="sse", mount_path=args.mount_path or config.mount_path)
    elif transport == "streamable-http":
        server.run(transport="streamable-http")
    else:
        server.run()


if __name__ == "__main__":
    main()
