"""python -m mcp_doctor TARGET [options]"""

from __future__ import annotations

import argparse
import logging
import sys

import anyio

from mcp_doctor.checks import REGISTRY
from mcp_doctor.probe import Doctor
from mcp_doctor.report import render_json, render_text
from mcp_doctor.targets import parse_target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mcp-doctor", description="Diagnose an MCP server")
    parser.add_argument("target", help="stdio:CMD..., http(s)://..., or sse+http(s)://...")
    parser.add_argument("-H", "--header", action="append", default=[], help="HTTP header 'Name: value'")
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(REGISTRY)}")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--call-timeout", type=float, default=5.0)
    parser.add_argument("--no-calls", action="store_true", help="never invoke tools")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)

    target = parse_target(args.target, args.header)
    doctor = Doctor(timeout=args.timeout, call_timeout=args.call_timeout, call_safe_tools=not args.no_calls)
    only = args.only.split(",") if args.only else None
    report = anyio.run(doctor.examine, target, only)
    print(render_json(report) if args.json else render_text(report, verbose=args.verbose))
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
