from __future__ import annotations

import argparse
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import anyio
import mcp.types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.client.websocket import websocket_client
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage

from .forwarder import ProxyServer, proxy_options, raw_relay
from .sessions import UpstreamSession

log = logging.getLogger("mcp_bridge")

Streams = tuple[MemoryObjectReceiveStream[SessionMessage | Exception], MemoryObjectSendStream[SessionMessage]]


@contextlib.asynccontextmanager
async def upstream_streams(target: str) -> AsyncIterator[Streams]:
    if target.startswith(("ws://", "wss://")):
        async with websocket_client(target) as (read, write):
            yield read, write
    elif target.startswith(("http://", "https://")):
        async with streamable_http_client(target) as (read, write, get_session_id):
            yield read, write
            log.info("closing upstream HTTP session %s", get_session_id())
    else:
        command, *args = target.split()
        async with stdio_client(StdioServerParameters(command=command, args=args)) as (read, write):
            yield read, write


async def stdio_to_remote(target: str, raw: bool) -> None:
    proxies: list[ProxyServer] = []

    async def relay(notification: types.ServerNotification) -> None:
        for proxy in proxies:
            await proxy.relay_notifications(notification)

    async with upstream_streams(target) as (up_read, up_write):
        async with UpstreamSession(
            up_read, up_write, read_timeout_seconds=timedelta(seconds=120), notification_sink=relay
        ) as upstream:
            options = proxy_options("bridge", await upstream.initialize())
            async with stdio_server() as (read, write):
                if raw:
                    await raw_relay(upstream, read, write, options)
                else:
                    proxies.append(ProxyServer(upstream))
                    await proxies[0].server.run(read, write, options, raise_exceptions=False)


def main() -> None:
    parser = argparse.ArgumentParser("mcp-bridge")
    sub = parser.add_subparsers(dest="mode", required=True)
    s2r = sub.add_parser("stdio", help="serve stdio, forward to an HTTP/WebSocket/stdio server")
    s2r.add_argument("target")
    s2r.add_argument("--raw", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    anyio.run(stdio_to_remote, args.target, args.raw)


if __name__ == "__main__":
    main()
