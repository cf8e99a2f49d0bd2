"""Command line entry point: ``python -m docsearch.cli --transport sse --port 9000``."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from typing import Literal, cast

from docsearch.server import mcp

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="docsearch", description="Acme documentation search MCP server")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", help="bind address for HTTP transports")
    parser.add_argument("--port", type=int, help="port for HTTP transports")
    parser.add_argument("--path", help="streamable HTTP endpoint path (default /mcp)")
    parser.add_argument("--sse-path", help="SSE endpoint path (default /sse)")
    parser.add_argument("--mount-path", help="sub-path the SSE app is mounted under")
    parser.add_argument("--json-response", action="store_true", help="answer POSTs with JSON instead of SSE")
    parser.add_argument("--stateless", action="store_true", help="no session state between requests")
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"])
    return parser


def apply_settings(args: argparse.Namespace) -> None:
    settings = mcp.settings
    if args.host:
        settings.host = args.host
    if args.port:
        settings.port = args.port
    if args.path:
        settings.streamable_http_path = args.path
    if args.sse_path:
        settings.sse_path = args.sse_path
    if args.json_response:
        settings.json_response = True
    if args.stateless:
        settings.stateless_http = True
    settings.debug = args.debug
    settings.log_level = cast(LogLevel, args.log_level)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    apply_settings(args)
    logging.basicConfig(level=args.log_level)
    transport = cast(Transport, args.transport)
    if transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        mcp.run(transport=transport)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
