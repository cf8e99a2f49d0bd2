from __future__ import annotations

import argparse
import logging
import sys

import anyio
from mcp.server.stdio import stdio_server

from gateway_proxy.config import load_config
from gateway_proxy.server import GatewayState, build_gateway, initialization_options
from gateway_proxy.upstream import UpstreamPool


async def serve(config_path: str) -> None:
    config = load_config(config_path)
    state_holder: list[GatewayState] = []

    async def relay(upstream: str, notification):
        if state_holder:
            await state_holder[0].broadcast(upstream, notification)

    async with UpstreamPool(config.upstreams, sink=relay) as pool:
        state = GatewayState(pool=pool, config=config)
        state_holder.append(state)
        server = build_gateway(state)
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, initialization_options(server))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="mcp-gateway")
    parser.add_argument("--config", required=True, help="path to gateway.toml")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr)
    anyio.run(serve, args.config)


if __name__ == "__main__":
    main()
