from __future__ import annotations

import base64
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from harness import connect  # noqa: E402

from kvstore.server import server  # noqa: E402


def text_of(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_tool_listing_and_capabilities() -> None:
    async with connect() as (session, init):
        assert init.serverInfo.name == "kvstore" and init.serverInfo.version == "0.4.1"
        caps = init.capabilities
        assert caps.resources is not None and caps.resources.subscribe and caps.resources.listChanged
        assert caps.tools is not None and not caps.tools.listChanged
        assert caps.logging is not None and caps.completions is not None
        assert caps.experimental == {"kvstore/ttl": {"maxSeconds": 86400}, "kvstore/binary": {"encoding": "base64"}}
        tools = {t.name: t for t in (await session.list_tools()).tools}
    assert len(tools) == 9
    assert tools["set"].outputSchema is not None and tools["set"].outputSchema["required"] == ["uri", "version"]
    assert tools["get"].annotations is not None and tools["get"].annotations.readOnlyHint
    assert tools["scan"].inputSchema["required"] == ["namespace"]
    assert tools["bulk_load"].execution is not None and tools["bulk_load"].execution.taskSupport == "forbidden"


async def test_set_get_scan_and_binary_values() -> None:
    async with create_connected_server_and_client_session(server) as session:
        written = await session.call_tool("set", {"namespace": "config", "key": "theme", "value": "solarized"})
        assert written.structuredContent == {"uri": "kv://config/theme", "version": 1, "expires_at": None}
        again = await session.call_tool("set", {"namespace": "config", "key": "theme", "value": "dark"})
        assert again.structuredContent is not None and again.structuredContent["version"] == 2
        assert text_of(await session.call_tool("get", {"namespace": "config", "key": "theme"})) == "dark"

        scan = await session.call_tool("scan", {"namespace": "users", "prefix": "a"})
        assert scan.structuredContent == {"keys": ["alice", "amir"], "truncated": False}
        assert json.loads(text_of(scan)) == scan.structuredContent

        raw = base64.b64encode(b"\x89PNG\r\n").decode()
        await session.call_tool("set", {"namespace": "blobs", "key": "logo", "value": raw, "encoding": "base64"})
        blob = await session.call_tool("get", {"namespace": "blobs", "key": "logo"})
        block = blob.content[0]
        assert isinstance(block, types.EmbeddedResource)
        assert isinstance(block.resource, types.BlobResourceContents)
        assert block.resource.blob == raw and str(block.resource.uri) == "kv://blobs/logo"

        deleted = await session.call_tool("delete", {"namespace": "config", "key": "theme"})
        assert text_of(deleted) == "deleted config/theme"
        assert deleted.structuredContent == {"deleted_version": 2}
        counter = await session.call_tool("incr", {"namespace": "stats", "key": "visits", "by": 5})
        assert counter.structuredContent == {"value": 5}


async def test_validation_and_handler_errors_become_error_results() -> None:
    async with create_connected_server_and_client_session(server) as session:
        missing_value = await session.call_tool("set", {"namespace": "config", "key": "x"})
        assert missing_value.isError and text_of(missing_value).startswith("Input validation error")
        bad_ttl = await session.call_tool("set", {"namespace": "c", "key": "x", "value": "1", "ttl_seconds": 0})
        assert bad_ttl.isError
        not_int = await session.call_tool("incr", {"namespace": "users", "key": "alice"})
        assert not_int.isError and "does not hold an integer" in text_of(not_int)
        gone = await session.call_tool("delete", {"namespace": "users", "key": "zoe"})
        assert gone.isError and "users/zoe does not exist" in text_of(gone)
        unknown = await session.call_tool("compact", {})
        assert unknown.isError and text_of(unknown) == "Unknown tool: compact"
        no_ns = await session.call_tool("drop_namespace", {"namespace": "nope"})
        assert no_ns.isError and text_of(no_ns) == "unknown namespace 'nope'"


async def test_drop_namespace_asks_for_confirmation() -> None:
    answers: list[dict[str, str | int | float | bool | list[str] | None]] = [{"confirm": False}, {"confirm": True}]
    replies: Iterator[dict[str, str | int | float | bool | list[str] | None]] = iter(answers)
    schemas: list[dict[str, Any]] = []

    async def confirm(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        schemas.append(params.requestedSchema)
        return types.ElicitResult(action="accept", content=next(replies))

    before = dict(server.request_counts)
    async with create_connected_server_and_client_session(server, elicitation_callback=confirm) as session:
        kept = await session.call_tool("drop_namespace", {"namespace": "config"})
        dropped = await session.call_tool("drop_namespace", {"namespace": "config"})
        stats = await session.call_tool("stats", {})
    assert text_of(kept) == "kept config"
    assert text_of(dropped) == "dropped config (2 keys)"
    assert schemas[0]["required"] == ["confirm"]
    assert stats.structuredContent is not None
    assert stats.structuredContent["namespaces"] == ["blobs", "users"]
    assert "CallToolRequest" in stats.structuredContent["handlers"]
    assert stats.structuredContent["supports_subscribe"] is True
    counts = stats.structuredContent["requests"]
    assert counts["tools/call"] - before.get("tools/call", 0) == 2
    assert "initialize" not in counts  # the session answers the handshake itself


async def test_bulk_load_progress_and_log_level_filtering() -> None:
    logs: list[types.LoggingMessageNotificationParams] = []
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    items = {"a": "1", "b": "2", "c": "3", "d": "4"}
    async with connect(logging_callback=on_log) as (session, _):
        await session.call_tool("bulk_load", {"namespace": "import", "items": items}, progress_callback=on_progress)
        await session.set_logging_level("warning")
        await session.call_tool("bulk_load", {"namespace": "import", "items": items})
    assert [u[0] for u in updates] == [1.0, 2.0, 3.0, 4.0] and updates[-1][1:] == (4.0, "d")
    messages = [(entry.level, entry.data["msg"]) for entry in logs]
    assert messages == [
        ("info", "loading 4 items"),
        ("warning", "large bulk load; consider smaller batches"),
        ("warning", "large bulk load; consider smaller batches"),
    ]
    assert all(entry.logger == "kvstore" for entry in logs)
