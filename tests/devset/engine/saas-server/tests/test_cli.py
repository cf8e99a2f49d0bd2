from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from starlette.testclient import TestClient

from fake_api import TOKEN, FakeIssueDesk
from issuedesk.asgi import create_app
from issuedesk.cli import build_parser, configure, main
from issuedesk.config import ConfigError, ServerSettings
from support import make_settings


def test_settings_from_environment() -> None:
    settings = ServerSettings.from_env(
        {
            "ISSUEDESK_API_URL": "https://acme.issuedesk.io/",
            "ISSUEDESK_API_TOKEN": " secret ",
            "ISSUEDESK_TRANSPORT": "streamable-http",
            "ISSUEDESK_PORT": "9100",
            "ISSUEDESK_JSON_RESPONSE": "yes",
            "ISSUEDESK_LOG_LEVEL": "debug",
            "ISSUEDESK_ALLOWED_HOSTS": "mcp.acme.dev, localhost:9100",
            "UNRELATED": "ignored",
        }
    )
    assert settings.api_url == "https://acme.issuedesk.io"
    assert settings.api_token == "secret"
    assert settings.transport == "streamable-http" and settings.is_http
    assert settings.port == 9100 and settings.json_response is True
    assert settings.log_level == "DEBUG"
    assert settings.allowed_hosts == ("mcp.acme.dev", "localhost:9100")
    view = settings.public_view()
    assert view["jsonResponse"] is True and view["hasToken"] is True and "apiToken" not in view

    for bad in ({"ISSUEDESK_PORT": "http"}, {"ISSUEDESK_TRANSPORT": "websocket"}, {"ISSUEDESK_DEBUG": "maybe"}):
        try:
            ServerSettings.from_env(bad)
        except ConfigError:
            pass
        else:
            raise AssertionError(f"{bad} should be rejected")


def test_cli_flags_reach_server_settings() -> None:
    base = make_settings(port=8000)
    settings, server = configure(
        ["--transport", "streamable-http", "--host", "0.0.0.0", "--port", "9200", "--path", "/issuedesk/mcp", "--json-response"],
        base,
    )
    assert settings.transport == "streamable-http"
    assert server.settings.host == "0.0.0.0"
    assert server.settings.port == 9200
    assert server.settings.streamable_http_path == "/issuedesk/mcp"
    assert server.settings.json_response is True
    assert server.settings.stateless_http is False
    assert server.name == "issuedesk"
    assert server.instructions is not None and "search_issues" in server.instructions

    sse_settings, sse_server = configure(["-t", "sse", "--mount-path", "/tracker", "--log-level", "warning"], base)
    assert sse_settings.log_level == "WARNING"
    assert sse_server.settings.mount_path == "/tracker"
    assert sse_server.settings.sse_path == "/sse"
    assert sse_server.settings.port == 8000

    args = build_parser().parse_args([])
    assert args.transport is None and args.json_response is None


def test_main_rejects_bad_environment() -> None:
    previous = os.environ.get("ISSUEDESK_PORT")
    os.environ["ISSUEDESK_PORT"] = "70000"
    try:
        assert main(["--transport", "sse"]) == 2
    finally:
        if previous is None:
            del os.environ["ISSUEDESK_PORT"]
        else:
            os.environ["ISSUEDESK_PORT"] = previous


def test_asgi_app_serves_health_and_mcp() -> None:
    fake = FakeIssueDesk()
    settings = make_settings(json_response=True, stateless_http=True, allowed_hosts=("testserver",))
    app = create_app(settings, http_transport=fake.transport())
    headers = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
    with TestClient(app) as client:
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json()["settings"]["statelessHttp"] is True

        index = client.get("/")
        assert "streamable HTTP: /mcp" in index.text

        init = client.post(
            "/mcp",
            headers=headers,
            json={
                "jsonrpc": "2.0",
                "id": 1,
                "method": "initialize",
                "params": {
                    "protocolVersion": "2025-06-18",
                    "capabilities": {},
                    "clientInfo": {"name": "curl", "version": "8"},
                },
            },
        )
        assert init.status_code == 200
        assert init.json()["result"]["serverInfo"]["name"] == "issuedesk"

        call = client.post(
            "/mcp",
            headers={**headers, "mcp-protocol-version": "2025-06-18"},
            json={
                "jsonrpc": "2.0",
                "id": 2,
                "method": "tools/call",
                "params": {"name": "get_issue", "arguments": {"issue_key": "OPS-2"}},
            },
        )
        assert call.status_code == 200
        result = call.json()["result"]
        assert result["isError"] is False
        assert result["structuredContent"]["title"] == "Nightly backup alerts"

        rebinding = client.post("/mcp", headers={**headers, "Host": "evil.example"}, json={})
        assert rebinding.status_code == 421
    assert fake.requests and fake.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
