"""Command line entry point: ``python -m agent_server``."""

from __future__ import annotations

import argparse
import logging

from .server import mcp


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="agent_server", description=__doc__)
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default=None, help="bind address for HTTP transports")
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--stateless", action="store_true", help="stateless streamable HTTP (no sessions)")
    parser.add_argument("--mount-path", default=None, help="path prefix when served behind a proxy (sse)")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return parser.parse_args(argv)


def configure(args: argparse.Namespace) -> None:
    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    mcp.settings.stateless_http = args.stateless
    mcp.settings.log_level = args.log_level
    logging.getLogger("agent_server").setLevel(args.log_level)


def main(argv=None) -> None:
    args = parse_args(argv)
    configure(args)
    mcp.run(transport=args.transport, mount_path=args.mount_path)


if __name__ == "__main__":
    main()
