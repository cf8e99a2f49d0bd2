"""Command line entry point: ``python -m metrics_warehouse``."""

from __future__ import annotations

import argparse
import logging

from .config import get_settings
from .server import mcp

log = logging.getLogger("metrics_warehouse")


def main(argv: list[str] | None = None) -> None:
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="metrics-warehouse")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default=settings.transport)
    parser.add_argument("--host", default=None, help="bind address for HTTP transports")
    parser.add_argument("--port", type=int, default=None, help="port for HTTP transports")
    args = parser.parse_args(argv)

    # CLI flags win over MW_* environment variables
    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port

    if args.transport != "stdio":
        log.info("serving %s on %s:%s", args.transport, mcp.settings.host, mcp.settings.port)
    mcp.run(transport=args.transport)


if __name__ == "__main__":
    main()
