"""End-to-end tool tests over an in-memory client/server session."""

from __future__ import annotations

import json
from typing import Any

from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import (
    CreateMessageRequestParams,
    CreateMessageResult,
    ElicitRequestParams,
    ElicitResult,
    LoggingMessageNotificationParams,
    TextContent,
)

from issuedesk.server import mcp


async def accept_high_priority(
    context: RequestContext[ClientSession, Any], params: ElicitRequestParams
) -> ElicitResult:
    if "priority" in params.message:
        return ElicitResult(action="accept", content={"priority": "high", "notify_team": True})
    return ElicitResult(action="accept", content={"confirm": True, "reason": "duplicate"})


async def decline_everything(
    context: RequestContext[ClientSession, Any], params: ElicitRequestParams
) -> ElicitResult:
    return ElicitResult(action="decline")


async def fake_llm(
    context: RequestContext[ClientSession, Any], params: CreateMessageRequestParams
) -> CreateMessageResult:
    assert params.maxTokens == 200
    assert params.systemPrompt is not None
    return CreateMessageResult(
        role="assistant",
        content=TextContent(type="text", text="Login times out under load."),
        model="fake-llm-1",
        stopReason="endTurn",
    )


async def test_tool_listing_exposes_schemas() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listed = await session.list_tools()
        by_name = {t.name: t for t in listed.tools}
        assert {"search_issues", "create_issue", "close_issue", "bulk_relabel", "triage_report"} <= set(by_name)
        search = by_name["search_issues"]
        assert search.title == "Search issues"
        assert "query" in search.inputSchema["properties"]
        assert search.outputSchema is not None
        assert "issues" in search.outputSchema["properties"]
        assert listed.nextCursor is None


async def test_search_returns_structured_content_and_logs() -> None:
    logs: list[LoggingMessageNotificationParams] = []

    async def on_log(params: LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(mcp._mcp_server, logging_callback=on_log) as session:
        result = await session.call_tool("search_issues", {"query": "", "project": "CORE"})
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["total"] == 6
        assert result.structuredContent["next_cursor"] == "5"
        second = await session.call_tool(
            "search_issues", {"project": "CORE", "cursor": result.structuredContent["next_cursor"]}
        )
        assert second.structuredContent is not None
        assert len(second.structuredContent["issues"]) == 1
    assert any(log.level == "info" and "matched 6" in str(log.data) for log in logs)


async def test_unknown_project_becomes_error_result() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.call_tool("triage_report", {"project": "NOPE"})
        assert result.isError
        block = result.content[0]
        assert isinstance(block, TextContent)
        assert "Unknown project" in block.text


async def test_create_issue_uses_elicited_priority() -> None:
    async with create_connected_server_and_client_session(
        mcp._mcp_server, elicitation_callback=accept_high_priority
    ) as session:
        result = await session.call_tool("create_issue", {"title": "Webhook retries", "body": "They never stop"})
        assert not result.isError
        assert result.structuredContent is not None
        assert result.structuredContent["priority"] == "high"
        assert result.structuredContent["project"] == "CORE"


async def test_close_issue_respects_decline() -> None:
    async with create_connected_server_and_client_session(
        mcp._mcp_server, elicitation_callback=decline_everything
    ) as session:
        result = await session.call_tool("close_issue", {"issue_id": "ISS-2"})
        block = result.content[0]
        assert isinstance(block, TextContent)
        assert block.text == "ISS-2 left open (declined)"

    async with create_connected_server_and_client_session(
        mcp._mcp_server, elicitation_callback=accept_high_priority
    ) as session:
        result = await session.call_tool("close_issue", {"issue_id": "ISS-2"})
        block = result.content[0]
        assert isinstance(block, TextContent)
        assert block.text == "ISS-2 closed (duplicate)"


async def test_summarize_goes_through_sampling() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server, sampling_callback=fake_llm) as session:
        result = await session.call_tool("summarize_issue", {"issue_id": "ISS-1"})
        block = result.content[0]
        assert isinstance(block, TextContent)
        assert block.text == "[fake-llm-1] Login times out under load."


async def test_bulk_relabel_reports_progress() -> None:
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        result = await session.call_tool(
            "bulk_relabel",
            {"issue_ids": ["ISS-1", "ISS-3", "ISS-7"], "label": "needs-triage"},
            progress_callback=on_progress,
        )
        assert result.structuredContent == {"changed": 3, "requested": 3}
        payload = json.loads(result.content[0].text if isinstance(result.content[0], TextContent) else "{}")
        assert payload["changed"] == 3
    assert [p[0] for p in seen] == [1, 2, 3]
    assert seen[-1][1] == 3


async def test_whoami_reads_client_id_from_meta() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        anon = await session.call_tool("whoami", {})
        named = await session.call_tool("whoami", {}, meta={"client_id": "triage-bot"})
        assert isinstance(anon.content[0], TextContent) and anon.content[0].text == "anonymous"
        assert isinstance(named.content[0], TextContent) and named.content[0].text == "triage-bot"
