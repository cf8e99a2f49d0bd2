"""``mcpcheck``: run the default check suite against a stdio MCP server.

Example::

    mcpcheck --expect-tool search --sample '{"search": {"q": "x"}}' -- python -m my_server
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from typing import Any

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, get_default_environment, stdio_client
from mcp.shared.exceptions import McpError

from mcpcheck.recorder import MessageRecorder
from mcpcheck.suite import SuiteReport, default_suite


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mcpcheck", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--timeout", type=float, default=15.0, help="per-request timeout in seconds")
    parser.add_argument("--expect-tool", action="append", default=[], dest="expect_tools")
    parser.add_argument("--sample", default="{}", help="JSON object: tool name -> arguments")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE passed to the server process")
    parser.add_argument("--cwd", default=None)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("command", help="server executable")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="server arguments")
    return parser


def server_parameters(ns: argparse.Namespace) -> StdioServerParameters:
    env = get_default_environment()
    for item in ns.env:
        key, _, value = item.partition("=")
        env[key] = value
    args = [a for a in ns.args if a != "--"]
    return StdioServerParameters(command=ns.command, args=args, env=env, cwd=ns.cwd)


async def run_suite(
    params: StdioServerParameters,
    *,
    timeout: float,
    expect_tools: list[str],
    samples: dict[str, dict[str, Any]],
) -> SuiteReport:
    recorder = MessageRecorder()
    async with stdio_client(params) as (read, write):
        async with ClientSession(
            read,
            write,
            read_timeout_seconds=timedelta(seconds=timeout),
            message_handler=recorder,
            logging_callback=recorder.on_log,
        ) as session:
            init = await session.initialize()
            label = f"{init.serverInfo.name} {init.serverInfo.version} (protocol {init.protocolVersion})"
            suite = default_suite(expect_tools=expect_tools, sample_arguments=samples)
            report = await suite.run(session, server=label)
    return report


def main(argv: list[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    try:
        samples = json.loads(ns.sample)
    except json.JSONDecodeError as exc:
        print(f"mcpcheck: --sample is not valid JSON: {exc}", file=sys.stderr)
        return 2
    params = server_parameters(ns)
    try:
        report = anyio.run(
            lambda: run_suite(params, timeout=ns.timeout, expect_tools=ns.expect_tools, samples=samples)
        )
    except McpError as exc:
        print(f"mcpcheck: server rejected the session: {exc.error.message}", file=sys.stderr)
        return 3
    if ns.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(report.render())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
