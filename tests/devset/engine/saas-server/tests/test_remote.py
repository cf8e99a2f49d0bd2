from __future__ import annotations

import os
import sys
from datetime import timedelta
from typing import Any, cast

import anyio
from pydantic import AnyUrl

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from mcp.server.fastmcp import FastMCP
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import ServerNotification

from issuedesk.remote import (
    NotificationRecorder,
    RemoteConnection,
    RemoteToolError,
    call_tool_checked,
    describe_server,
    list_all_tools,
    snapshot_tools,
)
from support import connected, make_server


async def test_describe_server_from_handshake() -> None:
    server, _ = make_server()
    async with create_connected_server_and_client_session(server._mcp_server) as session:
        init = await session.initialize()
        info = describe_server(RemoteConnection(session, init))
    assert info["name"] == "issuedesk"
    assert info["website"] == "https://issuedesk.io/docs/mcp"
    assert info["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert info["protocolSupported"] is True
    assert info["instructions"] is True
    assert info["tools"] and info["prompts"] and info["logging"] and info["completions"]
    assert info["resourcesSubscribe"] is False
    assert init.serverInfo.icons is not None
    assert init.serverInfo.icons[0].mimeType == "image/png"


async def test_tool_snapshot_uses_wire_names() -> None:
    async with connected() as session:
        tools = await list_all_tools(session)
    snapshot = snapshot_tools(tools)
    search = next(entry for entry in snapshot if entry["name"] == "search_issues")
    assert "inputSchema" in search and "outputSchema" in search
    assert search["annotations"] == {"readOnlyHint": True, "openWorldHint": True}
    assert [entry["name"] for entry in snapshot] == sorted(entry["name"] for entry in snapshot)


async def test_call_tool_checked_raises_on_tool_error() -> None:
    async with connected() as session:
        ok = await call_tool_checked(session, "get_issue", {"issue_key": "OPS-1"})
        assert ok.structuredContent is not None and ok.structuredContent["key"] == "OPS-1"
        try:
            await call_tool_checked(session, "get_issue", {"issue_key": "OPS-77"})
        except RemoteToolError as exc:
            assert exc.tool == "get_issue"
            assert exc.code is None
            assert "issue OPS-77 does not exist" in exc.message
        else:
            raise AssertionError("expected RemoteToolError")


async def test_call_tool_checked_retries_timeouts() -> None:
    slow = FastMCP("slow-tracker")
    calls: list[int] = []

    @slow.tool()
    async def sync_backlog(delay: float) -> str:
        calls.append(1)
        if len(calls) == 1:
            await anyio.sleep(delay)
        return f"synced after {len(calls)} attempt(s)"

    direct = await slow.call_tool("sync_backlog", {"delay": 0})
    assert isinstance(direct, tuple)
    blocks, structured = cast(tuple[list[types.ContentBlock], dict[str, Any]], direct)
    assert structured == {"result": "synced after 1 attempt(s)"}
    assert isinstance(blocks[0], types.TextContent) and blocks[0].text == "synced after 1 attempt(s)"
    calls.clear()

    async with create_connected_server_and_client_session(slow) as session:
        result = await call_tool_checked(
            session, "sync_backlog", {"delay": 2.0}, timeout=timedelta(milliseconds=200), retries=1
        )
        assert isinstance(result.content[0], types.TextContent)
        assert result.content[0].text == "synced after 2 attempt(s)"

        calls.clear()
        try:
            await call_tool_checked(session, "sync_backlog", {"delay": 2.0}, timeout=timedelta(milliseconds=100))
        except RemoteToolError as exc:
            assert exc.code == 408
            assert "Timed out while waiting for response" in exc.message
        else:
            raise AssertionError("expected a timeout")


async def test_notification_recorder_sees_logs_and_list_changes() -> None:
    recorder = NotificationRecorder()
    server, _ = make_server()

    @server.tool()
    async def reload_catalog() -> str:
        ctx = server.get_context()
        await ctx.info("reloading catalog")
        await ctx.session.send_tool_list_changed()
        await ctx.session.send_notification(
            ServerNotification(
                types.ResourceUpdatedNotification(
                    params=types.ResourceUpdatedNotificationParams(uri=AnyUrl("issuedesk://projects")),
                )
            )
        )
        return "ok"

    async with create_connected_server_and_client_session(server, message_handler=recorder) as session:
        await session.call_tool("reload_catalog", {})
        await session.send_ping()

    assert recorder.messages("info") == ["reloading catalog"]
    assert recorder.list_changes == 1
    assert [str(uri) for uri in recorder.updated] == ["issuedesk://projects"]
    assert recorder.errors == []


async def test_static_resource_can_be_read_without_a_session() -> None:
    server, fake = make_server()
    contents = list(await server.read_resource("issuedesk://guide/workflow"))
    assert len(contents) == 1
    assert contents[0].mime_type == "text/markdown"
    assert isinstance(contents[0].content, str) and contents[0].content.startswith("# IssueDesk workflow")
    listed = await server.list_resource_templates()
    assert {t.name for t in listed} == {"project", "issue", "issue-thread"}
    assert fake.requests == []

