from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.server.lowlevel import Server  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from sample_servers import build_notebook, build_paged_server  # noqa: E402

from mcpcheck import MessageRecorder, WireTap, open_fastmcp, open_lowlevel  # noqa: E402


async def test_recorder_captures_logs_and_progress() -> None:
    recorder = MessageRecorder()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with open_fastmcp(
        build_notebook(), message_handler=recorder, logging_callback=recorder.on_log
    ) as session:
        result = await session.call_tool("summarize", {"note_id": 2}, progress_callback=on_progress)
        assert result.structuredContent == {"id": 2, "title": "Standup", "words": 6}
        failed = await session.call_tool("summarize", {"note_id": 42})
        assert failed.isError

    assert seen == [(1.0, 2.0, "loading"), (2.0, 2.0, "done")]
    assert "notifications/message" in recorder.methods()
    assert [e.progress for e in recorder.progress] == [1.0, 2.0]
    assert recorder.log_lines(min_level="info") == ["summarizing note 2", "summarizing note 42", "note 42 missing"]
    assert recorder.log_lines(min_level="error") == ["note 42 missing"]
    assert recorder.errors == []


async def test_wire_tap_sees_raw_frames() -> None:
    tap = WireTap()
    async with open_lowlevel(build_paged_server(), tap=tap) as connected:
        await connected.session.send_ping()
        ping = tap.last_request("ping")
    assert ping == {"jsonrpc": "2.0", "id": ping["id"], "method": "ping"}
    initialize = tap.outbound()[0]
    assert initialize["method"] == "initialize"
    assert initialize["params"]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert initialize["params"]["clientInfo"] == {"name": "mcpcheck", "version": "0.5.0"}
    assert tap.request_methods()[:2] == ["initialize", "ping"]
    assert any("result" in frame and "serverInfo" in frame["result"] for frame in tap.inbound())
    parsed = WireTap.parse(json.dumps(ping))
    assert isinstance(parsed, types.JSONRPCRequest) and parsed.method == "ping"

    transcript = [
        json.dumps(ping),
        '{"jsonrpc": "2.0", "id": 1, "result": {}}',
        '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}',
        "Traceback (most recent call last):",
    ]
    messages, rejected = WireTap.parse_transcript(transcript)
    assert [type(m.root).__name__ for m in messages] == ["JSONRPCRequest", "JSONRPCResponse"]
    assert len(rejected) == 2 and rejected[0].startswith('{"jsonrpc": "2.0", "id": null')


def build_watch_server() -> Server[Any, Any]:
    server: Server[Any, Any] = Server("watcher")

    @server.list_tools()
    async def tools() -> list[types.Tool]:
        return [types.Tool(name="touch", inputSchema={"type": "object", "properties": {"path": {"type": "string"}}})]

    @server.call_tool()
    async def touch(name: str, arguments: dict[str, Any]) -> list[types.TextContent]:
        session = server.request_context.session
        await session.send_resource_updated(AnyUrl(f"file:///{arguments['path']}"))
        await session.send_notification(types.ServerNotification(types.ResourceListChangedNotification()))
        return [types.TextContent(type="text", text="touched")]

    return server


async def test_recorder_sees_resource_updates() -> None:
    recorder = MessageRecorder()
    async with open_lowlevel(build_watch_server(), message_handler=recorder) as connected:
        await connected.session.call_tool("touch", {"path": "tmp/report.csv"})
        event = await recorder.wait_for("notifications/resources/list_changed")
    assert event.params == {}
    assert recorder.updated_uris == ["file:///tmp/report.csv"]
    assert recorder.methods() == ["notifications/resources/updated", "notifications/resources/list_changed"]
