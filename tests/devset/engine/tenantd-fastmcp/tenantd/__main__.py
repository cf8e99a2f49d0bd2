"""``python -m tenantd``: run the server with settings from ``TENANTD_*`` variables.

Command-line flags override the environment.
"""

from __future__ import annotations

import argparse
import logging

from tenantd.config import TenantdSettings
from tenantd.server import create_server

log = logging.getLogger("tenantd")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tenantd")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default=None)
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--mount-path", default=None, help="sub-path when serving SSE behind a proxy")
    parser.add_argument("--sse-path", default=None)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    settings = TenantdSettings.from_env()
    transport = args.transport or settings.transport
    mcp = create_server(settings)

    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    if args.sse_path:
        mcp.settings.sse_path = args.sse_path

    if transport == "stdio":
        logging.basicConfig(level=settings.log_level)
    else:
        log.info("tenantd listening on %s:%s (%s)", mcp.settings.host, mcp.settings.port, transport)

    if transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        mcp.run(transport=transport)


if __name__ == "__main__":
    main()
