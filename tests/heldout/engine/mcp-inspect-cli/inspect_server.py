#!/usr/bin/env python3
"""mcp-inspect: poke at any stdio MCP server from the terminal.

    python inspect_server.py filesystem tools
    python inspect_server.py filesystem call read_file '{"path": "README.md"}'
    python inspect_server.py filesystem read file:///tmp/notes.txt
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp import ClientSession, McpError, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from render import render_content, render_contents, render_prompt, render_resource, render_tool
from servers import ConfigError, ServerEntry, find_config, load_servers

CLIENT_INFO = types.Implementation(name="mcp-inspect", version="0.4.0")


async def on_log(params: types.LoggingMessageNotificationParams) -> None:
    print(f"[server {params.level}] {params.logger or '-'}: {params.data}", file=sys.stderr)


async def on_message(
    message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
) -> None:
    if isinstance(message, Exception):
        print(f"transport error: {message!r}", file=sys.stderr)
        return
    if isinstance(message, types.ServerNotification):
        note = message.root
        if isinstance(note, types.ToolListChangedNotification):
            print("(server says its tool list changed)", file=sys.stderr)
        elif isinstance(note, types.ResourceUpdatedNotification):
            print(f"(resource updated: {note.params.uri})", file=sys.stderr)


async def all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if not cursor:
            return tools


async def run_command(session: ClientSession, args: argparse.Namespace) -> int:
    if args.command == "tools":
        for tool in await all_tools(session):
            print(render_tool(tool, verbose=args.verbose))
    elif args.command == "call":
        arguments: dict[str, Any] = json.loads(args.arguments) if args.arguments else {}
        try:
            result = await session.call_tool(
                args.name, arguments, read_timeout_seconds=timedelta(seconds=args.timeout)
            )
        except McpError as exc:
            print(f"protocol error {exc.error.code}: {exc.error.message}", file=sys.stderr)
            return 2
        for block in result.content:
            print(render_content(block))
        if result.structuredContent is not None:
            print(json.dumps(result.structuredContent, indent=2))
        return 1 if result.isError else 0
    elif args.command == "resources":
        listing = await session.list_resources()
        for resource in listing.resources:
            print(render_resource(resource))
        templates = await session.list_resource_templates()
        for tpl in templates.resourceTemplates:
            print(f"{tpl.uriTemplate}  (template) {tpl.description or ''}")
    elif args.command == "read":
        result = await session.read_resource(AnyUrl(args.uri))
        print(render_contents(result.contents))
    elif args.command == "prompts":
        prompts = await session.list_prompts()
        for prompt in prompts.prompts:
            print(render_prompt(prompt))
    elif args.command == "prompt":
        prompt_args = dict(kv.split("=", 1) for kv in args.pairs)
        got = await session.get_prompt(args.name, prompt_args)
        for message in got.messages:
            print(f"{message.role}: {render_content(message.content)}")
    return 0


async def main_async(args: argparse.Namespace, entry: ServerEntry) -> int:
    params = StdioServerParameters(
        command=entry.command,
        args=entry.args,
        env=entry.expanded_env() or None,
        cwd=entry.cwd,
    )
    async with stdio_client(params) as (read, write):
        async with ClientSession(
            read,
            write,
            read_timeout_seconds=timedelta(seconds=30),
            logging_callback=on_log,
            message_handler=on_message,
            client_info=CLIENT_INFO,
        ) as session:
            init = await session.initialize()
            if args.verbose:
                print(
                    f"connected to {init.serverInfo.name} {init.serverInfo.version} "
                    f"(protocol {init.protocolVersion})",
                    file=sys.stderr,
                )
                caps = session.get_server_capabilities()
                if caps and caps.logging is not None:
                    await session.set_logging_level("debug")
            return await run_command(session, args)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("server")
    parser.add_argument("--config")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("tools")
    call = sub.add_parser("call")
    call.add_argument("name")
    call.add_argument("arguments", nargs="?")
    sub.add_parser("resources")
    read = sub.add_parser("read")
    read.add_argument("uri")
    sub.add_parser("prompts")
    prompt = sub.add_parser("prompt")
    prompt.add_argument("name")
    prompt.add_argument("pairs", nargs="*")
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    try:
        servers = load_servers(find_config(args.config))
    except ConfigError as exc:
        sys.exit(str(exc))
    if args.server not in servers:
        sys.exit(f"unknown server {args.server!r}; known: {', '.join(sorted(servers))}")
    sys.exit(asyncio.run(main_async(args, servers[args.server])))


if __name__ == "__main__":
    main()
