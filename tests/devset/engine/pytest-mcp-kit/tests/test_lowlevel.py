from __future__ import annotations

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError
from pytest_mcp_kit import LogCapture, McpHarness, NotificationCollector, connect, snapshots
from pytest_mcp_kit import assertions as A
from tests.sample_server import build_ledger_server


async def test_dict_results_become_structured_content() -> None:
    async with connect(build_ledger_server()) as session:
        tools = await A.collect_tools(session)
        balance = A.tool_named(tools, "balance")
        A.assert_tool_schema(balance, required=["account"], read_only=True)
        assert balance.execution is not None and balance.execution.taskSupport == types.TASK_FORBIDDEN
        assert A.tool_named(tools, "announce").inputSchema == {}
        result = await session.call_tool("balance", {"account": "alice"})
        A.assert_structured(result, {"account": "alice", "balance": 100})
        assert [block.type for block in result.content] == ["text"]


async def test_handler_failures_become_error_results() -> None:
    async with connect(build_ledger_server()) as session:
        bad = await session.call_tool("transfer", {"source": "alice", "target": "bob", "amount": 0})
        A.assert_tool_error(bad, contains="Input validation error")
        A.assert_tool_error(await session.call_tool("balance", {"account": "carol"}), contains="unknown account carol")
        broke = await session.call_tool("transfer", {"source": "bob", "target": "alice", "amount": 500})
        A.assert_tool_error(broke, contains="insufficient funds")
        A.assert_tool_error(await session.call_tool("no_such_tool", {}), contains="unknown tool")


async def test_transfer_notifies_subscribers() -> None:
    collector, logs = NotificationCollector(), LogCapture()
    progress_seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        progress_seen.append(progress)

    async with connect(build_ledger_server(), logging_callback=logs, message_handler=collector) as session:
        await session.subscribe_resource(AnyUrl("ledger://accounts/bob"))
        args = {"source": "alice", "target": "bob", "amount": 30}
        A.assert_text(await session.call_tool("transfer", args, progress_callback=on_progress), "moved 30 from alice to bob")
        await collector.wait_for("notifications/resources/updated")
        after = await session.read_resource(AnyUrl("ledger://accounts/bob"))
        assert A.resource_json(after) == {"account": "bob", "balance": 50}
        assert A.assert_resource(after, mime_type="application/json", scheme="ledger").host == "accounts"
        A.assert_text(await session.call_tool("announce", {}), "announced")
        await collector.wait_for("notifications/tools/list_changed")

    assert [str(uri) for uri in collector.updated_uris()] == ["ledger://accounts/bob"]
    assert progress_seen == [1.0] and logs.texts("info") == ["alice->bob: 30"] and logs.records[0].logger == "ledger"


async def test_resources_logging_and_capabilities() -> None:
    async with McpHarness(build_ledger_server()).open() as conn:
        session = conn.session
        assert conn.server_info == ("ledger", "0.3.0") and conn.init.instructions == "Balances are in whole coins."
        A.assert_capabilities(session, resources=True, prompts=False, logging=True, resources_subscribe=False)
        resources = (await session.list_resources()).resources
        assert [(r.name, r.uri.scheme, r.mimeType) for r in resources][0] == ("alice", "ledger", "application/json")
        try:
            await session.read_resource(AnyUrl("https://example.com/accounts/alice"))
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.message == "not a ledger uri: https://example.com/accounts/alice"
        else:
            raise AssertionError("expected McpError")

        await session.set_logging_level("warning")
        level = [f for f in conn.wire.sent_by("client") if f.method == "logging/setLevel"][0]
        assert level.to_wire()["params"] == {"level": "warning"}


async def test_pagination_and_unregistered_methods() -> None:
    async with connect(build_ledger_server(page_size=1)) as session:
        first = await session.list_tools()
        assert [t.name for t in first.tools] == ["balance"] and first.nextCursor == "1"
        second = await session.list_tools(cursor=first.nextCursor)
        assert snapshots.summarize_listing(second.model_dump(), "tools") == {"names": ["transfer"], "nextCursor": "2", "count": 1}
        assert [t.name for t in await A.collect_tools(session)] == ["balance", "transfer", "announce"]
        for call in (session.list_prompts, session.list_resource_templates):
            try:
                await call()
            except McpError as exc:
                assert exc.error.code == types.METHOD_NOT_FOUND and exc.error.message == "Method not found"
            else:
                raise AssertionError(f"{call.__name__} should fail")


async def test_raw_requests_through_send_request() -> None:
    async with connect(build_ledger_server()) as session:
        params = types.CallToolRequestParams(name="balance", arguments={"account": "bob"})
        request = types.ClientRequest(types.CallToolRequest(method="tools/call", params=params))
        result = await session.send_request(request, types.CallToolResult)
        assert result.structuredContent == {"account": "bob", "balance": 20}
        pong = await session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        assert isinstance(pong, types.EmptyResult)
