from __future__ import annotations

from pytest_mcp_kit import assertions as A
from pytest_mcp_kit import connect, snapshots
from pytest_mcp_kit.config import KitConfig
from pytest_mcp_kit.http import asgi_client_factory, endpoint_for, serve_over_http
from tests.sample_server import build_notes_app


async def test_streamable_http_session_over_asgi() -> None:
    app = build_notes_app("notes-http", port=8931)
    assert app.settings.stateless_http and app.settings.json_response
    assert endpoint_for(app) == ("http://127.0.0.1:8931", "/mcp")
    async with serve_over_http(app, token="s3cret", config=KitConfig(extra_headers={"X-Suite": "kit"})) as conn:
        assert conn.init.serverInfo.name == "notes-http" and conn.get_session_id() is None
        A.assert_structured(await conn.session.call_tool("add", {"a": 20, "b": 22}), result=42)
    assert conn.auth is not None and conn.auth.uses >= 3
    assert conn.statuses[0] == 200 and 202 in conn.statuses


async def test_custom_routes_and_dns_rebinding_guard() -> None:
    app = build_notes_app(port=8932)
    asgi = app.streamable_http_app()
    assert app.settings.transport_security is not None and "127.0.0.1:*" in app.settings.transport_security.allowed_hosts
    async with asgi_client_factory(asgi, base_url="http://127.0.0.1:8932")() as local:
        health = await local.get("/healthz")
        assert health.json() == {"status": "ok", "server": "kit-notes", "path": "/mcp"}
    async with app.session_manager.run(), asgi_client_factory(asgi, base_url="http://evil.example:8932")() as client:
        headers = {"Accept": "application/json, text/event-stream"}
        response = await client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"}, headers=headers)
    assert response.status_code == 421


async def test_tool_result_snapshots() -> None:
    async with connect(build_notes_app()) as session:
        oslo = A.snapshot_tool_result(await session.call_tool("forecast", {"city": "Oslo", "days": 1}))
        assert oslo.get("isError") is False and oslo.get("structuredContent.highs.0") == 20
        rome = A.snapshot_tool_result(await session.call_tool("forecast", {"city": "Rome", "days": 1}))
        assert "$.structuredContent.city: 'Rome' != 'Oslo'" in snapshots.diff(oslo.root, rome.root)
        failed = A.snapshot_tool_result(await session.call_tool("fail", {"reason": "x"}))
        assert failed.root["isError"] is True and failed.root["kinds"] == ["text"]


def test_config_from_environment() -> None:
    env = {"MCP_KIT_HOST": "::1", "MCP_KIT_PORT": "9100", "MCP_KIT_STATELESS_HTTP": "no", "MCP_KIT_EXTRA_HEADERS": "X-A=1"}
    config = KitConfig.from_env(env, read_timeout_seconds=2.5)
    assert config.endpoint == "http://[::1]:9100/mcp" and config.stateless_http is False
    assert config.read_timeout().total_seconds() == 2.5 and config.extra_headers == {"X-A": "1"}
    assert config.as_server_kwargs()["port"] == 9100
    assert snapshots.normalize({"id": 3, "result": {"_meta": {}, "x": None, "y": 1}}).root == {"result": {"y": 1}}
