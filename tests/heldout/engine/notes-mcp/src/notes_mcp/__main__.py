"""Command line entry point: `python -m notes_mcp --transport sse --port 9000`."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from .attachments import register_attachments
from .server import mcp

log = logging.getLogger("notes_mcp")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="notes-mcp")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--attachments", type=Path, default=None)
    parser.add_argument("--stateless", action="store_true", help="stateless streamable HTTP")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)

    if args.attachments is not None:
        added = register_attachments(mcp, args.attachments)
        log.info("registered %d attachments", added)

    mcp.settings.host = args.host
    mcp.settings.port = args.port
    mcp.settings.log_level = "DEBUG" if args.verbose else "INFO"
    if args.stateless:
        mcp.settings.stateless_http = True
        mcp.settings.json_response = True

    if args.transport != "stdio":
        log.info("listening on http://%s:%s", mcp.settings.host, mcp.settings.port)
    mcp.run(transport=args.transport)


if __name__ == "__main__":
    main()
