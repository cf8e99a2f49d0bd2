"""Posting, voiding and the side channels (logging, progress) of the write tools."""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.shared.exceptions import McpError

from ledgerdb.client import LedgerClient, LedgerToolError
from ledgerdb.testing import connected, temp_settings

SALE = {
    "memo": "Invoice 1001",
    "postings": [
        {"account": "receivables", "amount_cents": 25_000},
        {"account": "sales", "amount_cents": -25_000},
    ],
}


async def test_post_entry_updates_balances() -> None:
    async with connected() as (server, session):
        result = await session.call_tool("post_entry", SALE)
        assert not result.isError
        assert result.structuredContent == {"entryId": 3, "accounts": ["receivables", "sales"]}
        link = result.content[1]
        assert isinstance(link, types.ResourceLink)
        assert str(link.uri) == "ledger://entries/3"
        assert link.mimeType == "application/json"

        balance = await session.call_tool("account_balance", {"account": "receivables"})
        assert balance.structuredContent == {"account": "receivables", "balanceCents": 25_000, "currency": "EUR"}
        assert server.subscriptions.subscribers(link.uri) == 0


async def test_unbalanced_entry_becomes_tool_error() -> None:
    async with connected() as (_, session):
        result = await session.call_tool(
            "post_entry",
            {"memo": "oops", "postings": [{"account": "cash", "amount_cents": 10}, {"account": "sales", "amount_cents": -9}]},
        )
        assert result.isError
        assert result.structuredContent is None
        text = result.content[0]
        assert isinstance(text, types.TextContent)
        assert text.text == "postings do not balance (off by 1 cents)"


async def test_void_entry_and_client_wrapper() -> None:
    async with connected() as (_, session):
        client = LedgerClient(session)
        assert {t.name for t in await client.tools()} >= {"query", "void_entry"}
        assert (await client.call("account_balance", {"account": "bank"}))["balanceCents"] == 380_000
        voided = await client.call("void_entry", {"entryId": 2})
        assert voided == {"text": "Voided entry 2; affected: bank, rent"}
        assert (await client.call("account_balance", {"account": "bank"}))["balanceCents"] == 500_000
        try:
            await client.call("void_entry", {"entryId": 2})
        except LedgerToolError as exc:
            assert exc.tool == "void_entry"
            assert "already void" in exc.message
        else:
            raise AssertionError("voiding twice should fail")


async def test_log_messages_follow_the_requested_level() -> None:
    received: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        received.append(params)

    async with connected(logging_callback=on_log) as (_, session):
        await session.call_tool("query", {"sql": "SELECT 1"})
        assert received == []  # debug is below the default "info"
        await session.set_logging_level("debug")
        await session.call_tool("query", {"sql": "SELECT 1"})
        await session.call_tool("post_entry", SALE)
    assert [p.level for p in received] == ["debug", "info"]
    assert received[1].logger == "ledgerdb.tools"
    assert received[1].data["event"] == "entry_posted"


async def test_trial_balance_reports_progress() -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with connected() as (_, session):
        result = await session.call_tool("trial_balance", {}, progress_callback=on_progress)
    assert result.structuredContent is not None
    assert result.structuredContent["balanced"] is True
    assert len(updates) == 8
    assert updates[0] == (1.0, 8.0, "bank")
    assert updates[-1][0] == 8.0


async def test_request_meta_reaches_the_server() -> None:
    seen: dict[str, Any] = {}
    async with connected() as (server, session):

        @server.progress_notification()
        async def on_client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
            seen["token"] = token

        await session.send_progress_notification("import-7", 0.5, total=1.0)
        result = await session.call_tool("account_balance", {"account": "cash"}, meta={"traceId": "abc"})
        assert (result.structuredContent or {}).get("balanceCents") == 0
        try:
            await session.get_prompt("reconcile_account", {"account_id": "nope"})
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
            assert exc.error.data == {"kind": "invalid_params", "argument": "account_id"}
        else:
            raise AssertionError("unknown account should be rejected")
    assert seen == {"token": "import-7"}
