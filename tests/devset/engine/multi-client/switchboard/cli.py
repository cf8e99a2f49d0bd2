"""Command line entry point: ``switchboard --config servers.json tools``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from typing import Any, TextIO

import anyio

from mcp import McpError
from switchboard.callbacks import ClientCallbacks
from switchboard.config import ConfigError, load_config
from switchboard.hub import Hub, UnknownTarget
from switchboard.render import render_outcome, render_servers, render_tools


def _parse_pairs(pairs: list[str]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise ConfigError(f"expected KEY=VALUE, got {pair!r}")
        try:
            parsed[key] = json.loads(raw)
        except json.JSONDecodeError:
            parsed[key] = raw
    return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="switchboard")
    parser.add_argument("--config", required=True)
    parser.add_argument("--only", action="append", default=[], help="connect to this server only (repeatable)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request read timeout in seconds")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("servers")
    sub.add_parser("tools")
    call = sub.add_parser("call")
    call.add_argument("tool")
    call.add_argument("--arg", action="append", default=[])
    sub.add_parser("read").add_argument("uri")
    return parser


async def show_progress(progress: float, total: float | None, message: str | None) -> None:
    print(f"  .. {progress}/{total or '?'} {message or ''}".rstrip(), file=sys.stderr)


async def run(args: argparse.Namespace, out: TextIO) -> int:
    tree = load_config(args.config)
    async with Hub(ClientCallbacks(roots=[tree.root]), read_timeout=timedelta(seconds=args.timeout)) as hub:
        for entry in tree.enabled():
            if not args.only or entry.name in args.only:
                await hub.add(entry)
        if args.command == "servers":
            print(render_servers(hub.snapshot()), file=out)
        elif args.command == "tools":
            print(render_tools(hub.snapshot()), file=out)
        elif args.command == "read":
            for item in await hub.read(args.uri):
                print(item.text if item.text is not None else f"<{len(item.data or b'')} bytes>", file=out)
        else:
            outcome = await hub.call(args.tool, _parse_pairs(args.arg), on_progress=show_progress)
            print(render_outcome(outcome.as_dict()), file=out)
            return 0 if outcome.ok else 1
    return 0


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> int:
    args = build_parser().parse_args(argv)
    try:
        return anyio.run(run, args, out)
    except McpError as exc:
        print(f"error {exc.error.code}: {exc.error.message}", file=sys.stderr)
    except (ConfigError, UnknownTarget) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
