"""Command-line entry point."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import anyio

from mcp.shared.exceptions import McpError

from .agent import Agent
from .callbacks import SamplingBridge
from .config import ConfigError, load_config
from .group import OneShot
from .hub import HubError, ServerHub, collect_resources
from .llm import RuleBasedModel
from .render import describe_resource, describe_template, describe_tool, render_prompt, render_resource, render_result

DEFAULT_CONFIG = Path("~/.config/shellpilot/servers.json")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shellpilot")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--server", "-s", help="server to use for resource/prompt commands")
    parser.add_argument("--timeout", type=float, default=None, help="per-tool timeout in seconds")
    sub = parser.add_subparsers(dest="command", required=True)

    for name in ("tools", "resources", "ping", "check-config"):
        sub.add_parser(name)
    for name in ("call", "oneshot"):
        cmd = sub.add_parser(name)
        cmd.add_argument("tool")
        cmd.add_argument("arguments", nargs="?", default="{}")
    sub.add_parser("ask").add_argument("prompt", nargs="+")
    sub.add_parser("read").add_argument("uri")
    prompt = sub.add_parser("prompt")
    prompt.add_argument("name")
    prompt.add_argument("pairs", nargs="*", help="key=value arguments")
    complete = sub.add_parser("complete")
    complete.add_argument("target", help="prompt name or resource template URI")
    complete.add_argument("argument")
    complete.add_argument("partial", nargs="?", default="")
    return parser


def _pairs(values: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"expected key=value, got {item!r}")
        out[key] = value
    return out


async def execute(hub: ServerHub, args: argparse.Namespace, out: TextIO) -> int:
    """Run one sub-command against an already connected hub."""
    command: str = args.command
    if command == "tools":
        for name, tool in hub.all_tools().items():
            print(describe_tool(name, tool), file=out)
    elif command == "call":
        arguments: dict[str, Any] = json.loads(args.arguments)
        result = await hub.call_tool(args.tool, arguments, timeout=args.timeout)
        rendered = render_result(result)
        print(rendered.text, file=out)
        if rendered.structured is not None:
            print(json.dumps(rendered.structured, sort_keys=True), file=out)
        return 1 if rendered.is_error else 0
    elif command == "ask":
        agent = Agent(hub, hub.sampler.model if hub.sampler else RuleBasedModel(), tool_timeout=args.timeout)
        turn = await agent.ask(" ".join(args.prompt))
        print(turn.answer, file=out)
        return 1 if turn.failed_tools else 0
    elif command == "resources":
        resources, templates = await collect_resources(hub.connection(args.server).session)
        for resource in resources:
            print(describe_resource(resource), file=out)
        for template in templates:
            print(describe_template(template), file=out)
    elif command == "read":
        print(render_resource(await hub.read_resource(args.uri, args.server)), file=out)
    elif command == "prompt":
        result = await hub.connection(args.server).session.get_prompt(args.name, _pairs(args.pairs))
        for role, text in render_prompt(result):
            print(f"{role}> {text}", file=out)
    elif command == "complete":
        values, more = await hub.complete(args.target, args.argument, args.partial, server=args.server)
        print("\n".join(values) + ("\n..." if more else ""), file=out)
    elif command == "ping":
        print("\n".join(f"{name}: {ms}" for name, ms in (await hub.ping_all()).items()), file=out)
    return 0


async def amain(argv: list[str], out: TextIO = sys.stdout) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check-config":
            for entry in load_config(args.config).servers.values():
                print(f"{entry.name}: {entry.transport}{' (disabled)' if entry.disabled else ''}", file=out)
            return 0
        if args.command == "oneshot":
            shot = OneShot(timeout=args.timeout or 30.0)
            async with shot.group:
                for entry in load_config(args.config).enabled():
                    await shot.connect(entry)
                rendered = render_result(await shot.run(args.tool, json.loads(args.arguments)))
            print(rendered.text, file=out)
            return 1 if rendered.is_error else 0
        config = load_config(args.config)
        sampler = SamplingBridge(RuleBasedModel())
        async with ServerHub(config, sampler=sampler) as hub:
            return await execute(hub, args, out)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    except HubError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except McpError as exc:
        print(f"server error {exc.error.code}: {exc.error.message}", file=sys.stderr)
        return 1


def main() -> None:
    sys.exit(anyio.run(amain, sys.argv[1:]))
