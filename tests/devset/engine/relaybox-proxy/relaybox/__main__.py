"""Command line entry point: ``python -m relaybox``."""

from __future__ import annotations

import argparse
import logging
import shlex
import sys

import anyio

from relaybox.config import GatewayConfig
from relaybox.gateway import run_gateway


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="relaybox", description="MCP proxy / gateway")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", help="JSON config with an mcpServers block")
    source.add_argument("--command", help="single stdio upstream, e.g. 'python server.py --flag'")
    parser.add_argument("--prefix", default=None, help="tool name prefix for a single upstream")
    parser.add_argument("--listen", choices=["stdio", "sse"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    return parser.parse_args(argv)


def config_from_args(args: argparse.Namespace) -> GatewayConfig:
    if args.config:
        config = GatewayConfig.from_file(args.config)
    else:
        command, *rest = shlex.split(args.command)
        entry = {"command": command, "args": rest, "toolPrefix": args.prefix}
        config = GatewayConfig.model_validate({"mcpServers": {"upstream": entry}})
    listen = config.listen.model_copy(update={"transport": args.listen, "host": args.host, "port": args.port})
    return config.model_copy(update={"listen": listen}).apply_env_overrides()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    anyio.run(run_gateway, config_from_args(parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
