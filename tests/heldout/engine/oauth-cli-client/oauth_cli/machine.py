"""Non-interactive (machine-to-machine) access using client credentials.

Used by our nightly sync job; reads credentials from the environment.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

import httpx
from mcp import ClientSession
from mcp.client.auth.extensions.client_credentials import (
    ClientCredentialsOAuthProvider,
    PrivateKeyJWTOAuthProvider,
    SignedJWTParameters,
)
from mcp.client.streamable_http import streamable_http_client
from mcp.types import TextContent

from .storage import InMemoryTokenStorage

logger = logging.getLogger("oauth_cli.machine")


def build_provider(server_url: str) -> httpx.Auth:
    client_id = os.environ["MCP_CLIENT_ID"]
    key_file = os.environ.get("MCP_CLIENT_KEY_FILE")
    if key_file:
        jwt_params = SignedJWTParameters(
            issuer=client_id,
            subject=client_id,
            signing_key=Path(key_file).read_text(),
        )
        return PrivateKeyJWTOAuthProvider(
            server_url=server_url,
            storage=InMemoryTokenStorage(),
            client_id=client_id,
            assertion_provider=jwt_params.create_assertion_provider(),
            scopes="sync:read sync:write",
        )
    return ClientCredentialsOAuthProvider(
        server_url=server_url,
        storage=InMemoryTokenStorage(),
        client_id=client_id,
        client_secret=os.environ["MCP_CLIENT_SECRET"],
        token_endpoint_auth_method="client_secret_post",
        scopes="sync:read sync:write",
    )


async def nightly_sync(server_url: str) -> int:
    auth = build_provider(server_url)
    async with httpx.AsyncClient(auth=auth, timeout=httpx.Timeout(30, read=300), follow_redirects=True) as http:
        async with streamable_http_client(server_url, http_client=http) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                result = await session.call_tool("sync_all", {"dry_run": False})
                if result.isError:
                    text = " ".join(b.text for b in result.content if isinstance(b, TextContent))
                    logger.error("sync failed: %s", text)
                    return 1
                logger.info("sync finished: %s", result.structuredContent)
                return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    raise SystemExit(asyncio.run(nightly_sync(os.environ.get("MCP_SERVER_URL", "http://localhost:8000/mcp"))))
