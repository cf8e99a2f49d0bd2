"""``python -m stdiobridge``: serve a remote MCP server on stdin/stdout."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

import anyio

from mcp.server.stdio import stdio_server

from stdiobridge.bridge import StdioBridge
from stdiobridge.errors import classify
from stdiobridge.hooks import ArgumentScrubber, IdNamespacer, MessageTap
from stdiobridge.settings import BridgeSettings, load_settings
from stdiobridge.upstream import SessionIdTracker, open_transport, probe

logger = logging.getLogger("stdiobridge")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="stdio-bridge", description=__doc__)
    parser.add_argument("url", nargs="?", help="upstream MCP endpoint (overrides host/port)")
    parser.add_argument("--config", help="launcher JSON config file")
    parser.add_argument("--transport", choices=["streamable-http", "sse"])
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--token", dest="bearer_token")
    parser.add_argument("--prefix", dest="tool_prefix")
    parser.add_argument("--read-only", action="store_true", default=None)
    parser.add_argument("--scrub", action="append", default=[], help="argument name to strip from tool calls")
    parser.add_argument("--namespace-ids", action="store_true")
    parser.add_argument("--check", action="store_true", help="probe the upstream and exit")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    return parser.parse_args(argv)


def configure_logging(verbosity: int) -> None:
    level = logging.WARNING - 10 * verbosity
    # stdout carries the protocol, so everything goes to stderr
    logging.basicConfig(level=max(level, logging.DEBUG), stream=sys.stderr, format="%(asctime)s %(name)s %(message)s")
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbosity < 2 else logging.DEBUG)


def build_tap(args: argparse.Namespace) -> MessageTap:
    tap = MessageTap()
    if args.namespace_ids:
        tap.add(IdNamespacer())
    if args.scrub:
        tap.add(ArgumentScrubber(args.scrub))
    return tap


async def serve(settings: BridgeSettings, tap: MessageTap) -> StdioBridge:
    bridge = StdioBridge(settings, tap=tap)
    tracker = SessionIdTracker()
    async with open_transport(settings, tracker) as (read_stream, write_stream, get_session_id):
        async with bridge.connect(read_stream, write_stream):
            logger.info("upstream session id: %s", get_session_id())
            async with stdio_server() as (stdin_stream, stdout_stream):
                await bridge.server.run(
                    stdin_stream,
                    stdout_stream,
                    bridge.server.create_initialization_options(),
                    raise_exceptions=False,
                )
    return bridge


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    configure_logging(args.verbose)
    settings = load_settings(
        args.config,
        url=args.url,
        transport=args.transport,
        host=args.host,
        port=args.port,
        bearer_token=args.bearer_token,
        tool_prefix=args.tool_prefix,
        read_only=args.read_only,
    )
    if args.check:
        report = anyio.run(probe, settings)
        print(json.dumps(report), file=sys.stderr)
        return 0 if report["ok"] else 1
    try:
        bridge = anyio.run(serve, settings, build_tap(args))
    except Exception as exc:
        failure = classify(exc, method="connect")
        logger.error("bridge stopped: %s (code %s)", failure.error.message, failure.code)
        return 2
    print(json.dumps(bridge.audit.stats()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
