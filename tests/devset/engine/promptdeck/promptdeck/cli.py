"""``promptdeck`` command line."""

from __future__ import annotations

import argparse
import logging
import sys

import anyio

from promptdeck.chat import transcript
from promptdeck.client import connect
from promptdeck.server import mcp


def _pairs(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"expected KEY=VALUE, got {item!r}")
        out[key] = value
    return out


def cmd_serve(args: argparse.Namespace) -> int:
    if args.port:
        mcp.settings.port = args.port
    if args.host:
        mcp.settings.host = args.host
    if args.stateless:
        mcp.settings.stateless_http = True
        mcp.settings.json_response = True
    mcp.run(transport=args.transport)
    return 0


async def cmd_list(args: argparse.Namespace) -> int:
    async with connect(args.url) as deck:
        for prompt in await deck.all_prompts():
            names = ", ".join(a.name + ("" if a.required else "?") for a in prompt.arguments or [])
            print(f"{prompt.name:<20} {prompt.title or '':<18} ({names})  {prompt.description or ''}")
    return 0


async def cmd_show(args: argparse.Namespace) -> int:
    async with connect(args.url) as deck:
        print(transcript(await deck.render(args.name, _pairs(args.values))), end="")
    return 0


async def cmd_complete(args: argparse.Namespace) -> int:
    async with connect(args.url) as deck:
        if args.argument == "-":
            values = await deck.complete_prompt_name(args.prefix)
        else:
            values = await deck.complete_argument(args.name, args.argument, args.prefix)
    print("\n".join(values))
    return 0


async def cmd_suggest(args: argparse.Namespace) -> int:
    async with connect(args.url) as deck:
        name = await deck.suggest(" ".join(args.task))
    print(name or "(no suggestion)")
    return 0 if name else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="promptdeck")
    parser.add_argument("--url", help="streamable HTTP endpoint of a remote deck")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve")
    serve.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--stateless", action="store_true")

    sub.add_parser("list")
    show = sub.add_parser("show")
    show.add_argument("name")
    show.add_argument("values", nargs="*")
    complete = sub.add_parser("complete")
    complete.add_argument("name")
    complete.add_argument("argument", help="argument name, or - to complete prompt names")
    complete.add_argument("prefix", nargs="?", default="")
    suggest = sub.add_parser("suggest")
    suggest.add_argument("task", nargs="+")

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    if args.command == "serve":
        return cmd_serve(args)
    handler = {"list": cmd_list, "show": cmd_show, "complete": cmd_complete, "suggest": cmd_suggest}[args.command]
    return anyio.run(handler, args)
