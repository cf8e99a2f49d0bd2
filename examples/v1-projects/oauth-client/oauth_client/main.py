"""CLI: sign in with OAuth, then list and call tools on a streamable-HTTP MCP server."""

import asyncio
import json
import webbrowser
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import click
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.auth import OAuthClientMetadata
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from oauth_client.storage import InMemoryTokenStorage

REDIRECT_URI = "http://localhost:3030/callback"


async def handle_redirect(authorization_url: str) -> None:
    print(f"Opening {authorization_url}")
    webbrowser.open(authorization_url)


async def handle_callback() -> tuple[str, str | None]:
    pasted = input("Paste the URL you were redirected to: ")
    params = parse_qs(urlparse(pasted).query)
    return params["code"][0], params.get("state", [None])[0]


def make_auth(server_url: str) -> OAuthClientProvider:
    return OAuthClientProvider(
        server_url=server_url,
        client_metadata=OAuthClientMetadata(
            client_name="oauth-client CLI",
            redirect_uris=[AnyUrl(REDIRECT_URI)],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            scope="user",
        ),
        storage=InMemoryTokenStorage(),
        redirect_handler=handle_redirect,
        callback_handler=handle_callback,
        timeout=300.0,
    )


async def list_all_tools(session: ClientSession):
    tools = []
    cursor = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if not cursor:
            return tools


async def run(server_url: str, tool: str | None, arguments: str) -> None:
    auth = make_auth(server_url)
    async with streamablehttp_client(
        f"{server_url}/mcp",
        auth=auth,
        timeout=timedelta(seconds=60),
        sse_read_timeout=timedelta(minutes=5),
    ) as (read_stream, write_stream, get_session_id):
        async with ClientSession(
            read_stream, write_stream, read_timeout_seconds=timedelta(seconds=30)
        ) as session:
            init = await session.initialize()
            print(f"Connected to {init.serverInfo.name} (protocol {init.protocolVersion})")
            print(f"Session id: {get_session_id()}")

            caps = session.get_server_capabilities()
            if caps and caps.tools and caps.tools.listChanged:
                print("Server announces tool list changes")

            for t in await list_all_tools(session):
                print(f"- {t.name}: {t.description}")
                print(f"  schema: {json.dumps(t.inputSchema)}")

            if tool is None:
                return
            try:
                result = await session.call_tool(
                    tool,
                    json.loads(arguments),
                    read_timeout_seconds=timedelta(seconds=120),
                )
            except McpError as e:
                if e.error.code == 408:
                    print("The tool call timed out")
                    return
                raise
            if result.isError:
                print("Tool reported an error")
            for block in result.content:
                if block.type == "text":
                    print(block.text)
            if result.structuredContent:
                print(json.dumps(result.structuredContent, indent=2))


@click.command()
@click.argument("server_url", default="http://localhost:8000")
@click.option("--tool", default=None)
@click.option("--arguments", default="{}")
def cli(server_url: str, tool: str | None, arguments: str) -> None:
    asyncio.run(run(server_url, tool, arguments))


if __name__ == "__main__":
    cli()
