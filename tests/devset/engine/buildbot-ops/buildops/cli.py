"""Command line entry point.

    buildops serve [--transport stdio|sse|streamable-http] [--host H] [--port P] ...
    buildops probe URL [--sse] [--token T]
    buildops config            # print the resolved listener configuration
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from collections.abc import Mapping, Sequence
from typing import Any, Literal, cast

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.server.transport_security import TransportSecuritySettings

from buildops import __version__
from buildops.config import LOG_LEVELS, TRANSPORTS, ListenConfig

logger = logging.getLogger("buildops.cli")

Transport = Literal["stdio", "sse", "streamable-http"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="buildops", description="CI build-operations MCP server")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def listener_flags(p: argparse.ArgumentParser) -> None:
        p.add_argument("--transport", "-t", choices=TRANSPORTS, default=None)
        p.add_argument("--host", default=None, help="interface to bind (HTTP transports)")
        p.add_argument("--port", "-p", type=int, default=None)
        p.add_argument("--path", dest="streamable_http_path", default=None, help="streamable-http endpoint path")
        p.add_argument("--sse-path", default=None)
        p.add_argument("--message-path", default=None)
        p.add_argument("--mount-path", default=None, help="prefix when the SSE app sits behind a proxy path")
        p.add_argument("--json-response", action="store_true", default=None, help="answer POSTs with JSON, not SSE")
        p.add_argument("--stateless", action="store_true", default=None, help="no session state between requests")
        p.add_argument("--log-level", choices=LOG_LEVELS, type=str.upper, default=None)
        p.add_argument("--allow-host", dest="allowed_hosts", action="append", default=None, metavar="HOST[:PORT]")

    listener_flags(sub.add_parser("serve", help="run the MCP server"))
    listener_flags(sub.add_parser("config", help="print the effective listener configuration as JSON"))

    probe = sub.add_parser("probe", help="connect to a running server and report on it")
    probe.add_argument("url")
    probe.add_argument("--sse", action="store_true", help="use the legacy SSE transport")
    probe.add_argument("--token", default=os.environ.get("BUILDOPS_PROBE_TOKEN"))
    probe.add_argument("--timeout", type=float, default=10.0)
    return parser


def resolve_config(args: argparse.Namespace, env: Mapping[str, str] | None = None) -> ListenConfig:
    """Merge defaults, environment and flags (flags win)."""
    cfg = ListenConfig.from_env(env)
    names = ("transport", "host", "port", "streamable_http_path", "sse_path", "message_path", "mount_path",
             "json_response", "log_level", "allowed_hosts")
    for name in names:
        if (value := getattr(args, name, None)) is not None:
            setattr(cfg, name, value)
    if getattr(args, "stateless", None):
        cfg.stateless_http = True
    return cfg.normalised()


def apply_config(server: FastMCP[Any], cfg: ListenConfig) -> None:
    """Push the listener configuration onto the server's settings before it starts."""
    settings = server.settings
    settings.host = cfg.host
    settings.port = cfg.port
    settings.mount_path = cfg.mount_path
    settings.sse_path = cfg.sse_path
    settings.message_path = cfg.message_path
    settings.streamable_http_path = cfg.streamable_http_path
    settings.json_response = cfg.json_response
    settings.stateless_http = cfg.stateless_http
    settings.log_level = cast(LogLevel, cfg.log_level)
    settings.debug = cfg.log_level == "DEBUG"

    if cfg.allowed_hosts:
        settings.transport_security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=list(cfg.allowed_hosts),
            allowed_origins=[f"https://{h.split(':')[0]}" for h in cfg.allowed_hosts],
        )
    elif not cfg.is_loopback:
        settings.transport_security = TransportSecuritySettings(enable_dns_rebinding_protection=False)


def serve(server: FastMCP[Any], cfg: ListenConfig) -> None:
    transport = cast(Transport, cfg.transport)
    if cfg.is_http:
        logger.info("buildops %s listening on %s", __version__, cfg.public_url())
    if transport == "sse":
        server.run(transport="sse", mount_path=cfg.mount_path)
    else:
        server.run(transport=transport)


def _run_probe(args: argparse.Namespace) -> int:
    from buildops.probe import classify_failure, probe_sse, probe_streamable_http

    async def go() -> dict[str, Any]:
        if args.sse:
            report = await probe_sse(args.url, token=args.token, timeout=args.timeout)
        else:
            report = await probe_streamable_http(args.url, token=args.token, timeout=args.timeout)
        return asdict(report)

    try:
        result = anyio.run(go)
    except Exception as exc:
        print(json.dumps({"ok": False, "failure": classify_failure(exc), "detail": str(exc)}))
        return 2
    print(json.dumps({"ok": True, **result}, indent=2))
    return 0


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    if args.command == "probe":
        return _run_probe(args)

    cfg = resolve_config(args, env)
    problems = cfg.validate()
    if args.command == "config":
        print(json.dumps({**cfg.as_dict(), "problems": problems}, indent=2, sort_keys=True))
        return 1 if problems else 0
    if problems:
        for problem in problems:
            print(f"buildops: {problem}", file=sys.stderr)
        return 2

    logging.basicConfig(level=cfg.log_level, stream=sys.stderr)
    from buildops.app import get_server

    server = get_server()
    apply_config(server, cfg)
    serve(server, cfg)
    return 0
