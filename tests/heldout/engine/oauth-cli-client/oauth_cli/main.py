"""Interactive MCP client that signs in with OAuth before connecting.

    oauth-cli https://mcp.example.com/mcp
    oauth-cli https://mcp.example.com/sse --transport sse
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shlex
import webbrowser
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlparse

import anyio
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider, OAuthFlowError
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.auth import OAuthClientMetadata
from mcp.shared.message import SessionMessage
from mcp.types import TextContent
from pydantic import AnyUrl

from .callback_server import CallbackServer
from .storage import FileTokenStorage


class SimpleAuthClient:
    def __init__(self, server_url: str, transport: str = "streamable-http", port: int = 3030) -> None:
        self.server_url = server_url
        self.transport = transport
        self.port = port
        self.session: ClientSession | None = None

    def _storage_key(self) -> str:
        return urlparse(self.server_url).netloc.replace(":", "_")

    def build_auth(self) -> OAuthClientProvider:
        callback = CallbackServer(port=self.port)
        callback.start()

        async def redirect_handler(authorization_url: str) -> None:
            print(f"Opening browser for authorization:\n  {authorization_url}")
            webbrowser.open(authorization_url)

        async def callback_handler() -> tuple[str, str | None]:
            print("Waiting for authorization callback...")
            try:
                return await anyio.to_thread.run_sync(callback.wait_for_code)
            finally:
                callback.stop()

        metadata = OAuthClientMetadata(
            client_name="oauth-cli",
            redirect_uris=[AnyUrl(callback.redirect_uri)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="client_secret_post",
        )
        return OAuthClientProvider(
            server_url=self.server_url.rsplit("/", 1)[0],
            client_metadata=metadata,
            storage=FileTokenStorage(self._storage_key()),
            redirect_handler=redirect_handler,
            callback_handler=callback_handler,
            timeout=300.0,
        )

    async def connect(self) -> None:
        auth = self.build_auth()
        try:
            if self.transport == "sse":
                async with sse_client(self.server_url, auth=auth, timeout=60) as (read, write):
                    await self.run_session(read, write, None)
            else:
                async with streamablehttp_client(
                    self.server_url, auth=auth, timeout=timedelta(seconds=60)
                ) as (read, write, get_session_id):
                    await self.run_session(read, write, get_session_id)
        except OAuthFlowError as exc:
            print(f"Authorization failed: {exc}")

    async def run_session(
        self,
        read: MemoryObjectReceiveStream[SessionMessage | Exception],
        write: MemoryObjectSendStream[SessionMessage],
        get_session_id: Callable[[], str | None] | None,
    ) -> None:
        async with ClientSession(read, write) as session:
            self.session = session
            init = await session.initialize()
            print(f"Connected to {init.serverInfo.name}")
            if get_session_id is not None:
                print(f"Session id: {get_session_id()}")
            await self.loop()

    async def loop(self) -> None:
        assert self.session is not None
        while True:
            try:
                line = await anyio.to_thread.run_sync(input, "mcp> ")
            except EOFError:
                return
            cmd, *rest = shlex.split(line) or [""]
            if cmd in ("quit", "exit"):
                return
            if cmd == "list":
                tools = await self.session.list_tools()
                for tool in tools.tools:
                    print(f"- {tool.name}: {tool.description}")
            elif cmd == "call" and rest:
                arguments = json.loads(rest[1]) if len(rest) > 1 else {}
                result = await self.session.call_tool(rest[0], arguments)
                marker = "!" if result.isError else ">"
                for block in result.content:
                    if isinstance(block, TextContent):
                        print(f"{marker} {block.text}")
                    else:
                        print(f"{marker} [{block.type}]")
            else:
                print("commands: list | call <tool> [json-args] | quit")


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--transport", choices=["streamable-http", "sse"], default="streamable-http")
    parser.add_argument("--callback-port", type=int, default=3030)
    args = parser.parse_args()
    asyncio.run(SimpleAuthClient(args.url, args.transport, args.callback_port).connect())


if __name__ == "__main__":
    cli()
