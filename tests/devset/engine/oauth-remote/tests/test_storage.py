from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

from pydantic import AnyUrl

from mcp.shared.auth import OAuthClientInformationFull, OAuthToken

from gatehouse.client.storage import FileTokenStorage, InMemoryTokenStorage


def _client(client_id: str) -> OAuthClientInformationFull:
    return OAuthClientInformationFull(
        client_id=client_id,
        client_secret="s3cret",
        redirect_uris=[AnyUrl("http://127.0.0.1:33418/callback")],
        token_endpoint_auth_method="client_secret_post",
        scope="mcp:read",
    )


async def test_in_memory_storage_roundtrip() -> None:
    storage = InMemoryTokenStorage()
    assert await storage.get_tokens() is None
    await storage.set_tokens(OAuthToken.model_validate({"access_token": "abc", "token_type": "bearer", "expires_in": 60}))
    await storage.set_client_info(_client("c1"))
    tokens = await storage.get_tokens()
    assert tokens is not None and tokens.token_type == "Bearer"
    info = await storage.get_client_info()
    assert info is not None and info.client_id == "c1"
    assert storage.writes == 2


async def test_file_storage_persists_per_server() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "nested" / "tokens.json"
        eu = FileTokenStorage(path, "https://eu.example.com/mcp/")
        us = FileTokenStorage(path, "https://us.example.com/mcp")
        await eu.set_tokens(OAuthToken(access_token="eu-token", refresh_token="eu-refresh", expires_in=300))
        await eu.set_client_info(_client("eu-client"))
        await us.set_tokens(OAuthToken(access_token="us-token"))

        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        raw = json.loads(path.read_text())
        assert raw["servers"]["https://eu.example.com/mcp"]["client"]["redirect_uris"] == [
            "http://127.0.0.1:33418/callback"
        ]

        reopened = FileTokenStorage(path, "https://eu.example.com/mcp")
        tokens = await reopened.get_tokens()
        assert tokens is not None and tokens.refresh_token == "eu-refresh"
        info = await reopened.get_client_info()
        assert info is not None and info.client_secret == "s3cret"
        assert info.redirect_uris == [AnyUrl("http://127.0.0.1:33418/callback")]
        assert reopened.known_servers() == ["https://eu.example.com/mcp", "https://us.example.com/mcp"]

        await reopened.forget()
        assert await reopened.get_tokens() is None
        us_tokens = await us.get_tokens()
        assert us_tokens is not None and us_tokens.access_token == "us-token"
