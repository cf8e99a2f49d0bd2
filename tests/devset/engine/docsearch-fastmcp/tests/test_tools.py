from __future__ import annotations

import base64
from typing import Any

import anyio
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session

from docsearch.server import mcp


def text_of(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def test_search_returns_structured_results_and_progress() -> None:
    updates: list[tuple[float, str | None]] = []
    logs: list[types.LoggingMessageNotificationParams] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, message))

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logs.append(params)

    async with create_connected_server_and_client_session(mcp, logging_callback=on_log) as session:
        listed = {t.name: t for t in (await session.list_tools()).tools}
        assert listed["search_docs"].title == "Search documentation"
        assert listed["search_docs"].outputSchema is not None
        assert "query" in listed["search_docs"].inputSchema["required"]

        result = await session.call_tool(
            "search_docs", {"query": "webhook retries", "limit": 2}, progress_callback=on_progress
        )
        assert not result.isError
        assert result.structuredContent is not None
        hits = result.structuredContent["hits"]
        assert hits[0]["slug"] == "webhooks"
        assert hits[0]["uri"] == "docs://page/webhooks"
        assert result.structuredContent["total"] == 2

        empty = await session.call_tool("search_docs", {"query": "kubernetes"})
        assert empty.structuredContent == {"query": "kubernetes", "total": 0, "hits": []}
        with anyio.fail_after(2):
            while len(logs) < 3:
                await anyio.sleep(0.01)

    assert [m for _, m in updates] == ["scoring pages", "building snippets", "done"]
    assert logs[0].level == "info" and "searching 5 pages" in str(logs[0].data)
    assert logs[-1].level == "warning"


async def test_rate_page_elicits_feedback() -> None:
    answers: list[types.ElicitResult] = [
        types.ElicitResult(action="accept", content={"helpful": True, "rating": 4, "comment": "clear"}),
        types.ElicitResult(action="decline"),
    ]
    schemas: list[dict[str, Any]] = []

    async def on_elicit(
        context: RequestContext[ClientSession, Any], params: types.ElicitRequestParams
    ) -> types.ElicitResult | types.ErrorData:
        assert isinstance(params, types.ElicitRequestFormParams)
        schemas.append(params.requestedSchema)
        return answers.pop(0)

    async with create_connected_server_and_client_session(mcp, elicitation_callback=on_elicit) as session:
        accepted = await session.call_tool("rate_page", {"slug": "rate-limits"})
        declined = await session.call_tool("rate_page", {"slug": "rate-limits"})
        missing = await session.call_tool("rate_page", {"slug": "nope"})

    assert text_of(accepted) == "Thanks! Recorded 4/5 for rate-limits."
    assert text_of(declined) == "No feedback recorded."
    assert missing.isError and "no documentation page named 'nope'" in text_of(missing)
    assert set(schemas[0]["properties"]) == {"helpful", "rating", "comment"}


async def test_summarize_page_uses_client_sampling() -> None:
    requests: list[types.CreateMessageRequestParams] = []

    async def on_sample(
        context: RequestContext[ClientSession, Any], params: types.CreateMessageRequestParams
    ) -> types.CreateMessageResult:
        requests.append(params)
        return types.CreateMessageResult(
            role="assistant",
            content=types.TextContent(type="text", text="Configure SAML or OIDC for SSO."),
            model="fake-llm-1",
            stopReason="endTurn",
        )

    async with create_connected_server_and_client_session(mcp, sampling_callback=on_sample) as session:
        first = await session.call_tool("summarize_page", {"slug": "sso-setup", "max_words": 20})
        second = await session.call_tool("summarize_page", {"slug": "sso-setup"})

    assert text_of(first) == text_of(second) == "Configure SAML or OIDC for SSO."
    assert len(requests) == 1
    assert requests[0].maxTokens == 40
    assert requests[0].systemPrompt == "You write terse, accurate documentation summaries."
    message = requests[0].messages[0]
    assert isinstance(message.content, types.TextContent) and "SAML" in message.content.text


async def test_section_errors_and_badge_image() -> None:
    async with create_connected_server_and_client_session(mcp) as session:
        ok = await session.call_tool("page_section", {"slug": "webhooks", "anchor": "retries"})
        assert text_of(ok).startswith("## Retries")
        bad = await session.call_tool("page_section", {"slug": "webhooks", "anchor": "pricing"})
        assert bad.isError
        assert "has no section 'pricing'" in text_of(bad)

        badge = await session.call_tool("section_badge", {"slug": "sso-setup"})
    image = badge.content[0]
    assert isinstance(image, types.ImageContent)
    assert image.mimeType == "image/png"
    assert base64.b64decode(image.data).startswith(b"\x89PNG")
