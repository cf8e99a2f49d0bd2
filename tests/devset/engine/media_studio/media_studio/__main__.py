"""Entry point: `python -m media_studio [--sse|--http] [--port N]`."""

from __future__ import annotations

import argparse
import logging
import os

from .server import mcp


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="media-studio")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--sse", action="store_true")
    mode.add_argument("--http", action="store_true")
    parser.add_argument("--host", default=os.environ.get("MEDIA_STUDIO_HOST"))
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--prefix", default="", help="mount path when behind a proxy")
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    ns = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if ns.verbose else logging.INFO)
    if ns.verbose:
        mcp.settings.log_level = "DEBUG"
    if ns.host:
        mcp.settings.host = ns.host
    if ns.port:
        mcp.settings.port = ns.port

    if ns.sse:
        print(f"SSE on http://{mcp.settings.host}:{mcp.settings.port}{ns.prefix}{mcp.settings.sse_path}")
        mcp.run(transport="sse", mount_path=ns.prefix or None)
    elif ns.http:
        mcp.settings.stateless_http = ns.stateless
        mcp.settings.streamable_http_path = (ns.prefix.rstrip("/") or "") + "/mcp"
        mcp.run(transport="streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
