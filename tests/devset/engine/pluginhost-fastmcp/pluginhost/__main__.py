"""Command line entry point: ``python -m pluginhost --transport sse --port 9000``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace

import anyio

from pluginhost.app import reset_app
from pluginhost.config import TRANSPORTS, HostConfig, PluginList
from pluginhost.manifest import manifest_for


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pluginhost", description="Run the MCP plugin host.")
    parser.add_argument("--transport", choices=TRANSPORTS, default=None)
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--mount-path", default=None, help="SSE mount path")
    parser.add_argument("--plugins", default=None, help="comma separated plugin names")
    parser.add_argument("--json-response", action="store_true")
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--manifest", action="store_true", help="print the manifest and exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    config = HostConfig.from_env()
    if args.plugins:
        config = replace(config, plugins=PluginList.parse(args.plugins))
    if args.transport:
        config = replace(config, transport=args.transport)
    app = reset_app(config)

    if args.manifest:
        manifest = anyio.run(manifest_for, app)
        manifest.pop("raw_tools", None)
        json.dump(manifest, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
        return 0

    if args.host:
        app.settings.host = args.host
    if args.port:
        app.settings.port = args.port
    if args.json_response:
        app.settings.json_response = True
    if args.stateless:
        app.settings.stateless_http = True

    if config.transport == "sse":
        app.run(transport="sse", mount_path=args.mount_path or config.mount_path)
    elif config.transport == "streamable-http":
        app.run(transport="streamable-http")
    else:
        app.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
