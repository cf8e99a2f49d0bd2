"""Command-line entry point: ``python -m ledgerd --transport streamable-http --port 9000``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Mapping, Sequence

from mcp.server.fastmcp import FastMCP

from ledgerd.config import LOG_LEVELS, TRANSPORTS, ConfigError, ServerConfig
from ledgerd.server import AppContext, build_server, reconfigure
from ledgerd.web import build_app, register_custom_routes

log = logging.getLogger("ledgerd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledgerd", description="Ledger MCP server")
    parser.add_argument("--transport", "-t", choices=TRANSPORTS, help="transport to serve (default: stdio)")
    parser.add_argument("--host", help="interface to bind for HTTP transports")
    parser.add_argument("--port", "-p", type=int, help="port to bind for HTTP transports")
    parser.add_argument("--mount-path", dest="mount_path", help="prefix the MCP app is mounted under")
    parser.add_argument("--sse-path", dest="sse_path")
    parser.add_argument("--message-path", dest="message_path")
    parser.add_argument("--mcp-path", dest="streamable_http_path", help="streamable HTTP endpoint path")
    parser.add_argument("--log-level", dest="log_level", type=str.upper, choices=LOG_LEVELS)
    parser.add_argument("--debug", action="store_true", default=None)
    parser.add_argument("--stateless", dest="stateless_http", action="store_true", default=None)
    parser.add_argument("--json-response", dest="json_response", action="store_true", default=None)
    parser.add_argument("--allow-host", dest="allowed_hosts", action="append", metavar="HOST")
    parser.add_argument("--database-url", dest="database_url")
    parser.add_argument("--standalone", action="store_true", help="serve the bare MCP app without the wrapper routes")
    parser.add_argument("--print-config", action="store_true", help="print the effective config and exit")
    return parser


def load_config(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> tuple[ServerConfig, argparse.Namespace]:
    args = build_parser().parse_args(argv)
    config = ServerConfig.from_env(environ).merge(vars(args)).validate()
    return config, args


def prepare(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> tuple[ServerConfig, FastMCP[AppContext], argparse.Namespace]:
    config, args = load_config(argv, environ)
    mcp = build_server(config)
    register_custom_routes(mcp, config)
    # The server was built from the environment-level config; make sure any
    # flag that only takes effect at run time is reflected in its settings too.
    reconfigure(mcp, config)
    return config, mcp, args


def serve(mcp: FastMCP[AppContext], config: ServerConfig, *, standalone: bool = False) -> None:
    if config.transport == "stdio":
        mcp.run("stdio")
        return
    if standalone:
        if config.transport == "sse":
            mcp.run(transport="sse", mount_path=config.mount_path)
        else:
            mcp.run(transport="streamable-http")
        return

    import uvicorn

    app = build_app(mcp, config)
    uvicorn.run(
        app,
        host=mcp.settings.host,
        port=mcp.settings.port,
        log_level=mcp.settings.log_level.lower(),
        proxy_headers=True,
    )


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    try:
        config, mcp, args = prepare(argv, environ)
    except ConfigError as exc:
        print(f"ledgerd: {exc}", file=sys.stderr)
        return 2
    if args.print_config:
        print(json.dumps(config.describe(), indent=2))
        return 0
    log.info("starting %s on %s", mcp.name, config.transport)
    serve(mcp, config, standalone=args.standalone)
    return 0
