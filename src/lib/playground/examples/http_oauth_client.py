"""Streamable HTTP client with OAuth (MCP Python SDK v1)."""

import asyncio
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider, TokenStorage
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from mcp.shared.exceptions import McpError
from mcp.types import Content


class InMemoryTokenStorage(TokenStorage):
    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client_info: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client_info = client_info


async def redirect_handler(authorization_url: str) -> None:
    print(f"Open {authorization_url} in your browser")


async def callback_handler() -> tuple[str, str | None]:
    callback_url = input("Paste the callback URL: ")
    params = parse_qs(urlparse(callback_url).query)
    return params["code"][0], params.get("state", [None])[0]


def show(blocks: list[Content]) -> None:
    for block in blocks:
        print(block)


async def main() -> None:
    oauth = OAuthClientProvider(
        server_url="http://localhost:8000",
        client_metadata=OAuthClientMetadata(
            client_name="Example client",
            redirect_uris=["http://localhost:3030/callback"],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
        ),
        storage=InMemoryTokenStorage(),
        redirect_handler=redirect_handler,
        callback_handler=callback_handler,
        timeout=300.0,
    )
    async with streamablehttp_client(
        "http://localhost:8000/mcp",
        auth=oauth,
        timeout=timedelta(seconds=30),
        sse_read_timeout=timedelta(minutes=5),
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(read_stream, write_stream, read_timeout_seconds=timedelta(seconds=60)) as session:
            await session.initialize()
            print("session", get_session_id())
            capabilities = session.get_server_capabilities()
            print(capabilities)
            tools = await session.list_tools()
            for tool in tools.tools:
                print(tool.name, tool.inputSchema)
            page = await session.list_tools(cursor=tools.nextCursor)
            try:
                result = await session.call_tool(
                    "forecast", {"city": "Paris", "days": 3}, read_timeout_seconds=timedelta(minutes=2)
                )
            except McpError as e:
                print("error:", e.error.message)
                return
            if result.isError:
                print("tool failed")
            show(result.content)
            print(result.structuredContent, page.nextCursor)


if __name__ == "__main__":
    asyncio.run(main())
