"""deskclient command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import anyio

from deskclient.auth import build_oauth
from deskclient.callbacks import ClientHandlers
from deskclient.catalog import all_tools, call_tool, read_text, render_result, tool_rows
from deskclient.connection import RemoteServer
from deskclient.storage import FileTokenStorage


async def _print_progress(progress: float, total: float | None, message: str | None) -> None:
    pct = f"{progress / total:.0%}" if total else f"{progress:g}"
    print(f"  .. {pct} {message or ''}", file=sys.stderr)


async def amain(args: argparse.Namespace) -> int:
    storage = FileTokenStorage(args.url)
    if args.logout:
        storage.forget()
        return 0
    auth = None if args.no_auth else build_oauth(args.url, storage)
    handlers = ClientHandlers(roots=[Path(p) for p in args.root], auto_approve_sampling=args.yes)
    transport = "sse" if args.sse else "http"
    async with RemoteServer(args.url, transport=transport, auth=auth, handlers=handlers) as session:
        if args.command == "tools":
            for name, required, kind in tool_rows(await all_tools(session)):
                print(f"{name:32} {kind:10} {required}")
        elif args.command == "call":
            arguments = json.loads(args.arguments or "{}")
            result = await call_tool(session, args.name, arguments, on_progress=_print_progress)
            print(render_result(result))
            return 1 if result.isError else 0
        elif args.command == "read":
            text, mime = await read_text(session, args.name)
            print(f"# {mime}\n{text}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deskclient")
    parser.add_argument("url")
    parser.add_argument("command", choices=["tools", "call", "read"], nargs="?", default="tools")
    parser.add_argument("name", nargs="?")
    parser.add_argument("arguments", nargs="?")
    parser.add_argument("--sse", action="store_true")
    parser.add_argument("--no-auth", action="store_true")
    parser.add_argument("--logout", action="store_true")
    parser.add_argument("--root", action="append", default=[])
    parser.add_argument("-y", "--yes", action="store_true", help="approve sampling requests")
    return anyio.run(amain, parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
