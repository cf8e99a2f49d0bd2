"""mcp-inspect: `mcp-inspect -c servers.json everything list`"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, cast

import anyio

from mcp.types import LoggingLevel

from . import commands
from .callbacks import InspectorCallbacks
from .config import InspectorConfig
from .transport import connect


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mcp-inspect")
    p.add_argument("-c", "--config", default="servers.json")
    p.add_argument("-v", "--verbose", action="store_true", help="print every server notification")
    p.add_argument("--yes", action="store_true", help="auto-approve sampling and elicitation")
    p.add_argument("server")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("info")
    sub.add_parser("list")
    call = sub.add_parser("call")
    call.add_argument("tool")
    call.add_argument("arguments", nargs="?", default="{}", help="JSON object")
    read = sub.add_parser("read")
    read.add_argument("uri")
    read.add_argument("--save", action="store_true")
    prompt = sub.add_parser("prompt")
    prompt.add_argument("name")
    prompt.add_argument("arguments", nargs="?", default="{}")
    comp = sub.add_parser("complete")
    comp.add_argument("ref", help="prompt:<name> or resource:<uri-template>")
    comp.add_argument("argument")
    comp.add_argument("value", nargs="?", default="")
    level = sub.add_parser("set-level")
    level.add_argument("level", choices=["debug", "info", "notice", "warning", "error", "critical"])
    watch = sub.add_parser("subscribe")
    watch.add_argument("uri")
    watch.add_argument("--seconds", type=float, default=30)
    return p


async def run(args: argparse.Namespace) -> Any:
    cfg = InspectorConfig.load(args.config)
    callbacks = InspectorCallbacks(cfg.roots, auto_approve=args.yes, verbose=args.verbose)
    async with connect(cfg.server(args.server), callbacks) as conn:
        session = conn.session
        init = await session.initialize()
        match args.command:
            case "info":
                return commands.describe_server(init, conn.session_id)
            case "list":
                return await commands.list_everything(session)
            case "call":
                return await commands.call_tool(session, args.tool, json.loads(args.arguments))
            case "read":
                return await commands.read_resource(session, args.uri, save_binary=args.save)
            case "prompt":
                return await commands.get_prompt(session, args.name, json.loads(args.arguments))
            case "complete":
                return await commands.complete(session, args.ref, args.argument, args.value)
            case "set-level":
                return await commands.set_level(session, cast(LoggingLevel, args.level))
            case "subscribe":
                result = await commands.subscribe(session, args.uri)
                await anyio.sleep(args.seconds)
                await commands.subscribe(session, args.uri, unsubscribe=True)
                return result
    return None


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    output = anyio.run(run, args)
    json.dump(output, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
