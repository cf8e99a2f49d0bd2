"""Tools exercised through a real client session over in-memory streams."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext

from ledgerd.client import NotificationLog, describe_tools, list_all_tools, structured, tool_text
from tests.harness import connect, make_server


async def test_tool_listing_and_annotations() -> None:
    mcp, _ = make_server()
    async with connect(mcp) as session:
        tools = await list_all_tools(session)
    by_name = {tool.name: tool for tool in tools}
    assert {"balance", "post_entry", "reconcile", "close_period", "whoami", "server_settings"} <= set(by_name)

    post = by_name["post_entry"]
    assert post.title == "Post entry"
    assert post.annotations is not None
    assert post.annotations.readOnlyHint is False
    assert post.annotations.destructiveHint is False
    assert post.inputSchema["required"] == ["account", "amount", "memo"]
    assert post.outputSchema is not None  # dict[str, Any] return gives structured output

    rows = {row["name"]: row for row in describe_tools(tools)}
    assert rows["balance"]["readOnly"] is True
    assert rows["entry_document"]["structured"] is False
    assert rows["reconcile"]["arguments"] == ["accounts"]


async def test_post_entry_updates_balance_and_notifies() -> None:
    mcp, store = make_server()
    notes = NotificationLog()
    async with connect(mcp, message_handler=notes) as session:
        await session.set_logging_level("debug")
        result = await session.call_tool("post_entry", {"account": "6100", "amount": 42.5, "memo": "toner"})
        assert result.isError is False
        payload = structured("post_entry", result)
        assert payload["balance"] == "42.50"
        assert payload["entryId"] == 1

        again = await session.call_tool("balance", {"account": "6100"})
        assert again.structuredContent == {"account": "6100", "balance": "42.50", "currency": "EUR"}

    assert notes.updated == ["ledger://accounts/6100"]
    assert ("info", "posted #1 to 6100") in notes.logs
    assert ("debug", "balance lookup for 6100") in notes.logs
    assert store.balance("6100") == Decimal("42.50")
    assert not store.is_open  # lifespan closed it with the session


async def test_errors_come_back_as_error_results() -> None:
    mcp, _ = make_server()
    async with connect(mcp) as session:
        zero = await session.call_tool("post_entry", {"account": "1000", "amount": 0, "memo": "noop"})
        assert zero.isError is True
        assert "amount must be non-zero" in tool_text_safe(zero)

        unknown = await session.call_tool("balance", {"account": "9999"})
        assert unknown.isError is True
        assert "Unknown account 9999" in tool_text_safe(unknown)
        assert unknown.structuredContent is None

        bad_args = await session.call_tool("post_entry", {"account": "1000", "amount": "lots", "memo": "x"})
        assert bad_args.isError

        missing = await session.call_tool("entry_document", {"entry_id": 404})
        try:
            tool_text("entry_document", missing)
        except Exception as exc:
            assert "no entry 404" in str(exc)
        else:
            raise AssertionError("expected RemoteToolError")


def tool_text_safe(result: types.CallToolResult) -> str:
    return " ".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def test_reconcile_reports_progress() -> None:
    mcp, _ = make_server()
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with connect(mcp, logging_callback=on_log) as session:
        result = await session.call_tool(
            "reconcile", {"accounts": ["1000", "7777", "4000"]}, progress_callback=on_progress
        )
        quiet = await session.call_tool("reconcile", {"accounts": ["1000"]})

    assert tool_text("reconcile", result).splitlines() == ["1000: 0.00", "7777: unknown", "4000: 0.00"]
    assert tool_text("reconcile", quiet) == "1000: 0.00"
    assert [p for p, _, _ in seen] == [1, 2, 3]
    assert seen[-1] == (3, 3, "reconciled 4000")
    assert [(p.level, p.logger, p.data) for p in logs] == [
        ("warning", "ledgerd.reconcile", "skipping unknown account 7777")
    ]


async def test_close_period_elicitation_paths() -> None:
    mcp, store = make_server()
    answers: list[types.ElicitResult] = [
        types.ElicitResult(action="accept", content={"confirm": True, "note": "Q1 audit"}),
        types.ElicitResult(action="accept", content={"confirm": False}),
        types.ElicitResult(action="decline"),
    ]
    asked: list[dict[str, Any]] = []

    async def on_elicit(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        asked.append(params.requestedSchema)
        return answers.pop(0)

    async with connect(mcp, elicitation_callback=on_elicit) as session:
        await session.call_tool("post_entry", {"account": "4000", "amount": 10, "memo": "sale"})
        entry = store.entry(1)
        assert entry is not None
        period = entry.period
        first = await session.call_tool("close_period", {"account": "4000", "period": period})
        second = await session.call_tool("close_period", {"account": "4000", "period": "2001-01"})
        third = await session.call_tool("close_period", {"account": "4000", "period": "2001-02"})
        blocked = await session.call_tool("post_entry", {"account": "4000", "amount": 5, "memo": "late"})

    assert tool_text("close_period", first) == f"closed {period}: 1 entries locked"
    assert tool_text("close_period", second) == "not confirmed; nothing changed"
    assert tool_text("close_period", third) == "declined; nothing changed"
    assert blocked.isError and "is closed" in tool_text_safe(blocked)
    assert set(asked[0]["properties"]) == {"confirm", "note"}
    assert asked[0]["required"] == ["confirm"]


async def test_request_metadata_and_context_access() -> None:
    mcp, _ = make_server(port=9010, stateless_http=True)
    async with connect(mcp) as session:
        await session.set_logging_level("error")
        who = await session.call_tool("whoami", {}, meta={"client_id": "ops-console"})
        settings = await session.call_tool("server_settings", {})
        doc = await session.call_tool("entry_document", {"entry_id": 1})

    info = structured("whoami", who)
    assert info["clientId"] == "ops-console"
    assert info["server"] == "ledgerd"
    assert info["principal"] is None and info["authenticated"] is False
    assert info["requestId"].isdigit()

    effective = structured("server_settings", settings)
    assert effective["port"] == 9010
    assert effective["statelessHttp"] is True
    assert effective["streamableHttpPath"] == "/mcp"
    assert effective["clientLogLevel"] == "error"

    # Nothing has been posted, so the embedded document lookup fails cleanly.
    assert doc.isError is True
    assert json.loads(json.dumps(doc.model_dump()))["isError"] is True
