from __future__ import annotations

import anyio
import httpx
import mcp.types as types
from mcp.shared.exceptions import McpError

from agentmesh.convert import read_result_text
from agentmesh.hooks import AgentHooks
from agentmesh.wire import WireTap, tool_calls_in
from tests.harness import connected, memory_config
from tests.servers import build_demo_server, build_paged_server, paged_init_options


async def test_paged_listing_over_lowlevel_server() -> None:
    server = build_paged_server(page_size=3)
    async with connected(server, init_options=paged_init_options(server)) as conn:
        assert conn.server_info is not None
        assert conn.server_info.name == "paged-catalog" and conn.server_info.version == "2.1.0"
        assert conn.instructions == "Paginated catalog"
        assert conn.protocol_version == types.LATEST_PROTOCOL_VERSION
        assert conn.tools_change_dynamically

        tools = await conn.list_all_tools()
        assert [t.name for t in tools][:2] == ["lookup", "reindex"] and len(tools) == 7
        reindex = tools[1]
        assert reindex.execution is not None and reindex.execution.taskSupport == types.TASK_OPTIONAL

        resources, templates = await conn.list_all_resources()
        assert len(resources) == 7
        assert resources[3].uri.scheme == "catalog" and resources[3].uri.host == "items"
        assert templates[0].uriTemplate == "catalog://items/{id}"
        assert await conn.complete_template_argument(templates[0].uriTemplate, "id", "") == [str(i) for i in range(7)]

    async with connected(server, config=memory_config("paged", allowed_tools=["lookup", "noop_6"])) as conn:
        assert [t.name for t in await conn.list_all_tools()] == ["lookup", "noop_6"]


async def test_read_subscribe_and_notifications() -> None:
    updated: list[tuple[str, str]] = []

    async def on_updated(server: str, uri: str) -> None:
        updated.append((server, uri))

    hooks = AgentHooks(on_resource_updated=on_updated)
    server = build_paged_server()
    async with connected(server, hooks, init_options=paged_init_options(server)) as conn:
        result = await conn.read_resource("catalog://items/2")
        assert read_result_text(result.contents) == "item_2 details"
        assert str(result.contents[0].uri) == "catalog://items/2" and result.contents[0].mimeType == "text/plain"
        try:
            await conn.read_resource("catalog://nowhere/1")
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS and "unknown resource" in exc.error.message
        else:
            raise AssertionError("expected McpError")

        assert await conn.subscribe("catalog://items/4")
        await conn.list_all_tools()
        found = await conn.call_tool("lookup", {"id": 5})
        assert found.structuredContent == {"label": "item_5"}
        invalid = await conn.call_tool("lookup", {"id": "five"})
        assert invalid.isError
        await conn.call_tool("reindex", {})
        with anyio.fail_after(2):
            while not updated:
                await anyio.sleep(0.01)

    assert "tools_changed" in [e.kind for e in hooks.events]
    assert updated == [("paged-catalog", "catalog://items/4")]


async def test_tool_timeout_is_retried_then_raised() -> None:
    async with connected(build_demo_server()) as conn:
        started = anyio.current_time()
        try:
            await conn.call_tool("slow", {"seconds": 3}, timeout=0.15, retries=1)
        except McpError as exc:
            assert exc.error.code == httpx.codes.REQUEST_TIMEOUT
            assert "Timed out while waiting for response" in exc.error.message
        else:
            raise AssertionError("expected a timeout")
        assert anyio.current_time() - started >= 0.3
        assert await conn.ping()


async def test_progress_and_server_logs() -> None:
    hooks = AgentHooks()
    progress: list[tuple[float, float | None, str | None]] = []

    async def on_progress(value: float, total: float | None, message: str | None) -> None:
        progress.append((value, total, message))

    async with connected(build_demo_server(), hooks) as conn:
        await conn.set_log_level("debug")
        await conn.call_tool("index_repo", {"files": 3}, on_progress=on_progress)

    assert progress == [(1, 3, "file 1"), (2, 3, "file 2"), (3, 3, "file 3")]
    [log] = [e.detail for e in hooks.events if e.kind == "log"]
    assert log == {"level": "info", "logger": "indexer", "data": "indexed 3 files"}


async def test_wire_tap_records_frames() -> None:
    tap = WireTap()
    async with connected(build_demo_server(), wire_tap=tap) as conn:
        assert await conn.ping()
        await conn.call_tool("add", {"a": 1, "b": 1})

    [init] = tap.requests("initialize")
    assert init.direction == "out" and init.id == 0
    [ping] = tap.requests("ping")
    assert ping.raw == f'{{"method":"ping","jsonrpc":"2.0","id":{ping.id}}}'
    assert any(f.method == "notifications/initialized" for f in tap.frames)
    assert tool_calls_in([f.raw for f in tap.frames]) == [("add", {"a": 1, "b": 1})]
