from __future__ import annotations

import os
import sys
from typing import Any
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mcp.server.fastmcp import FastMCP  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from support import TOKENS, make_settings  # noqa: E402

from tenantd.__main__ import main  # noqa: E402
from tenantd.asgi import build_app  # noqa: E402


def test_mounted_app_serves_health_metrics_guards_mcp_and_honours_prefix() -> None:
    app = build_app(make_settings())
    with TestClient(app) as client:
        assert client.get("/").json()["service"] == "tenantd"
        health = client.get("/healthz")
        assert health.status_code == 200
        assert health.json() == {"status": "ok", "server": "tenantd", "version": "3.1.0"}
        metrics = client.get("/metrics")
        assert metrics.headers["content-type"].startswith("text/plain")
        assert "tenantd_uptime_seconds" in metrics.text
        anonymous = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
        assert anonymous.status_code == 401
        assert "Bearer" in anonymous.headers["www-authenticate"]
        metadata = client.get("/.well-known/oauth-protected-resource/mcp")
        assert metadata.status_code == 200
        assert metadata.json()["authorization_servers"] == ["https://auth.tenantd.example.com/"]
    mcp = app.state.mcp
    assert isinstance(mcp, FastMCP)
    assert mcp.settings.streamable_http_path == "/mcp"

    prefixed = build_app(make_settings(mount_prefix="/tenantd"))
    with TestClient(prefixed) as client:
        assert client.get("/tenantd/healthz").status_code == 200
        assert client.post("/tenantd/", json={}).status_code == 401
    assert prefixed.state.mcp.settings.streamable_http_path == "/"


def test_main_applies_environment_and_cli_overrides() -> None:
    env = {"TENANTD_TRANSPORT": "streamable-http", "TENANTD_PORT": "9000", "TENANTD_TOKENS": TOKENS}
    with mock.patch.dict(os.environ, env, clear=False), mock.patch.object(FastMCP, "run", autospec=True) as run:
        main(["--port", "9443", "--host", "0.0.0.0"])
        server: Any = run.call_args.args[0]
        assert run.call_args.kwargs == {"transport": "streamable-http"}
        assert (server.settings.host, server.settings.port) == ("0.0.0.0", 9443)
        assert server.settings.auth is not None and server.settings.auth.required_scopes == ["tenant"]

        main(["--transport", "sse", "--mount-path", "/edge", "--sse-path", "/events"])
        server = run.call_args.args[0]
        assert run.call_args.kwargs == {"transport": "sse", "mount_path": "/edge"}
        assert server.settings.sse_path == "/events" and server.settings.port == 9000
