"""HTTP mounting: Starlette routes, streamable HTTP, SSE and the remote client."""

from __future__ import annotations

import json
from typing import Any

import anyio
import httpx
import mcp.types as types
from mcp.shared._httpx_utils import McpHttpClientFactory
from starlette.applications import Starlette
from starlette.testclient import TestClient

from tests.demo_app import build_app
from widgetkit.adapter import USER_HEADER, McpAdapter
from widgetkit.app import AppSettings
from widgetkit.asgi import create_app
from widgetkit.remote import RemoteTarget, RemoteWidgetClient

MCP_HEADERS = {"accept": "application/json, text/event-stream", "content-type": "application/json"}


def rpc(request_id: int, method: str, params: dict[str, Any] | None = None) -> str:
    return json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params or {}})


def asgi_factory(app: Starlette) -> McpHttpClientFactory:
    def factory(
        headers: dict[str, str] | None = None, timeout: httpx.Timeout | None = None, auth: httpx.Auth | None = None
    ) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app)
        return httpx.AsyncClient(transport=transport, base_url="http://wk.test", headers=headers, timeout=timeout, auth=auth)

    return factory


def test_health_and_stateless_json_post() -> None:
    adapter = McpAdapter(build_app(settings=AppSettings(json_response=True, stateless=True)))
    starlette_app, _mount = create_app(adapter)
    with TestClient(starlette_app) as client:
        health = client.get("/healthz").json()
        assert health["transports"] == {"streamableHttp": "/mcp/", "sse": "/sse", "stateless": True, "jsonResponse": True}
        assert "2025-06-18" in health["protocolVersions"]
        init_params = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "curl", "version": "8"}}
        init = client.post("/mcp/", content=rpc(1, "initialize", init_params), headers=MCP_HEADERS)
        assert init.headers["content-type"].startswith("application/json")
        assert init.json()["result"]["serverInfo"] == {"name": "inventory", "version": "2.4.0"}
        who = client.post(
            "/mcp/",
            content=rpc(2, "tools/call", {"name": "whoami", "arguments": {}}),
            headers={**MCP_HEADERS, USER_HEADER: "dana", "mcp-protocol-version": "2025-06-18"},
        ).json()["result"]
    assert who["isError"] is False
    assert who["structuredContent"] == {"user": "dana", "client": None, "transport": "http", "session": None}


def test_transport_security_and_sse_message_endpoint() -> None:
    settings = AppSettings(host="dash.local", port=80, allowed_hosts=["dash.local"])
    starlette_app, mount = create_app(McpAdapter(build_app(settings=settings)))
    assert mount.session_manager.stateless is False
    with TestClient(starlette_app, base_url="http://dash.local") as client:
        assert client.post("/messages/", content=rpc(1, "ping"), headers=MCP_HEADERS).status_code == 400
        unknown = client.post(f"/messages/?session_id={'ab' * 16}", content=rpc(1, "ping"), headers=MCP_HEADERS)
        assert unknown.status_code == 404
        rebound = client.post("/mcp/", content=rpc(1, "ping"), headers={**MCP_HEADERS, "host": "evil.example"})
        assert rebound.status_code == 421


async def test_remote_client_over_stateless_http() -> None:
    adapter = McpAdapter(build_app(settings=AppSettings(json_response=True, stateless=True)))
    starlette_app, mount = create_app(adapter)
    target = RemoteTarget(url="http://wk.test/mcp/", user="lee", token="s3cret")
    remote = RemoteWidgetClient(target, http_client_factory=asgi_factory(starlette_app))
    async with mount.session_manager.run():
        async with remote.open() as session:
            assert remote.init is not None and remote.init.serverInfo.name == "inventory"
            assert remote.session_id is None  # stateless servers hand out no session
            me = await remote.call(session, "whoami")
            # every stateless request runs in a fresh server session, so no clientInfo is known
            assert me.structuredContent == {"user": "lee", "client": None, "transport": "http", "session": None}
            added = await remote.call(session, "add_item", {"name": "gear", "qty": 2})
            assert (added.structuredContent or {})["total_items"] == 2
            catalog = await remote.catalog(session)
    assert catalog["tools"]["add_item"]["required"] == ["name"]
    assert catalog["readOnly"] == ["export_rows", "search", "slow_report", "stock_chart", "whoami"]
    assert catalog["templates"] == ["widget://pages/{slug}", "widget://state/{key}"]
    assert catalog["more"] is False and catalog["capabilities"].tools.listChanged is True


async def test_remote_client_keeps_a_session_when_stateful() -> None:
    adapter = McpAdapter(build_app(settings=AppSettings(json_response=True)))
    starlette_app, mount = create_app(adapter)
    target = RemoteTarget(url="http://wk.test/mcp/", user="ops")
    remote = RemoteWidgetClient(target, http_client_factory=asgi_factory(starlette_app))
    async with mount.session_manager.run():
        with anyio.fail_after(10):
            async with remote.open() as session:
                assert remote.init is not None
                assert remote.init.protocolVersion == types.LATEST_PROTOCOL_VERSION
                assert remote.init.capabilities.resources is not None and remote.init.capabilities.resources.subscribe
                me = await remote.call(session, "whoami")
                assert remote.session_id is not None
                assert me.structuredContent == {"user": "ops", "client": "mcp", "transport": "http", "session": remote.session_id}
