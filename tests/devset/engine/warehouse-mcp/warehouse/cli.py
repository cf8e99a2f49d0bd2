"""Command line entry point: ``warehouse-mcp [--transport ...] [--host ...] [--port ...]``."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from warehouse.config import WarehouseConfig
from warehouse.server import WarehouseServer, get_server, use_config

log = logging.getLogger("warehouse.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warehouse-mcp", description="Serve the analytics warehouse over MCP.")
    parser.add_argument("--config", type=Path, help="JSON configuration file")
    parser.add_argument(
        "--transport",
        "-t",
        choices=["stdio", "sse", "streamable-http"],
        help="transport to serve (default: from config, else stdio)",
    )
    parser.add_argument("--host", help="interface to bind for HTTP transports")
    parser.add_argument("--port", "-p", type=int, help="port to bind for HTTP transports")
    parser.add_argument("--path", help="endpoint path (SSE stream path or streamable HTTP path)")
    parser.add_argument("--message-path", help="SSE message POST path")
    parser.add_argument("--mount-path", help="prefix when the SSE app sits behind a path-rewriting proxy")
    parser.add_argument("--json-response", action="store_true", default=None, help="reply with JSON, not SSE")
    parser.add_argument("--stateless", action="store_true", default=None, help="no session state between requests")
    parser.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"])
    return parser


def load_config(args: argparse.Namespace) -> WarehouseConfig:
    base = WarehouseConfig.from_file(args.config) if args.config else WarehouseConfig.from_env()
    return base.with_overrides(transport=args.transport, log_level=args.log_level)


def apply_settings(mcp: WarehouseServer, args: argparse.Namespace, transport: str) -> None:
    """Push command line overrides onto the server's transport settings."""
    settings = mcp.settings
    if args.host:
        settings.host = args.host
    if args.port is not None:
        settings.port = args.port
    if args.path:
        path = args.path if args.path.startswith("/") else f"/{args.path}"
        if transport == "sse":
            settings.sse_path = path
        else:
            settings.streamable_http_path = path
    if args.message_path:
        settings.message_path = args.message_path
    if args.mount_path:
        settings.mount_path = args.mount_path
    if args.json_response:
        settings.json_response = True
    if args.stateless:
        settings.stateless_http = True
    if args.log_level:
        settings.log_level = args.log_level


def describe_endpoint(mcp: WarehouseServer, transport: str) -> str:
    settings = mcp.settings
    if transport == "stdio":
        return "stdio"
    base = f"http://{settings.host}:{settings.port}"
    if transport == "sse":
        mount = settings.mount_path.rstrip("/")
        return f"{base}{mount}{settings.sse_path}"
    return f"{base}{settings.streamable_http_path}"


def prepare(argv: Sequence[str] | None = None) -> tuple[WarehouseServer, str, argparse.Namespace]:
    args = build_parser().parse_args(argv)
    config = load_config(args)
    use_config(config)
    mcp = get_server()
    apply_settings(mcp, args, config.transport)
    return mcp, config.transport, args


def main(argv: Sequence[str] | None = None) -> int:
    mcp, transport, args = prepare(argv)
    logging.basicConfig(level=mcp.settings.log_level, stream=sys.stderr)
    log.info("serving %s on %s", mcp.name, describe_endpoint(mcp, transport))
    if transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    elif transport == "streamable-http":
        mcp.run(transport="streamable-http")
    else:
        mcp.run()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
