from __future__ import annotations

import json
import anyio
import httpx
from starlette.testclient import TestClient

from opsdeck.asgi import create_app
from opsdeck.client import BearerTokenAuth, describe_frame
from opsdeck.config import DeckSettings
from opsdeck.server import build_server

ENV = {
    "OPSDECK_NAME": "opsdeck-prod",
    "OPSDECK_HOST": "0.0.0.0",
    "OPSDECK_PORT": "9300",
    "OPSDECK_TRANSPORT": "sse",
    "OPSDECK_MOUNT_PATH": "/deck",
    "OPSDECK_STATELESS": "yes",
    "OPSDECK_JSON_RESPONSE": "1",
    "OPSDECK_ALLOWED_HOSTS": "deck.internal, testserver",
    "OPSDECK_LOG_LEVEL": "warning",
}


def test_settings_flow_into_fastmcp() -> None:
    settings = DeckSettings.from_env(ENV)
    assert settings.public_url == "http://0.0.0.0:9300/sse"
    mcp = build_server(settings)
    assert mcp.name == "opsdeck-prod"
    assert mcp.settings.host == "0.0.0.0" and mcp.settings.port == 9300
    assert mcp.settings.mount_path == "/deck" and mcp.settings.sse_path == "/sse"
    assert mcp.settings.stateless_http and mcp.settings.json_response
    assert mcp.settings.streamable_http_path == "/mcp"
    assert mcp.settings.log_level == "WARNING"
    security = mcp.settings.transport_security
    assert security is not None and security.allowed_hosts == ["deck.internal", "testserver"]
    assert security.allowed_origins == ["https://deck.internal", "https://testserver"]

    local = build_server(DeckSettings())
    assert local.settings.transport_security is not None
    assert "127.0.0.1:*" in local.settings.transport_security.allowed_hosts


def test_asgi_app_serves_health_and_mcp() -> None:
    settings = DeckSettings.from_env(ENV)
    app = create_app(settings)
    headers = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "curl", "version": "8"},
        },
    }
    with TestClient(app) as client:
        health = client.get("/healthz")
        response = client.post("/mcp", headers=headers, content=json.dumps(init))
        tools = client.post(
            "/mcp",
            headers={**headers, "mcp-protocol-version": "2025-06-18"},
            json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        )
        blocked = client.post("/mcp", headers={**headers, "Host": "evil.example"}, json=init)
    assert health.status_code == 200
    assert health.json()["statelessHttp"] is True and health.json()["mountPath"] == "/deck"
    assert response.status_code == 200
    body = response.json()
    assert body["result"]["serverInfo"]["name"] == "opsdeck-prod"
    assert body["result"]["protocolVersion"] == "2025-06-18"
    assert "mcp-session-id" not in response.headers
    names = [tool["name"] for tool in tools.json()["result"]["tools"]]
    assert "rollout_restart" in names and "inputSchema" in tools.json()["result"]["tools"][0]
    assert blocked.status_code == 421


def test_bearer_auth_and_frame_decoding() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(401 if request.url.path == "/denied" else 200)

    async def run() -> tuple[int, int]:
        async with httpx.AsyncClient(auth=BearerTokenAuth("s3cr3t"), transport=httpx.MockTransport(handler)) as c:
            ok = await c.get("https://deck.internal/mcp")
            denied = await c.get("https://deck.internal/denied")
        return ok.status_code, denied.status_code

    assert anyio.run(run) == (200, 401)
    assert seen == ["Bearer s3cr3t", "Bearer s3cr3t"]
    assert describe_frame('{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"deck_info"}}') == (
        "-> tools/call #4"
    )
    assert describe_frame('{"jsonrpc":"2.0","method":"notifications/initialized"}') == "~> notifications/initialized"
    assert describe_frame('{"jsonrpc":"2.0","id":4,"result":{}}') == "<- #4"
