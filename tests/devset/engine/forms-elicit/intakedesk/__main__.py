"""`python -m intakedesk` / `intakedesk` console script."""

from __future__ import annotations

import argparse
import logging
import sys

from intakedesk.server import SETTINGS, banner, mcp


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="intakedesk", description=__doc__)
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default=SETTINGS.transport)
    parser.add_argument("--host", default=SETTINGS.host)
    parser.add_argument("--port", type=int, default=SETTINGS.port)
    parser.add_argument("--mount-path", default=None, help="prefix for the SSE message endpoint")
    parser.add_argument("--stateless", action="store_true", help="new transport per HTTP request")
    parser.add_argument("--json", action="store_true", help="plain JSON responses instead of SSE")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    mcp.settings.host = args.host
    mcp.settings.port = args.port
    if args.stateless:
        mcp.settings.stateless_http = True
    if args.json:
        mcp.settings.json_response = True
    logging.basicConfig(level=mcp.settings.log_level, stream=sys.stderr)
    SETTINGS.transport = args.transport
    print(banner(), file=sys.stderr)
    if args.transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        mcp.run(transport=args.transport)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
