from __future__ import annotations

import json
from datetime import timedelta

import anyio
import httpx
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import SessionMessage
from mcp.types import CONNECTION_CLOSED, ErrorData, JSONRPCMessage, JSONRPCRequest

from buildops.app import get_server
from buildops.probe import ProbeReport, StaticTokenAuth, classify_failure, collect_report, summarise_capture
from tests.support import reset_state


async def test_probe_report_over_memory_streams() -> None:
    reset_state()
    lowlevel = get_server()._mcp_server
    sent: list[dict[str, object]] = []
    reports: list[ProbeReport] = []

    async with create_client_server_memory_streams() as (client_streams, server_streams):
        client_read, client_write = client_streams
        server_read, server_write = server_streams
        tap_send, tap_receive = anyio.create_memory_object_stream[SessionMessage](16)

        async def tap() -> None:
            # Record every client->server frame on its way to the server.
            async with tap_receive:
                async for message in tap_receive:
                    sent.append(message.message.root.model_dump(by_alias=True, exclude_none=True))
                    await client_write.send(message)

        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(server_read, server_write, lowlevel.create_initialization_options()))
            tg.start_soon(tap)
            async with ClientSession(client_read, tap_send, read_timeout_seconds=timedelta(seconds=5)) as session:
                reports.append(await collect_report(session))
            tg.cancel_scope.cancel()

    [report] = reports

    assert report.server_name == "buildops"
    assert report.server_version
    assert report.supported_protocol is True
    assert report.instructions is not None and "build controller" in report.instructions
    assert {"trigger_build", "cancel_build", "list_builds"} <= set(report.tools)
    assert "buildops://pipelines" in report.resources
    assert report.logging is True
    assert report.session_id is None
    assert report.warnings == []

    methods = [frame.get("method") for frame in sent]
    assert methods[:3] == ["initialize", "notifications/initialized", "tools/list"]
    ping = next(frame for frame in sent if frame.get("method") == "ping")
    assert set(ping) == {"jsonrpc", "id", "method"}


def test_failure_classification() -> None:
    timeout = McpError(ErrorData(code=httpx.codes.REQUEST_TIMEOUT, message="Timed out while waiting for response"))
    assert classify_failure(timeout) == "timeout"
    assert classify_failure(McpError(ErrorData(code=32600, message="Session terminated"))) == "session-expired"
    assert classify_failure(McpError(ErrorData(code=CONNECTION_CLOSED, message="Connection closed"))) == "disconnected"

    request = httpx.Request("POST", "https://ci-ops.internal/mcp")
    response = httpx.Response(503, request=request)
    status_error = httpx.HTTPStatusError("unavailable", request=request, response=response)
    assert classify_failure(status_error) == "http-503"
    assert classify_failure(ExceptionGroup("transport", [status_error])) == "http-503"
    assert classify_failure(httpx.ConnectError("refused", request=request)) == "unreachable"
    assert classify_failure(RuntimeError("boom")) == "unknown"

    auth = StaticTokenAuth("s3cret")
    flow = auth.auth_flow(httpx.Request("GET", "https://ci-ops.internal/mcp"))
    assert next(flow).headers["Authorization"] == "Bearer s3cret"


def test_capture_summary() -> None:
    lines = [
        '{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25", '
        '"capabilities": {}, "clientInfo": {"name": "x", "version": "1"}}}',
        '{"jsonrpc": "2.0", "method": "notifications/initialized"}',
        '{"jsonrpc": "2.0", "id": 2, "method": "ping"}',
        '{"jsonrpc": "2.0", "id": 2, "result": {}}',
        '{"jsonrpc": "2.0", "id": 3, "error": {"code": -32601, "message": "Method not found"}}',
        '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}',
        "not json at all",
        "",
    ]
    summary = summarise_capture(lines)
    assert summary["requests"] == ["initialize", "ping"]
    assert summary["notifications"] == ["notifications/initialized"]
    assert summary["responses"] == [2]
    assert summary["errors"] == [-32601]
    assert summary["malformed"] == [lines[5], "not json at all"]

    ping = JSONRPCMessage(JSONRPCRequest(jsonrpc="2.0", id=7, method="ping"))
    assert json.loads(ping.model_dump_json(by_alias=True, exclude_none=True)) == {
        "jsonrpc": "2.0",
        "id": 7,
        "method": "ping",
    }
