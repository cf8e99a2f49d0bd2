"""python -m hub hub.json"""

from __future__ import annotations

import logging
import sys
from contextlib import AsyncExitStack
from pathlib import Path

import anyio
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage
from mcp.shared.version import LATEST_PROTOCOL_VERSION

from .config import load_config
from .proxy import build_proxy
from .upstreams import Upstreams
from .wiretap import Wiretap


async def serve(config_path: Path) -> None:
    config = load_config(config_path)
    async with AsyncExitStack() as stack:
        upstreams = Upstreams(config.upstreams, stack)
        await upstreams.connect_all()
        server, options = build_proxy(config.name, upstreams)
        logging.info("hub %s speaking %s with %d tools", config.name, LATEST_PROTOCOL_VERSION, len(upstreams.tools))

        async with stdio_server() as (read_stream, write_stream):
            if config.wiretap is None:
                await server.run(read_stream, write_stream, options)
                return

            tapped_in_send, tapped_in_recv = anyio.create_memory_object_stream[SessionMessage | Exception](16)
            tapped_out_send, tapped_out_recv = anyio.create_memory_object_stream[SessionMessage](16)
            with Wiretap(config.wiretap) as tap:
                async with anyio.create_task_group() as tg:
                    tg.start_soon(tap.tap_incoming, read_stream, tapped_in_send)
                    tg.start_soon(tap.tap_outgoing, tapped_out_recv, write_stream)
                    await server.run(tapped_in_recv, tapped_out_send, options)
                    tg.cancel_scope.cancel()


def main() -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    if len(sys.argv) != 2:
        sys.exit("usage: python -m hub CONFIG.json")
    anyio.run(serve, Path(sys.argv[1]))


if __name__ == "__main__":
    main()
