from __future__ import annotations

import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(__file__))

from starlette.testclient import TestClient  # noqa: E402

from mcp.types import LATEST_PROTOCOL_VERSION  # noqa: E402

from support import make_server  # noqa: E402
from warehouse.asgi import SSE_PREFIX, build_app  # noqa: E402

JSON_AND_SSE = {"accept": "application/json, text/event-stream", "content-type": "application/json"}


def test_health_route_reports_transport_settings() -> None:
    server = make_server(port=9300, streamable_http_path="/rpc")
    with TestClient(build_app(server)) as client:
        health = client.get("/healthz").json()
        status = client.get("/status").json()

    assert health["status"] == "ok"
    assert health["server"] == "warehouse-test"
    assert health["bind"] == "127.0.0.1:9300"
    assert health["endpoints"] == {"sse": "/legacy/sse", "messages": "/legacy/messages/", "streamableHttp": "/rpc"}
    assert health["dnsRebindingProtection"] is True
    assert server.settings.mount_path == SSE_PREFIX
    assert status["config"]["streamableHttpPath"] == "/rpc"
    assert status["subscriptions"] == 0


def test_streamable_http_endpoint_serves_json_rpc() -> None:
    server = make_server(json_response=True)
    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": LATEST_PROTOCOL_VERSION,
            "capabilities": {},
            "clientInfo": {"name": "asgi-test", "version": "0"},
        },
    }
    with TestClient(build_app(server)) as client:
        response = client.post("/mcp", json=init, headers=JSON_AND_SSE)
        session_id = response.headers["mcp-session-id"]
        headers = {**JSON_AND_SSE, "mcp-session-id": session_id, "mcp-protocol-version": LATEST_PROTOCOL_VERSION}
        ack = client.post("/mcp", json={"jsonrpc": "2.0", "method": "notifications/initialized"}, headers=headers)
        tools = client.post("/mcp", json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"}, headers=headers)
        evil = client.post("/mcp", json=init, headers={**JSON_AND_SSE, "host": "evil.example.com"})

    assert response.status_code == 200
    body = response.json()
    assert body["result"]["serverInfo"]["name"] == "warehouse-test"
    assert body["result"]["instructions"].startswith("You are connected to the analytics warehouse.")
    assert ack.status_code == 202
    names = {tool["name"] for tool in tools.json()["result"]["tools"]}
    assert "run_query" in names
    assert evil.status_code == 421


def test_sse_transport_is_mounted_under_prefix() -> None:
    server = make_server()
    with TestClient(build_app(server)) as client:
        missing = client.post(f"{SSE_PREFIX}/messages/?session_id={uuid.uuid4().hex}", json={})
        malformed = client.post(f"{SSE_PREFIX}/messages/?session_id=not-a-uuid", json={})

    assert missing.status_code == 404
    assert malformed.status_code == 400
