from __future__ import annotations

import httpx

from gatekeeper.client_auth import (
    LEGACY_DEPLOY_BOT,
    interactive_provider,
    machine_provider,
    parse_callback,
    registration_is_usable,
    vault_http_client,
)
from gatekeeper.tokens import MemoryTokenStorage


async def _noop_open(url: str) -> None:
    return None


async def _redirect() -> str:
    return "http://localhost:8765/callback?code=abc123&state=xyz"


async def test_interactive_provider_configuration() -> None:
    storage = MemoryTokenStorage()
    provider = interactive_provider("https://vault.example.com/mcp", storage, _noop_open, _redirect)
    assert provider.context.timeout == 120.0
    assert provider.context.client_metadata.scope == "vault:read vault:write"
    assert provider.context.callback_handler is not None
    assert await provider.context.callback_handler() == ("abc123", "xyz")
    async with vault_http_client(provider) as client:
        assert isinstance(client, httpx.AsyncClient)
        assert client.auth is provider


def test_machine_provider_and_legacy_record() -> None:
    provider = machine_provider("https://vault.example.com/mcp", "deploy", "s3cret")
    assert isinstance(provider, httpx.Auth)
    assert provider.context.client_metadata.scope == "vault:read"
    assert provider.context.client_metadata.token_endpoint_auth_method == "client_secret_post"
    assert not registration_is_usable(LEGACY_DEPLOY_BOT)
    assert LEGACY_DEPLOY_BOT.validate_scope("vault:read") == ["vault:read"]
    assert parse_callback("http://x/cb?code=c1") == ("c1", None)
