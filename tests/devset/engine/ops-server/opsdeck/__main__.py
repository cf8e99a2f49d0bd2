"""``python -m opsdeck [--transport ...] [--port ...]``"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from opsdeck.config import DeckSettings
from opsdeck.server import build_server


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="opsdeck", description="Cluster and CI tools for MCP clients")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"])
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--stateless", action="store_true", help="one transport per request (behind a balancer)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    settings = DeckSettings.from_env()
    mcp = build_server(settings)
    if args.host:
        mcp.settings.host = args.host
    if args.port:
        mcp.settings.port = args.port
    if args.stateless:
        mcp.settings.stateless_http = True
        mcp.settings.json_response = True
    transport = args.transport or settings.transport
    if transport == "sse":
        mcp.run(transport="sse", mount_path=mcp.settings.mount_path)
    elif transport == "streamable-http":
        mcp.run(transport="streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
