"""Command line entry point (``issuedesk-mcp``)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from mcp.server.fastmcp import FastMCP

from issuedesk import __version__
from issuedesk.config import LOG_LEVELS, TRANSPORTS, ConfigError, ServerSettings
from issuedesk.server import create_server
from issuedesk.state import AppContext

log = logging.getLogger("issuedesk.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="issuedesk-mcp",
        description="Serve an IssueDesk workspace over the Model Context Protocol.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--transport", "-t", choices=TRANSPORTS, help="stdio (default), sse or streamable-http")
    parser.add_argument("--host", help="interface to bind for HTTP transports")
    parser.add_argument("--port", "-p", type=int, help="port to bind for HTTP transports")
    parser.add_argument("--path", help="endpoint path for streamable-http (default /mcp)")
    parser.add_argument("--mount-path", help="mount path for the SSE transport")
    parser.add_argument("--json-response", action="store_true", default=None, help="answer with JSON instead of SSE")
    parser.add_argument("--stateless", action="store_true", default=None, help="no session state between requests")
    parser.add_argument("--workspace", help="IssueDesk workspace slug")
    parser.add_argument("--log-level", choices=LOG_LEVELS, type=str.upper)
    return parser


def resolve_settings(args: argparse.Namespace, base: ServerSettings | None = None) -> ServerSettings:
    base = base or ServerSettings.from_env()
    settings = base.with_overrides(
        transport=args.transport,
        host=args.host,
        port=args.port,
        streamable_http_path=args.path,
        mount_path=args.mount_path,
        json_response=args.json_response,
        stateless_http=args.stateless,
        workspace=args.workspace,
        log_level=args.log_level,
    )
    if settings.transport != "stdio" and settings.host == "0.0.0.0" and not settings.allowed_hosts:
        log.warning("binding to 0.0.0.0 without ISSUEDESK_ALLOWED_HOSTS; DNS rebinding protection is off")
    return settings


def configure(
    argv: Sequence[str] | None = None, base: ServerSettings | None = None
) -> tuple[ServerSettings, FastMCP[AppContext]]:
    args = build_parser().parse_args(argv)
    settings = resolve_settings(args, base)
    server = create_server(settings)
    # The HTTP transports read their bind address and paths from the server settings
    # at start-up, so make sure the command line wins over anything set earlier.
    server.settings.host = settings.host
    server.settings.port = settings.port
    server.settings.streamable_http_path = settings.streamable_http_path
    if settings.mount_path != "/":
        server.settings.mount_path = settings.mount_path
        server.settings.sse_path = "/sse"
        server.settings.message_path = "/messages/"
    return settings, server


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings, server = configure(argv)
    except ConfigError as exc:
        print(f"issuedesk-mcp: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, stream=sys.stderr)
    if not settings.api_token:
        log.warning("ISSUEDESK_API_TOKEN is not set; every API call will be rejected")
    if settings.transport == "stdio":
        server.run()
    elif settings.transport == "sse":
        log.info("serving SSE on %s%s", settings.base_url, server.settings.sse_path)
        server.run(transport="sse", mount_path=settings.mount_path)
    else:
        log.info("serving streamable HTTP on %s%s", settings.base_url, server.settings.streamable_http_path)
        server.run(transport="streamable-http")
    return 0
