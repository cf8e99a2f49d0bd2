from __future__ import annotations

import os
import sys
from datetime import timedelta
from typing import Any

import httpx
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from mcp.types import (
    CallToolResult,
    ErrorData,
    JSONRPCMessage,
    JSONRPCNotification,
    ServerNotification,
    TextContent,
)

sys.path.insert(0, os.path.dirname(__file__))

from support import connected  # noqa: E402

from syncdesk.__main__ import resolve_launch  # noqa: E402
from syncdesk.deskclient import BearerToken, DeskEvents, call_with_retry, collect_tools, snapshot  # noqa: E402
from syncdesk.server import mcp  # noqa: E402
from syncdesk.settings import DeskSettings  # noqa: E402


class SlowThenFine:
    def __init__(self, failures: int, code: int = httpx.codes.REQUEST_TIMEOUT) -> None:
        self.failures = failures
        self.code = code
        self.timeouts: list[timedelta | None] = []

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        read_timeout_seconds: timedelta | None = None,
        progress_callback: ProgressFnT | None = None,
    ) -> CallToolResult:
        self.timeouts.append(read_timeout_seconds)
        if len(self.timeouts) <= self.failures:
            raise McpError(ErrorData(code=self.code, message=f"Timed out while waiting for response to {name}"))
        return CallToolResult(content=[TextContent(type="text", text="done")])


async def test_call_with_retry_only_retries_timeouts() -> None:
    flaky = SlowThenFine(failures=2)
    result = await call_with_retry(flaky, "export_ticket", {"ticket_id": 1}, timeout=timedelta(seconds=3))
    assert result.content[0].type == "text"
    assert flaky.timeouts == [timedelta(seconds=3)] * 3

    broken = SlowThenFine(failures=1, code=-32602)
    try:
        await call_with_retry(broken, "export_ticket", {"ticket_id": 1})
    except McpError as exc:
        assert exc.error.code == -32602
    else:
        raise AssertionError("non-timeout errors must not be retried")
    assert len(broken.timeouts) == 1


async def test_tool_snapshot_is_wire_shaped() -> None:
    async with connected() as session:
        tools = await collect_tools(session)
        init_name = session.get_server_capabilities()
    assert init_name is not None and init_name.tools is not None

    cached = {entry["name"]: entry for entry in snapshot(tools)}
    entry = cached["list_tickets"]
    assert "inputSchema" in entry
    assert entry["annotations"]["readOnlyHint"] is True
    assert "outputSchema" in cached["open_ticket"]
    assert cached["open_ticket"]["icons"][0]["mimeType"] == "image/svg+xml"


async def test_message_handler_unwraps_raw_notifications() -> None:
    raw = '{"jsonrpc":"2.0","method":"notifications/resources/updated","params":{"uri":"tickets://billing/4"}}'
    message = JSONRPCMessage.model_validate_json(raw)
    assert isinstance(message.root, JSONRPCNotification)
    notification = ServerNotification.model_validate(message.root.model_dump(exclude={"jsonrpc"}))

    events = DeskEvents()
    await events(notification)
    await events(RuntimeError("stream reset"))
    assert events.updated_hosts() == ["billing"]
    assert events.updated[0].path == "/4"
    assert len(events.errors) == 1

    request = httpx.Request("GET", "https://desk.example/mcp")
    flow = BearerToken("abc").auth_flow(request)
    assert next(flow).headers["Authorization"] == "Bearer abc"


def test_launch_plan_mutates_server_settings() -> None:
    before = (mcp.settings.host, mcp.settings.port, mcp.settings.log_level, mcp.settings.sse_path)
    try:
        plan = resolve_launch(
            ["--transport", "sse", "--port", "9300", "--mount-path", "/desk", "--log-level", "WARNING"],
            base=DeskSettings(host="0.0.0.0", sse_path="/events"),
        )
        assert plan.transport == "sse"
        assert (plan.host, plan.port, plan.mount_path) == ("0.0.0.0", 9300, "/desk")
        assert mcp.settings.sse_path == "/events"
        assert mcp.settings.log_level == "WARNING"

        http = resolve_launch(["--transport", "http"], base=DeskSettings(port=8081, json_response=False))
        assert http.mount_path is None and http.port == 8081
        assert mcp.settings.json_response is False
    finally:
        mcp.settings.host, mcp.settings.port, mcp.settings.log_level, mcp.settings.sse_path = before
        mcp.settings.json_response = True
