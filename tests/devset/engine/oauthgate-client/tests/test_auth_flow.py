from __future__ import annotations

import os
import sys
import tempfile
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(__file__))

import anyio
import httpx
from oauth_fakes import RESOURCE, FakeOAuthWorld, rpc_ping

from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import MCP_PROTOCOL_VERSION
from mcp.types import LATEST_PROTOCOL_VERSION

from oauthgate.handlers import HeadlessAuthorizer, LoopbackReceiver
from oauthgate.provider import CLIENT_TAG_HEADER, build_client_metadata, build_provider
from oauthgate.storage import FileTokenStorage, MemoryTokenStorage

REDIRECT = "http://127.0.0.1:8765/oauth/callback"
MCP_HEADERS = {MCP_PROTOCOL_VERSION: LATEST_PROTOCOL_VERSION, "Accept": "application/json, text/event-stream"}


async def test_loopback_flow_end_to_end():
    world = FakeOAuthWorld()
    with tempfile.TemporaryDirectory() as tmp:
        token_file = os.path.join(tmp, "tokens.json")
        storage = FileTokenStorage(token_file, RESOURCE)
        metadata = build_client_metadata("Acme Desktop", REDIRECT, scopes=["catalog:read", "catalog:write"])
        receiver = LoopbackReceiver(metadata, timeout=5)
        provider = build_provider(RESOURCE, storage, metadata, mode="loopback", receiver=receiver, flow_timeout=45.0)
        assert provider.flow_timeout == 45.0 and not provider.has_valid_token()

        seen_urls: list[str] = []

        async def user_in_browser() -> None:
            url = await receiver.next_authorization_url()
            seen_urls.append(url)
            await receiver.deliver(world.approve(url))

        first: httpx.Response | None = None
        async with httpx.AsyncClient(transport=world.transport(), auth=provider) as http:
            async with anyio.create_task_group() as tg:
                tg.start_soon(user_in_browser)
                first = await http.post(RESOURCE, json=rpc_ping(1), headers=MCP_HEADERS)
            second = await http.post(RESOURCE, json=rpc_ping(2), headers=MCP_HEADERS)

        assert first is not None and first.status_code == 200 and second.status_code == 200
        assert first.request.headers["authorization"] == "Bearer at-1"
        assert first.request.headers[CLIENT_TAG_HEADER] == "oauthgate"
        assert provider.unauthorized_seen == 1
        assert provider.current_tokens is not None and provider.current_tokens.refresh_token == "rt-at-1"
        assert provider.oauth_context.client_info is not None
        assert provider.oauth_context.client_info.client_id == "client-1"

        query = parse_qs(urlsplit(seen_urls[0]).query)
        assert query["redirect_uri"] == [REDIRECT]
        assert query["scope"] == ["catalog:read"]
        assert query["resource"] == [RESOURCE]
        assert query["code_challenge_method"] == ["S256"]

        assert world.log == [
            "POST mcp.example.com/mcp",
            "GET mcp.example.com/.well-known/oauth-protected-resource/mcp",
            "GET auth.example.com/.well-known/oauth-authorization-server",
            "POST auth.example.com/register",
            "GET auth.example.com/authorize",
            "POST auth.example.com/token",
            "POST mcp.example.com/mcp",
            "POST mcp.example.com/mcp",
        ]

        stored = await FileTokenStorage(token_file, RESOURCE).get_tokens()
        assert stored is not None and stored.access_token == "at-1" and stored.scope == "catalog:read"
        registered = await storage.get_client_info()
        assert registered is not None and registered.client_secret == world.clients["client-1"]["client_secret"]

        # A fresh process reuses the stored token without any OAuth round trips.
        world.log.clear()
        again = build_provider(RESOURCE, FileTokenStorage(token_file, RESOURCE), metadata, mode="loopback")
        assert await again.preload()
        assert again.has_valid_token()
        async with httpx.AsyncClient(transport=world.transport(), auth=again) as http:
            third = await http.post(RESOURCE, json=rpc_ping(3), headers=MCP_HEADERS)
        assert third.status_code == 200 and world.log == ["POST mcp.example.com/mcp"]
        assert again.requests_sent == 1 and again.unauthorized_seen == 0


async def test_headless_flow_with_plain_provider():
    world = FakeOAuthWorld(scopes=("catalog:read",))
    metadata = build_client_metadata("CI runner", REDIRECT, confidential=True)
    storage = MemoryTokenStorage()
    async with httpx.AsyncClient(transport=world.transport()) as browser_http:
        authorizer = HeadlessAuthorizer(browser_http)
        provider = OAuthClientProvider(
            RESOURCE,
            metadata,
            storage,
            redirect_handler=authorizer.authorize,
            callback_handler=lambda: authorizer.take_result(),
        )
        assert provider.context.timeout == 300.0
        async with httpx.AsyncClient(transport=world.transport(), auth=provider) as http:
            response = await http.post(RESOURCE, json=rpc_ping(), headers=MCP_HEADERS)
    assert response.status_code == 200
    assert authorizer.visits == 1
    assert storage.tokens is not None and storage.tokens.access_token == "at-1"
    assert storage.client_info is not None and storage.client_info.client_id == "client-1"
    assert storage.writes == 2
    assert provider.context.oauth_metadata is not None
    assert str(provider.context.oauth_metadata.issuer) == "https://auth.example.com/"


async def test_browser_mode_uses_closure_handlers():
    world = FakeOAuthWorld()
    metadata = build_client_metadata("Acme", REDIRECT, confidential=False)
    send, receive = anyio.create_memory_object_stream[str](1)
    opened: list[str] = []

    def fake_browser(url: str) -> bool:
        opened.append(url)
        send.send_nowait(world.approve(url))
        return True

    storage = MemoryTokenStorage()
    provider = build_provider(
        RESOURCE, storage, metadata, mode="browser", callback_stream=receive, opener=fake_browser, flow_timeout=5
    )
    async with httpx.AsyncClient(transport=world.transport(), auth=provider) as http:
        response = await http.post(RESOURCE, json=rpc_ping(), headers=MCP_HEADERS)
    assert response.status_code == 200
    assert len(opened) == 1 and opened[0].startswith("https://auth.example.com/authorize?")
    assert storage.client_info is not None and storage.client_info.token_endpoint_auth_method == "none"
    assert storage.client_info.client_secret is None
    assert storage.tokens is not None and storage.tokens.expires_in == 3600


async def test_headless_handlers_pair_with_gate_provider():
    world = FakeOAuthWorld()
    async with httpx.AsyncClient(transport=world.transport()) as browser_http:
        authorizer = HeadlessAuthorizer(browser_http)
        redirect, callback = authorizer.handlers()
        storage = MemoryTokenStorage()
        provider = build_provider(
            RESOURCE, storage, build_client_metadata("CI", REDIRECT), mode="headless", authorizer=authorizer
        )
        async with httpx.AsyncClient(transport=world.transport(), auth=provider) as http:
            ok = await http.post(RESOURCE, json=rpc_ping(), headers=MCP_HEADERS)
        assert ok.status_code == 200 and authorizer.visits == 1

        # the standalone pair drives the same authorizer
        client_id = storage.client_info.client_id if storage.client_info else ""
        await redirect(
            "https://auth.example.com/authorize?"
            f"client_id={client_id}&redirect_uri={REDIRECT}&state=manual&code_challenge=abc"
        )
        code, state = await callback()
        assert state == "manual" and code in world.codes
        try:
            await callback()
        except Exception as exc:
            assert "authorize() was not called" in str(exc)
        else:
            raise AssertionError("second callback should fail")
