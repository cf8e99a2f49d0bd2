from __future__ import annotations

import json
import os
import sys
import uuid

from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION, JSONRPCError, JSONRPCMessage, JSONRPCResponse
from starlette.testclient import TestClient

sys.path.insert(0, os.path.dirname(__file__))

from support import fresh_settings  # noqa: E402

from syncdesk import web  # noqa: E402
from syncdesk.server import mcp  # noqa: E402

MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


def _rpc(method: str, params: dict[str, object] | None = None, request_id: int | None = 1) -> dict[str, object]:
    body: dict[str, object] = {"jsonrpc": "2.0", "method": method}
    if request_id is not None:
        body["id"] = request_id
    if params is not None:
        body["params"] = params
    return body


def test_custom_routes_and_endpoint_paths() -> None:
    client = TestClient(web.build_app())
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["server"] == "syncdesk"
    assert health.json()["streamableHttpPath"] == "/mcp"

    hook = client.post("/hooks/status", json={"indicator": "major"})
    assert hook.status_code == 202 and hook.json()["accepted"] is True
    assert client.post("/hooks/status", json={"nope": 1}).status_code == 422
    assert web.status_events()[-1]["indicator"] == "major"

    # sse_app(mount_path=...) rewrote the settings it builds the message URL from
    assert mcp.settings.mount_path == "/legacy"
    assert web.endpoints() == {
        "streamableHttp": "/mcp",
        "sse": "/legacy/sse",
        "messages": "/legacy/messages/",
        "health": "/healthz",
    }


def test_legacy_sse_message_endpoint_validates_sessions() -> None:
    client = TestClient(web.build_app())
    missing = client.post("/legacy/messages/", json=_rpc("ping"))
    assert missing.status_code == 400
    unknown = client.post(f"/legacy/messages/?session_id={uuid.uuid4().hex}", json=_rpc("ping"))
    assert unknown.status_code == 404
    assert unknown.text == "Could not find session"


def test_streamable_http_roundtrip_reads_request_headers() -> None:
    fresh_settings()
    with TestClient(web.build_app()) as client:
        init = client.post(
            "/mcp/",
            headers=MCP_HEADERS,
            json=_rpc(
                "initialize",
                {
                    "protocolVersion": LATEST_PROTOCOL_VERSION,
                    "capabilities": {},
                    "clientInfo": {"name": "http-test", "version": "1"},
                },
            ),
            follow_redirects=True,
        )
        assert init.status_code == 200, init.text
        session_id = init.headers["mcp-session-id"]
        reply = JSONRPCMessage.model_validate_json(init.text).root
        assert isinstance(reply, JSONRPCResponse)
        assert reply.result["serverInfo"]["name"] == "syncdesk"
        assert reply.result["protocolVersion"] in SUPPORTED_PROTOCOL_VERSIONS
        assert reply.result["instructions"].startswith("You are connected to the syncdesk helpdesk")

        headers = {**MCP_HEADERS, "mcp-session-id": session_id, "mcp-protocol-version": LATEST_PROTOCOL_VERSION}
        ack = client.post("/mcp/", headers=headers, json=_rpc("notifications/initialized", request_id=None))
        assert ack.status_code == 202

        call = client.post(
            "/mcp/",
            headers={**headers, "X-Desk-Agent": "night-shift", "User-Agent": "desk-console/2"},
            json=_rpc("tools/call", {"name": "whoami", "arguments": {}}, request_id=2),
        )
        response = JSONRPCMessage.model_validate_json(call.text).root
        assert isinstance(response, JSONRPCResponse)
        who = json.loads(response.result["content"][0]["text"])
        assert who["agent"] == "night-shift"
        assert who["transport"] == "http"
        assert who["userAgent"] == "desk-console/2"

        opened = client.post(
            "/mcp/",
            headers={**headers, "X-Desk-Agent": "night-shift"},
            json=_rpc("tools/call", {"name": "open_ticket", "arguments": {"queue": "infra", "subject": "VPN", "body": "down"}}, request_id=3),
        )
        created = JSONRPCMessage.model_validate_json(opened.text).root
        assert isinstance(created, JSONRPCResponse)
        assert created.result["structuredContent"]["ticket_id"] == 6

        bogus = client.post("/mcp/", headers=headers, json=_rpc("tickets/explode", request_id=4))
        failure = JSONRPCMessage.model_validate_json(bogus.text).root
        assert isinstance(failure, JSONRPCError)
        assert failure.id == 4
