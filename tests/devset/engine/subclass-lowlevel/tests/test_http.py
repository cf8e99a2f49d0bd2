"""Streamable HTTP hosting through Starlette."""

from __future__ import annotations

import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.streamable_http import streamable_http_client
from starlette.testclient import TestClient

from docstore.client import check_health, connect_http
from docstore.http_app import build_app, security_for
from docstore.settings import ServerSettings
from tests.harness import make_server

MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


def _settings() -> ServerSettings:
    return ServerSettings(transport="streamable-http", json_response=True, stateless_http=True, page_size=10)


def test_health_and_initialize_over_http() -> None:
    server = make_server()
    app = build_app(server, _settings())
    with TestClient(app) as http:
        health = http.get("/healthz").json()
        assert health["status"] == "ok"
        assert health["settings"]["jsonResponse"] is True
        assert health["settings"]["streamablePath"] == "/mcp"

        init = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": types.LATEST_PROTOCOL_VERSION,
                "capabilities": {},
                "clientInfo": {"name": "curl", "version": "8"},
            },
        }
        response = http.post("/mcp/", json=init, headers=MCP_HEADERS)
        assert response.status_code == 200
        body = response.json()
        assert body["result"]["serverInfo"]["name"] == "docstore"
        assert body["result"]["capabilities"]["resources"]["subscribe"] is True

        rejected = http.post("/mcp/", json=init, headers={**MCP_HEADERS, "Host": "evil.example"})
        assert rejected.status_code == 421
    assert server.audit["initialize"] == 0


async def test_client_round_trip_over_asgi_transport() -> None:
    server = make_server()
    app = build_app(server, _settings())
    manager = app.state.session_manager
    transport = httpx.ASGITransport(app=app)

    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=transport,
            base_url="http://127.0.0.1:8765",
            headers=headers,
            timeout=timeout or httpx.Timeout(10.0),
            auth=auth,
            follow_redirects=True,
        )

    async with manager.run():
        async with connect_http(
            "http://127.0.0.1:8765/mcp/", token="s3cret", httpx_client_factory=factory
        ) as (client, get_session_id):
            assert get_session_id() is None
            docs = await client.list_all_documents()
            assert len(docs) == 5
            hits = await client.search("logo")
            assert hits[0]["uri"] == "doc://assets/logo"
            stats = await client.stats(tag="http")
            assert stats["clientTag"] == "http"

        http_client = factory()
        async with http_client:
            async with streamable_http_client("http://127.0.0.1:8765/mcp/", http_client=http_client) as (
                read_stream,
                write_stream,
                session_id,
            ):
                async with ClientSession(read_stream, write_stream) as session:
                    result = await session.initialize()
                    assert result.serverInfo.name == "docstore"
                    tools = await session.list_tools()
                    assert len(tools.tools) == 5
                    assert session_id() is None
            health = await check_health("http://127.0.0.1:8765", client=http_client)
            assert health["documents"] == 4
            assert health["mcpRequests"] == 9
    assert server.audit["tools/call"] == 2 and server.audit["resources/list"] == 1


def test_security_settings_follow_bind_address() -> None:
    loopback = security_for(ServerSettings())
    assert loopback.enable_dns_rebinding_protection
    assert "localhost:*" in loopback.allowed_hosts
    public = security_for(ServerSettings(host="0.0.0.0"))
    assert public.enable_dns_rebinding_protection is False
    pinned = security_for(ServerSettings(host="0.0.0.0", allowed_hosts=["docs.example.com"]))
    assert pinned.allowed_hosts == ["docs.example.com"]
