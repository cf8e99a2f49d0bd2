from __future__ import annotations

import json
from typing import Any

from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from buildops.asgi import create_app
from buildops.config import ListenConfig
from buildops.server import mcp
from tests.support import reset_state, seed_builds

MCP_HEADERS = {
    "Accept": "application/json, text/event-stream",
    "Content-Type": "application/json",
    "MCP-Protocol-Version": "2025-06-18",
}


def _rpc(client: TestClient, body: dict[str, Any], session_id: str | None = None) -> Any:
    headers = dict(MCP_HEADERS)
    if session_id:
        headers["mcp-session-id"] = session_id
    return client.post("/mcp/", headers=headers, content=json.dumps(body))


def test_ops_app_serves_probes_and_streamable_http() -> None:
    reset_state()
    seed_builds("billing", 2)
    app = create_app(ListenConfig(json_response=True, allowed_hosts=["testserver"]))

    paths = [r.path for r in app.routes if isinstance(r, (Route, Mount))]
    assert paths == ["/healthz", "/readyz", "/version", "/legacy", "/mcp"]
    assert mcp.settings.streamable_http_path == "/" and mcp.settings.json_response is True
    assert mcp.settings.transport_security is not None
    assert "testserver" in mcp.settings.transport_security.allowed_hosts

    with TestClient(app) as client:
        assert client.get("/healthz").text == "ok"
        assert client.get("/readyz").json() == {"ready": True, "pipelines": 3}
        assert client.get("/version").json()["endpoints"]["sse"] == "/legacy/sse"

        status = client.get("/mcp/status").json()
        assert status["builds"] == {"passed": 2}
        assert status["transport"] == {"path": "/", "json_response": True, "stateless": False}

        params = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "lb", "version": "1"}}
        init = _rpc(client, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
        assert init.status_code == 200
        session_id = init.headers["mcp-session-id"]
        result = init.json()["result"]
        assert result["serverInfo"]["name"] == "buildops"
        assert result["instructions"].startswith("You are connected to the CI build controller.")
        assert result["capabilities"]["resources"]["subscribe"] is False

        ack = _rpc(client, {"jsonrpc": "2.0", "method": "notifications/initialized"}, session_id)
        assert ack.status_code == 202

        listed = _rpc(
            client,
            {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "list_builds", "arguments": {}}},
            session_id,
        ).json()["result"]
        assert listed["isError"] is False
        assert [b["buildId"] for b in listed["structuredContent"]["builds"]] == ["billing-2", "billing-1"]

        rejected = client.post(
            "/mcp/",
            headers={**MCP_HEADERS, "Host": "evil.example"},
            content=json.dumps({"jsonrpc": "2.0", "id": 3, "method": "ping"}),
        )
        assert rejected.status_code == 421
