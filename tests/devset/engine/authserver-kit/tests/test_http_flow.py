"""End-to-end: the SDK's OAuth client against the kit, all in-process over ASGI."""

from __future__ import annotations

import httpx
from starlette.testclient import TestClient

import mcp.types as types
from mcp.client.auth import OAuthFlowError

from authkit.app import build_combined_app
from authkit.client import HeadlessBrowser, MemoryTokenStorage, build_oauth, connect_with_token, open_session, probe
from authkit.server import build_server
from authkit.testing import TEST_SETTINGS, asgi_client_factory

SERVER_URL = TEST_SETTINGS.resource_server_url


async def test_oauth_client_provider_completes_the_full_flow() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    app = kit.mcp.streamable_http_app()
    transport = httpx.ASGITransport(app=app)
    storage = MemoryTokenStorage()

    async with kit.mcp.session_manager.run():
        async with httpx.AsyncClient(transport=transport) as browser_http:
            browser = HeadlessBrowser(browser_http, subject="dana")
            oauth = build_oauth(SERVER_URL, browser, storage, client_name="smoke")
            async with open_session(SERVER_URL, auth=oauth, transport=transport) as conn:
                assert conn.init.serverInfo.name == "authkit"
                assert conn.init.capabilities.tools is not None
                assert conn.get_session_id() is None  # stateless deployment

                report = await probe(conn.session, conn.init)
                assert report["protocol_supported"] is True
                assert report["capabilities"]["tools"] == {"listChanged": False}
                assert report["tools_list_changed"] is False
                assert report["whoami_error"] is False
                assert report["whoami"]["subject"] == "dana"
                assert report["whoami"]["scopes"] == ["notes:read"]
                names = {tool["name"]: tool for tool in report["tools"]}
                assert names["whoami"]["read_only"] and not names["whoami"]["destructive"]
                assert names["revoke_client"]["destructive"]
                assert names["add_note"]["required"] == ["title", "body"]

                denied = await conn.session.call_tool("add_note", {"title": "x", "body": "y"})
                assert denied.isError

    # discovery -> registration -> consent -> token all happened exactly once
    assert browser.visited[0].startswith("http://localhost:8765/authorize?")
    assert "/consent?txn=" in browser.visited[1]
    assert storage.client_info is not None and storage.client_info.client_id in kit.provider.clients
    assert storage.client_info.client_name == "smoke"
    assert storage.tokens is not None and storage.tokens.scope == "notes:read"
    assert [e["event"] for e in kit.audit.events()][:3] == ["client.registered", "consent.approved", "token.issued"]


async def test_denied_consent_aborts_the_flow() -> None:
    kit = build_server(TEST_SETTINGS)
    app = kit.mcp.streamable_http_app()
    transport = httpx.ASGITransport(app=app)

    async with kit.mcp.session_manager.run():
        async with httpx.AsyncClient(transport=transport) as browser_http:
            browser = HeadlessBrowser(browser_http, approve=False)
            oauth = build_oauth(SERVER_URL, browser)
            try:
                async with open_session(SERVER_URL, auth=oauth, transport=transport):
                    raise AssertionError("session opened without consent")
            except* OAuthFlowError as group:
                assert "access_denied" in str(group.exceptions[0])
    assert kit.audit.events(event="consent.denied")


async def test_pre_issued_token_with_client_factory() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    token = kit.provider.mint_access_token("ci-bot", ["notes:read", "notes:write"], subject="ci")
    app = kit.mcp.streamable_http_app()

    async with kit.mcp.session_manager.run():
        async with connect_with_token(SERVER_URL, token.token, httpx_client_factory=asgi_client_factory(app)) as session:
            created = await session.call_tool("add_note", {"title": "build", "body": "green"})
            assert not created.isError
            assert isinstance(created.content[0], types.TextContent)
            listed = await session.call_tool("list_notes", {})
            assert listed.structuredContent is not None
            assert [n["title"] for n in listed.structuredContent["result"]] == ["build"]
            templates = await session.list_resource_templates(cursor=None)
            assert templates.nextCursor is None
    assert kit.notes["ci"][0]["body"] == "green"


def test_combined_app_serves_both_transports() -> None:
    kit = build_server(TEST_SETTINGS)
    assert kit.provider is not None
    token = kit.provider.mint_access_token("cli", ["notes:read"])
    app = build_combined_app(kit.mcp)
    with TestClient(app) as http:
        assert http.get("/legacy/sse").status_code == 401
        assert http.get("/healthz").json()["status"] == "ok"
        response = http.post(
            "/mcp",
            json={"jsonrpc": "2.0", "id": 7, "method": "tools/list"},
            headers={
                "Accept": "application/json, text/event-stream",
                "Authorization": f"Bearer {token.token}",
            },
        )
        assert response.status_code == 200, response.text
        listed = types.ListToolsResult.model_validate(response.json()["result"])
        assert "whoami" in [tool.name for tool in listed.tools]
