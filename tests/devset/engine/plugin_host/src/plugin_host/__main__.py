"""Command line entry point: ``python -m plugin_host``."""

from __future__ import annotations

import argparse
import logging
import os

from plugin_host.registry import PluginRegistry
from plugin_host.server import build_server


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="plugin-host")
    parser.add_argument("--plugins", default=os.environ.get("PLUGIN_HOST_PLUGINS", "textkit,notebook"))
    parser.add_argument("--entry-points", action="store_true", help="also load installed plugins")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    registry = PluginRegistry()
    registry.load_modules([p.strip() for p in args.plugins.split(",") if p.strip()])
    if args.entry_points:
        registry.load_entry_points()

    server = build_server(
        registry,
        host=args.host,
        port=args.port,
        stateless_http=args.stateless,
        json_response=args.stateless,
        debug=args.verbose,
    )
    if args.transport == "sse":
        server.settings.sse_path = "/events"
    server.run(transport=args.transport)


if __name__ == "__main__":
    main()
