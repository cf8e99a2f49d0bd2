"""Command line: ``mcpgen preview|serve|emit SPEC``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import anyio

from . import __version__
from .builder import ServerBuilder
from .codegen import emit, emit_requirements
from .introspect import dry_run_prompt, dry_run_template, full_report
from .spec import ServerSpec


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcpgen")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    preview = sub.add_parser("preview", help="build the server in-process and print what clients would see")
    preview.add_argument("spec", type=Path)
    preview.add_argument("--sample", action="append", default=[], metavar="TOOL=JSON")
    preview.add_argument("--prompt", action="append", default=[], metavar="NAME=TOPIC")
    preview.add_argument("--read", action="append", default=[], metavar="URI")

    serve = sub.add_parser("serve", help="build and serve the server")
    serve.add_argument("spec", type=Path)
    serve.add_argument("--transport", choices=["stdio", "sse", "streamable-http"])
    serve.add_argument("--port", type=int)
    serve.add_argument("--stateless", action="store_true")

    emit_cmd = sub.add_parser("emit", help="write a standalone server module")
    emit_cmd.add_argument("spec", type=Path)
    emit_cmd.add_argument("-o", "--output", type=Path, required=True)
    return parser


async def _preview(args: argparse.Namespace) -> int:
    spec = ServerSpec.load(args.spec)
    builder = ServerBuilder(spec)
    server = builder.build()
    samples: dict[str, dict[str, object]] = {}
    for item in args.sample:
        name, _, payload = item.partition("=")
        samples[name] = json.loads(payload or "{}")
    print(await full_report(server, samples))
    for item in args.prompt:
        name, _, topic = item.partition("=")
        for line in await dry_run_prompt(server, name, {"topic": topic}):
            print(line)
    for uri in args.read:
        print(f"--- {uri}")
        print(await dry_run_template(server, uri))
    skipped = [t.name for t in spec.tools if not t.enabled]
    if skipped:
        print(f"(disabled, removed after validation: {', '.join(skipped)})", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    spec = ServerSpec.load(args.spec)
    server = ServerBuilder(spec).build()
    if args.port:
        server.settings.port = args.port
    if args.stateless:
        server.settings.stateless_http = True
    transport = args.transport or spec.transport
    if transport not in ("stdio", "sse", "streamable-http"):
        print(f"unsupported transport {transport}", file=sys.stderr)
        return 2
    server.run(transport)  # type: ignore[arg-type]
    return 0


def _emit(args: argparse.Namespace) -> int:
    spec = ServerSpec.load(args.spec)
    args.output.write_text(emit(spec, __version__), encoding="utf-8")
    (args.output.parent / "requirements.txt").write_text(emit_requirements(), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "preview":
        return anyio.run(_preview, args)
    if args.command == "serve":
        return _serve(args)
    return _emit(args)


if __name__ == "__main__":
    raise SystemExit(main())
