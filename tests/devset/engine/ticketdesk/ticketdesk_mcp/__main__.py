from __future__ import annotations

import argparse
import logging

from .server import mcp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="ticketdesk-mcp")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--path", default="/mcp", help="streamable HTTP endpoint path")
    parser.add_argument("--mount-path", default=None, help="SSE mount path behind a reverse proxy")
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--sse-json", action="store_true", help="disable SSE streaming of responses")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)

    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    mcp.settings.streamable_http_path = args.path
    mcp.settings.stateless_http = args.stateless
    mcp.settings.json_response = not args.sse_json
    if args.debug:
        mcp.settings.debug = True
        mcp.settings.log_level = "DEBUG"
        logging.basicConfig(level=logging.DEBUG)

    if args.transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    elif args.transport == "streamable-http":
        mcp.run(transport="streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
