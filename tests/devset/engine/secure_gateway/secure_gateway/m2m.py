"""Machine-to-machine access for the nightly export job (no browser)."""

from __future__ import annotations

import os
from datetime import timedelta

import httpx
from mcp import ClientSession
from mcp.client.auth import OAuthClientProvider
from mcp.client.auth.extensions.client_credentials import (
    ClientCredentialsOAuthProvider,
    JWTParameters,
    RFC7523OAuthClientProvider,
)
from mcp.client.sse import sse_client
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.auth import OAuthClientMetadata

from .token_store import FileTokenStorage

EXPORT_SCOPE = "reports:read reports:export"


def secret_provider(server_url: str) -> ClientCredentialsOAuthProvider:
    return ClientCredentialsOAuthProvider(
        server_url=server_url,
        storage=FileTokenStorage(server_url),
        client_id=os.environ["EXPORT_CLIENT_ID"],
        client_secret=os.environ["EXPORT_CLIENT_SECRET"],
        token_endpoint_auth_method="client_secret_post",
        scopes=EXPORT_SCOPE,
    )


def legacy_jwt_bearer_provider(server_url: str, assertion: str) -> OAuthClientProvider:
    """Older IdP tenants still only accept the jwt-bearer grant."""
    return RFC7523OAuthClientProvider(
        server_url=server_url,
        client_metadata=OAuthClientMetadata(
            redirect_uris=None,
            grant_types=["urn:ietf:params:oauth:grant-type:jwt-bearer"],
            scope=EXPORT_SCOPE,
        ),
        storage=FileTokenStorage(server_url),
        jwt_parameters=JWTParameters(assertion=assertion),
        timeout=60,
    )


def pick_provider(server_url: str) -> OAuthClientProvider:
    if assertion := os.environ.get("EXPORT_JWT_ASSERTION"):
        return legacy_jwt_bearer_provider(server_url, assertion)
    return secret_provider(server_url)


async def export_all(server_url: str, use_sse: bool = False) -> list[str]:
    auth = pick_provider(server_url)
    exported: list[str] = []
    if use_sse:
        transport = sse_client(f"{server_url.rstrip('/')}/sse", auth=auth, timeout=30, sse_read_timeout=900)
        async with transport as (read, write):
            async with ClientSession(read, write, read_timeout_seconds=timedelta(minutes=10)) as session:
                await session.initialize()
                exported += await _export(session)
        return exported

    async with streamablehttp_client(
        server_url, auth=auth, timeout=timedelta(seconds=30), sse_read_timeout=timedelta(minutes=15)
    ) as (read, write, _):
        async with ClientSession(read, write, read_timeout_seconds=timedelta(minutes=10)) as session:
            await session.initialize()
            exported += await _export(session)
    return exported


async def _export(session: ClientSession) -> list[str]:
    names: list[str] = []
    for report in ("daily_revenue", "churn", "inventory"):
        try:
            result = await session.call_tool(
                "export_report", {"name": report}, read_timeout_seconds=timedelta(minutes=5)
            )
        except httpx.ReadTimeout:
            continue
        if not result.isError and result.structuredContent:
            names.append(result.structuredContent["location"])
    return names
