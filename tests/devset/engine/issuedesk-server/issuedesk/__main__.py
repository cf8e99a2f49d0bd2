"""Command line entry point: ``python -m issuedesk --transport streamable-http``."""

from __future__ import annotations

import argparse
import logging

from issuedesk.server import mcp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="issuedesk-mcp")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--mount-path", default=None, help="sub-path when serving SSE behind a proxy")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)

    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    if args.debug:
        mcp.settings.debug = True
        mcp.settings.log_level = "DEBUG"
        logging.getLogger("httpx").setLevel(logging.WARNING)
    if args.transport == "sse":
        mcp.settings.sse_path = "/events"
        mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        mcp.run(transport=args.transport)


if __name__ == "__main__":
    main()
