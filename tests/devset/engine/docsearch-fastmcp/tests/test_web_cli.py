from __future__ import annotations

from unittest import mock

from starlette.testclient import TestClient

from docsearch import cli
from docsearch.server import mcp
from docsearch.web import create_app, public_address


def test_cli_writes_settings_and_runs_transport() -> None:
    with mock.patch.object(mcp, "settings", mcp.settings.model_copy()), mock.patch.object(mcp, "run") as run:
        assert cli.main(["--transport", "streamable-http", "--port", "9100", "--host", "127.0.0.1", "--json-response"]) == 0
        assert mcp.settings.port == 9100
        assert mcp.settings.host == "127.0.0.1"
        assert mcp.settings.json_response is True
        assert mcp.settings.stateless_http is False
        run.assert_called_once_with(transport="streamable-http")

    with mock.patch.object(mcp, "settings", mcp.settings.model_copy()), mock.patch.object(mcp, "run") as run:
        cli.main(["--transport", "sse", "--sse-path", "/events", "--mount-path", "/docs", "--log-level", "DEBUG"])
        assert mcp.settings.sse_path == "/events"
        assert mcp.settings.log_level == "DEBUG"
        run.assert_called_once_with(transport="sse", mount_path="/docs")
    assert mcp.settings.port == 8765


def test_web_app_serves_health_listing_and_mcp() -> None:
    app = create_app(json_response=True)
    assert public_address().url() == "http://0.0.0.0:8765/"
    with TestClient(app, base_url="http://localhost:8765") as client:
        health = client.get("/healthz").json()
        assert health["endpoints"]["streamable_http"] == "/api/mcp/mcp"
        assert health["endpoints"]["messages"] == "/api/legacy/messages/"
        assert health["json_response"] is True

        listing = client.get("/api/pages").json()
        assert listing["items"] == ["sso-setup", "getting-started", "webhook-testing"]
        assert listing["nextCursor"] == "rate-limits"

        response = client.post(
            "/api/mcp/mcp",
            headers={"Accept": "application/json, text/event-stream", "Content-Type": "application/json"},
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-06-18",
                    "capabilities": {},
                    "clientInfo": {"name": "web-test", "version": "0"},
                },
            },
        )
        assert response.status_code == 200, response.text
        assert response.headers.get("mcp-session-id")
        body = response.json()
        assert body["result"]["serverInfo"]["name"] == "docsearch"
        assert body["result"]["instructions"].startswith("Search the Acme product documentation")
