from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from mcp.shared.exceptions import McpError  # noqa: E402
from mcp.types import CONNECTION_CLOSED, INTERNAL_ERROR, INVALID_REQUEST, ErrorData, TextContent  # noqa: E402

from stdiobridge.audit import AuditLog, summarize_result  # noqa: E402
from stdiobridge.errors import classify, is_timeout, to_mcp_error, tool_error_result  # noqa: E402
from stdiobridge.settings import BridgeSettings, load_settings  # noqa: E402
from stdiobridge.upstream import BearerAuth, http_client_factory, probe  # noqa: E402


def test_settings_from_launcher_json_and_env() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bridge.json"
        path.write_text(
            json.dumps(
                {
                    "bridge": {
                        "transport": "sse",
                        "host": "inventory.internal",
                        "port": 9443,
                        "ssePath": "events",
                        "headers": {"X-Tenant": "north"},
                        "toolTimeouts": {"report_*": 120, "stock_level": 2.5},
                        "toolPrefix": "inv_",
                    }
                }
            ),
            encoding="utf-8",
        )
        settings = load_settings(path, port=9000, read_only=True)
    assert settings.upstream_url == "http://inventory.internal:9000/events"
    assert settings.read_only is True
    assert settings.headers.root == {"X-Tenant": "north"}
    assert settings.headers.get("x-tenant") == "north"
    assert settings.timeout_for("report_weekly") == 120
    assert settings.timeout_for("stock_level") == 2.5
    assert settings.timeout_for("other") == settings.request_timeout
    dumped = settings.to_launcher_json()
    assert dumped["sseReadTimeout"] == 300.0 and dumped["toolPrefix"] == "inv_"

    token = BridgeSettings(bearer_token="abc", url="https://up.example/mcp")
    assert token.request_headers()["Authorization"] == "Bearer abc"
    assert token.netloc == "up.example"


def test_error_classification() -> None:
    timeout = McpError(ErrorData(code=httpx.codes.REQUEST_TIMEOUT, message="Timed out while waiting"))
    assert is_timeout(timeout)
    failure = classify(timeout, method="tools/call x")
    assert failure.retryable and failure.error.code == 408
    assert failure.error.data == "Timed out while waiting"

    expired = classify(McpError(ErrorData(code=32600, message="Session terminated")))
    assert expired.reconnect and expired.error.code == INVALID_REQUEST

    request = httpx.Request("POST", "https://up.example/mcp")
    response = httpx.Response(503, request=request)
    http_failure = classify(httpx.HTTPStatusError("unavailable", request=request, response=response))
    assert http_failure.error.code == INTERNAL_ERROR and http_failure.retryable
    assert http_failure.error.data == {"status": 503, "url": "https://up.example/mcp"}

    closed = to_mcp_error(httpx.ConnectError("refused"))
    assert closed.error.code == -32050
    passthrough = McpError(ErrorData(code=CONNECTION_CLOSED, message="Connection closed"))
    assert to_mcp_error(passthrough) is passthrough

    result = tool_error_result(timeout, tool_name="slow")
    assert result.isError
    block = result.content[0]
    assert isinstance(block, TextContent) and block.text.endswith("(retry later)")
    assert summarize_result(result.model_dump())["isError"] is True


async def test_probe_and_bearer_auth_with_mock_transport() -> None:
    seen: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.headers))
        if request.headers.get("Authorization") != "Bearer fresh":
            return httpx.Response(401)
        return httpx.Response(405, headers={"server": "mock-mcp"})

    transport = httpx.MockTransport(handler)
    factory = http_client_factory(transport=transport)
    auth = BearerAuth("stale", refresh=lambda: "fresh")
    async with factory(headers={"X-Test": "1"}, auth=auth) as client:
        response = await client.post("https://up.example/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert response.status_code == httpx.codes.METHOD_NOT_ALLOWED
    assert [h["authorization"] for h in seen] == ["Bearer stale", "Bearer fresh"]
    assert seen[0]["user-agent"] == "stdio-bridge/0.4"

    report = await probe(BridgeSettings(url="https://up.example/mcp", bearer_token="fresh"), transport=transport)
    assert report == {"ok": True, "status": 405, "server": "mock-mcp"}

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    down = await probe(BridgeSettings(url="https://down.example/mcp"), transport=httpx.MockTransport(refuse))
    assert down["ok"] is False and "connect failed" in str(down["reason"])


def test_audit_log_persists_camelcase_entries() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "audit.jsonl"
        log = AuditLog(path, clock=lambda: 1700000000.0)
        log.record_call(
            tool_name="inv_restock",
            upstream_name="restock",
            arguments={"sku": "A-100", "auth": {"apiKey": "k"}},
            request_id=3,
            duration_ms=12.345,
            result={"content": [{"type": "text", "text": "ok"}], "structuredContent": {"b": 1, "a": 2}, "isError": False},
        )
        log.record_call(
            tool_name="inv_restock",
            upstream_name="restock",
            arguments=None,
            request_id="r-9",
            duration_ms=5000,
            error_code=408,
            error_message="timed out",
        )
        replayed = AuditLog.replay(path)
    assert len(replayed) == 2
    first, second = replayed.root
    assert first["arguments"] == {"sku": "A-100", "auth": {"apiKey": "***"}}
    assert first["structuredKeys"] == ["a", "b"] and first["textPreview"] == "ok"
    assert first["durationMs"] == 12.3 and first["ts"] == 1700000000.0
    assert second["isError"] is True and second["errorCode"] == 408
    assert log.stats() == {"totalCalls": 2, "errorCount": 1, "maxDurationMs": 5000, "tools": ["inv_restock"]}
