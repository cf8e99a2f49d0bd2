from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl

from mcp.shared.auth import OAuthClientInformationFull, OAuthToken

from oauthgate.provider import build_client_metadata
from oauthgate.storage import (
    FileTokenStorage,
    MemoryTokenStorage,
    as_token_storage,
    preregistered_client,
    redirect_hosts,
    registration_is_current,
    registration_request_for,
)

REDIRECT = "http://127.0.0.1:8765/oauth/callback"


async def test_file_storage_roundtrip():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "nested", "tokens.json")
        catalog = FileTokenStorage(path, "https://MCP.example.com/mcp#frag")
        other = FileTokenStorage(path, "https://other.example.com/mcp")
        assert await catalog.get_tokens() is None
        assert await catalog.get_client_info() is None

        await catalog.set_tokens(OAuthToken(access_token="at-1", token_type="Bearer", expires_in=600, refresh_token="rt-1"))
        info = OAuthClientInformationFull(
            client_id="client-9",
            client_secret="s3cret",
            redirect_uris=[AnyUrl(REDIRECT)],
            token_endpoint_auth_method="client_secret_post",
            client_name="Acme",
        )
        await catalog.set_client_info(info)
        await other.set_tokens(OAuthToken(access_token="at-other"))

        tokens = await catalog.get_tokens()
        assert tokens is not None and tokens.refresh_token == "rt-1" and tokens.token_type == "Bearer"
        loaded = await catalog.get_client_info()
        assert loaded is not None and loaded.client_id == "client-9"
        assert loaded.redirect_uris == [AnyUrl(REDIRECT)]
        assert loaded.redirect_uris is not None and loaded.redirect_uris[0].port == 8765

        assert await catalog.known_servers() == ["https://mcp.example.com/mcp", "https://other.example.com/mcp"]
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        entry = raw["servers"]["https://mcp.example.com/mcp"]
        assert entry["client_info"]["redirect_uris"] == [REDIRECT]
        assert "client_id_issued_at" not in entry["client_info"]
        assert raw["version"] == 2


async def test_file_storage_expiry_and_clear():
    with tempfile.TemporaryDirectory() as tmp:
        storage = FileTokenStorage(os.path.join(tmp, "tokens.json"), "https://mcp.example.com/mcp")
        assert await storage.expires_at() is None
        await storage.set_tokens(OAuthToken(access_token="short", expires_in=10))
        deadline = await storage.expires_at()
        assert deadline is not None and deadline - time.time() <= 10
        assert await storage.is_expired(skew=30.0)
        assert not await storage.is_expired(skew=0.0)

        await storage.set_client_info(preregistered_client("static-client", REDIRECT))
        await storage.clear()
        assert await storage.get_tokens() is None
        assert (await storage.get_client_info()) is not None
        await storage.clear(keep_registration=False)
        assert await storage.get_client_info() is None
        assert await storage.known_servers() == []


async def test_registration_reuse_rules():
    wanted = build_client_metadata("Acme", REDIRECT, scopes=["catalog:read"])
    assert redirect_hosts(wanted) == ["127.0.0.1"]
    stored = preregistered_client("static-client", REDIRECT, client_secret="xyz", scope="catalog:read catalog:write")
    assert stored.token_endpoint_auth_method == "client_secret_post"
    assert registration_is_current(stored, wanted)

    moved = build_client_metadata("Acme", "http://127.0.0.1:9999/oauth/callback")
    assert not registration_is_current(stored, moved)

    expired = stored.model_copy(update={"client_secret_expires_at": int(time.time()) - 5})
    assert not registration_is_current(expired, wanted)
    assert not registration_is_current(None, wanted)

    as_request = registration_request_for(stored)
    assert as_request.scope == "catalog:read catalog:write"
    assert as_request.redirect_uris == [AnyUrl(REDIRECT)]

    memory = MemoryTokenStorage()
    storage = as_token_storage(memory)
    await storage.set_client_info(stored)
    assert (await storage.get_client_info()) is stored and memory.writes == 1
