from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import anyio
from mcp import McpError
from mcp import types

from mcphub import config
from mcphub.hub import Hub
from mcphub.paging import all_prompts, iter_resources, iter_templates


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, indent=2, default=str))


def _render_result(result: types.CallToolResult, as_json: bool) -> int:
    if as_json:
        _print_json(result.model_dump(mode="json", exclude_none=True))
        return 1 if result.isError else 0
    for block in result.content:
        if isinstance(block, types.TextContent):
            print(block.text)
        elif isinstance(block, types.ImageContent):
            print(f"<image {block.mimeType}, {len(block.data)} b64 chars>")
        elif isinstance(block, types.ResourceLink):
            print(f"<link {block.uri} {block.mimeType or ''}>")
        elif isinstance(block, types.EmbeddedResource):
            print(f"<resource {block.resource.uri}>")
    if result.structuredContent:
        _print_json(result.structuredContent)
    return 1 if result.isError else 0


async def _run(args: argparse.Namespace) -> int:
    servers = config.load(Path(args.config)) if args.config else config.load()
    if args.only:
        servers = {k: v for k, v in servers.items() if k in args.only}
    async with Hub(call_timeout=args.timeout) as hub:
        failed = await hub.connect(servers)
        if failed:
            print(f"warning: not connected: {', '.join(failed)}", file=sys.stderr)

        if args.command == "tools":
            for row in hub.tool_rows():
                flag = "ro" if row.read_only else "rw"
                print(f"{row.qualified_name:<40} {flag}  {row.title}  ({', '.join(row.params)})")
            return 0

        if args.command == "call":
            arguments = json.loads(args.arguments or "{}")
            try:
                result = await hub.call(args.tool, arguments)
            except McpError as exc:
                print(f"error {exc.error.code}: {exc.error.message}", file=sys.stderr)
                return 2
            return _render_result(result, args.json)

        if args.command == "resources":
            for name, session in hub.sessions.items():
                async for res in iter_resources(session):
                    size = f"{res.size}B" if res.size is not None else "?"
                    print(f"{name:<16} {str(res.uri):<50} {res.mimeType or '-':<24} {size}")
                async for template in iter_templates(session):
                    print(f"{name:<16} {template.uriTemplate} (template)")
            return 0

        if args.command == "read":
            for mime, body in await hub.read(args.uri):
                if isinstance(body, bytes):
                    sys.stdout.buffer.write(body)
                else:
                    print(body if mime != "application/json" else json.dumps(json.loads(body), indent=2))
            return 0

        if args.command == "prompts":
            for name, session in hub.sessions.items():
                for prompt in await all_prompts(session):
                    print(f"{name}.{prompt.name} - {prompt.description or ''}")
            return 0
    return 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="mcphub")
    parser.add_argument("--config")
    parser.add_argument("--only", action="append")
    parser.add_argument("--timeout", type=float, default=120)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("tools")
    call = sub.add_parser("call")
    call.add_argument("tool")
    call.add_argument("arguments", nargs="?")
    call.add_argument("--json", action="store_true")
    sub.add_parser("resources")
    read = sub.add_parser("read")
    read.add_argument("uri")
    sub.add_parser("prompts")
    args = parser.parse_args(argv)
    sys.exit(anyio.run(_run, args))


if __name__ == "__main__":
    main()
