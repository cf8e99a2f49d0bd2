from __future__ import annotations

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import NotificationOptions

from tests.sample_servers import build_catalog, build_notebook
from wiretest import NotificationCollector, connect, open_connection
from wiretest.harness import ClientCallbacks
from wiretest.pagination import collect_resources, collect_templates, collect_tools


async def test_connection_reports_server_identity() -> None:
    async with open_connection(build_notebook()) as conn:
        assert conn.server_name == "notebook"
        assert conn.init.instructions == "Keeps short notes for the test-suite."
        assert conn.protocol_version == types.LATEST_PROTOCOL_VERSION
        assert conn.supports("tools") and conn.supports("prompts")
        assert not conn.supports("completions")
        assert conn.capabilities.tools is not None and conn.capabilities.tools.listChanged is False
        assert conn.pending_outbound() == 0
        await conn.ping()


async def test_lowlevel_server_options_and_pagination() -> None:
    options = NotificationOptions(resources_changed=True)
    async with open_connection(
        build_catalog(), notification_options=options, experimental={"wiretest": {"replay": True}}
    ) as conn:
        assert conn.server_version == "2.1.0"
        assert conn.announces_list_changes("resources")
        assert not conn.announces_list_changes("tools")
        assert conn.capabilities.experimental == {"wiretest": {"replay": True}}

        resources = await collect_resources(conn.session)
        assert [r.name for r in resources] == sorted(r.name for r in resources)
        assert len(resources) == 7
        assert {r.uri.scheme for r in resources} == {"catalog"}

        templates = await collect_templates(conn.session)
        assert templates[0].uriTemplate == "catalog://{sku}"

        first = await conn.session.list_resources()
        assert first.nextCursor == "3"
        assert first.resources[-1].uri == AnyUrl("catalog://sku-03")


async def test_progress_logs_and_list_changes_reach_the_client() -> None:
    collector = NotificationCollector()
    seen_progress: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen_progress.append(progress)

    async with connect(build_catalog(), callbacks=ClientCallbacks(message_handler=collector)) as session:
        tools = await collect_tools(session)
        assert [t.name for t in tools] == ["lookup", "restock", "explode"]
        assert tools[0].annotations is not None and tools[0].annotations.readOnlyHint is True
        assert tools[0].execution is not None and tools[0].execution.taskSupport == "forbidden"

        result = await session.call_tool("restock", {"sku": "sku-02", "qty": 3}, progress_callback=on_progress)
        assert not result.isError
        await collector.wait_until(lambda c: bool(c.logs) and bool(c.list_changed))

    assert seen_progress == [1.0, 2.0, 3.0]
    assert [entry[1] for entry in collector.progress] == [1.0, 2.0, 3.0]
    assert collector.logs[0].logger == "catalog"
    assert collector.logs[0].data == {"restocked": "sku-02", "qty": 3}
    assert collector.list_changed == ["notifications/resources/list_changed"]


async def test_completion_and_resource_templates() -> None:
    async with connect(build_catalog()) as session:
        ref = types.ResourceTemplateReference(type="ref/resource", uri="catalog://{sku}")
        completed = await session.complete(ref, {"name": "sku", "value": "sku-0"})
        assert completed.completion.values[:2] == ["sku-01", "sku-02"]
        assert completed.completion.total == 7
        assert completed.completion.hasMore is True

        read = await session.read_resource(AnyUrl("catalog://sku-03"))
        contents = read.contents[0]
        assert isinstance(contents, types.TextResourceContents)
        assert contents.mimeType == "application/json"
        assert contents.uri.host == "sku-03"
