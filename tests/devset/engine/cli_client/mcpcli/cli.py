from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from typing import Any, TextIO

import anyio
from mcp import ClientSession, McpError
from mcp import types as T
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from . import render
from .connection import ServerCommand, open_session
from .llm import FakeLLM, make_sampling_callback
from .roots import RootsProvider

LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcpcli", description=__doc__)
    parser.add_argument("--server", required=True, help="command line that starts the server")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--cwd")
    parser.add_argument("--root", action="append", default=[], help="directory to expose as a root")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--llm-reply", default="OK", help="canned answer for sampling requests")
    parser.add_argument("--json", action="store_true", help="print raw JSON results")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("info")
    sub.add_parser("ping")
    sub.add_parser("tools")
    call = sub.add_parser("call")
    call.add_argument("name")
    call.add_argument("arguments", nargs="?", default="{}")
    call.add_argument("--call-timeout", type=float)
    sub.add_parser("resources")
    sub.add_parser("templates")
    read = sub.add_parser("read")
    read.add_argument("uri")
    subscribe = sub.add_parser("subscribe")
    subscribe.add_argument("uri")
    subscribe.add_argument("--wait", type=float, default=0.0)
    sub.add_parser("prompts")
    prompt = sub.add_parser("prompt")
    prompt.add_argument("name")
    prompt.add_argument("args", nargs="*", metavar="KEY=VALUE")
    complete = sub.add_parser("complete")
    target = complete.add_mutually_exclusive_group(required=True)
    target.add_argument("--prompt")
    target.add_argument("--resource")
    complete.add_argument("argument")
    complete.add_argument("value", nargs="?", default="")
    level = sub.add_parser("log-level")
    level.add_argument("level", choices=LOG_LEVELS)
    return parser


async def list_all_tools(session: ClientSession) -> list[T.Tool]:
    tools: list[T.Tool] = []
    cursor: T.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if page.nextCursor is None:
            return tools
        cursor = page.nextCursor


async def list_all_resources(session: ClientSession) -> list[T.Resource]:
    resources: list[T.Resource] = []
    cursor = None
    while True:
        page = await session.list_resources(cursor=cursor)
        resources += page.resources
        cursor = page.nextCursor
        if not cursor:
            break
    return resources


def parse_pairs(pairs: list[str]) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in pairs)


async def run_command(args: argparse.Namespace, session: ClientSession, out: TextIO) -> int:
    init = await session.initialize()
    cmd = args.command
    if cmd == "info":
        render.render_init(init, out)
    elif cmd == "ping":
        await session.send_ping()
        out.write("pong\n")
    elif cmd == "tools":
        for tool in await list_all_tools(session):
            render.render_tool(tool, out)
    elif cmd == "call":
        arguments: dict[str, Any] = json.loads(args.arguments)
        timeout = timedelta(seconds=args.call_timeout) if args.call_timeout else None
        result = await session.call_tool(args.name, arguments, read_timeout_seconds=timeout)
        if args.json:
            render.dump_json(result, out)
            return 1 if result.isError else 0
        return render.render_call(result, out)
    elif cmd == "resources":
        for resource in await list_all_resources(session):
            render.render_resource(resource, out)
    elif cmd == "templates":
        templates = await session.list_resource_templates()
        for template in templates.resourceTemplates:
            render.render_resource(template, out)
    elif cmd == "read":
        contents = await session.read_resource(AnyUrl(args.uri))
        render.render_contents(contents, out)
    elif cmd == "subscribe":
        await session.subscribe_resource(AnyUrl(args.uri))
        out.write(f"subscribed to {args.uri}\n")
        await anyio.sleep(args.wait)
    elif cmd == "prompts":
        listing = await session.list_prompts()
        for p in listing.prompts:
            names = ", ".join(a.name + ("" if a.required else "?") for a in p.arguments or [])
            out.write(f"{p.name}({names})\n")
    elif cmd == "prompt":
        render.render_prompt(await session.get_prompt(args.name, parse_pairs(args.args)), out)
    elif cmd == "complete":
        ref: T.PromptReference | T.ResourceReference
        if args.prompt:
            ref = T.PromptReference(type="ref/prompt", name=args.prompt)
        else:
            ref = T.ResourceReference(type="ref/resource", uri=args.resource)
        completion = await session.complete(ref, {"name": args.argument, "value": args.value})
        for value in completion.completion.values:
            out.write(value + "\n")
        if completion.completion.hasMore:
            out.write(f"... {completion.completion.total} total\n")
    elif cmd == "log-level":
        await session.set_logging_level(args.level)
        out.write(f"server log level set to {args.level}\n")
    return 0


def make_message_handler(out: TextIO):
    async def handle(message: RequestResponder[T.ServerRequest, T.ClientResult] | T.ServerNotification | Exception):
        if isinstance(message, Exception):
            out.write(f"! transport error: {message}\n")
        elif isinstance(message, T.ServerNotification):
            note = message.root
            if isinstance(note, T.ResourceUpdatedNotification):
                out.write(f"* updated {note.params.uri}\n")
            elif isinstance(note, T.ToolListChangedNotification):
                out.write("* tool list changed\n")

    return handle


async def amain(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    server = ServerCommand.parse(args.server, args.env, args.cwd)
    llm = FakeLLM(reply=args.llm_reply)

    async def on_log(params: T.LoggingMessageNotificationParams) -> None:
        render.render_log(params, sys.stderr)

    async with open_session(
        server,
        timeout=args.timeout,
        sampling_callback=make_sampling_callback(llm),
        list_roots_callback=RootsProvider(args.root),
        logging_callback=on_log,
        message_handler=make_message_handler(out),
    ) as session:
        try:
            return await run_command(args, session, out)
        except McpError as exc:
            print(f"error {exc.error.code}: {exc.error.message}", file=sys.stderr)
            if exc.error.data:
                print(json.dumps(exc.error.data, indent=2), file=sys.stderr)
            return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return anyio.run(amain, args)
