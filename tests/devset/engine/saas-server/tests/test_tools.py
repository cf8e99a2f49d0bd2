from __future__ import annotations

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(__file__))

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session

from fake_api import FakeIssueDesk
from issuedesk.remote import NotificationRecorder, list_all_tools, tool_catalog
from support import ClientLog, connected, make_server, text_of


async def test_tool_listing_exposes_schemas_and_hints() -> None:
    async with connected() as session:
        tools = await list_all_tools(session)
    by_name = {tool.name: tool for tool in tools}
    assert set(by_name) >= {"search_issues", "get_issue", "create_issue", "bulk_close", "workspace_info"}

    search = by_name["search_issues"]
    assert search.title == "Search issues"
    assert "ctx" not in search.inputSchema["properties"]
    assert search.inputSchema["properties"]["limit"]["maximum"] == 100
    assert search.outputSchema is not None and "issues" in search.outputSchema["properties"]
    assert search.annotations is not None and search.annotations.readOnlyHint is True

    create = by_name["create_issue"]
    assert create.inputSchema["required"] == ["project", "title"]
    catalog = {row["name"]: row for row in tool_catalog(tools)}
    assert catalog["bulk_close"]["destructive"] is True
    assert catalog["get_issue"]["structured"] is False


async def test_search_returns_structured_page() -> None:
    log = ClientLog()
    async with connected(log=log, page_size=2) as session:
        await session.set_logging_level("debug")
        first = await session.call_tool("search_issues", {"project": "ENG", "limit": 5})
        assert not first.isError
        assert first.structuredContent is not None
        page = first.structuredContent
        assert [i["key"] for i in page["issues"]] == ["ENG-1", "ENG-2"]
        assert page["total"] == 6 and page["cursor"] == "2"

        second = await session.call_tool("search_issues", {"project": "ENG", "cursor": page["cursor"]})
        assert second.structuredContent is not None
        assert [i["key"] for i in second.structuredContent["issues"]] == ["ENG-3", "ENG-4"]
    assert any("found 6 issues" in text for text in log.texts("info"))
    assert any(text.startswith("search_issues") for text in log.texts("debug"))


async def test_get_issue_returns_markdown_and_link() -> None:
    async with connected() as session:
        result = await session.call_tool("get_issue", {"issue_key": "eng-1"})
    assert result.isError is False
    assert "# ENG-1: Login page times out" in text_of(result)
    links = [block for block in result.content if isinstance(block, types.ResourceLink)]
    assert len(links) == 1
    assert str(links[0].uri) == "issuedesk://issues/ENG-1"
    assert links[0].mimeType == "application/json"
    assert result.structuredContent is not None
    assert result.structuredContent["assigneeId"] == "u-ada"


async def test_api_failures_are_reported_to_the_model() -> None:
    fake = FakeIssueDesk()
    fake.fail("POST", "/v1/issues/ENG-2/transitions", 503)
    log = ClientLog()
    async with connected(fake, log=log) as session:
        missing = await session.call_tool("get_issue", {"issue_key": "ENG-99"})
        assert missing.isError
        assert "Not found: issue ENG-99 does not exist" in text_of(missing)
        assert '"requestId": "req-404"' in text_of(missing)

        flaky = await session.call_tool("transition_issue", {"issue_key": "ENG-2", "status": "done"})
        assert flaky.isError
        assert "temporarily unavailable (503)" in text_of(flaky)

        bad_key = await session.call_tool("create_issue", {"project": "eng team", "title": "Broken build"})
        assert bad_key.isError
        assert "is not a valid project key" in text_of(bad_key)

        rejected = await session.call_tool("create_issue", {"project": "QA", "title": "Flaky test"})
        assert rejected.isError
        assert "IssueDesk refused the input: unknown project QA" in text_of(rejected)
    assert any("get_issue ENG-99 failed" in text for text in log.texts("warning"))


async def test_create_issue_and_comment() -> None:
    fake = FakeIssueDesk()
    async with connected(fake) as session:
        created = await session.call_tool(
            "create_issue",
            {"project": "ops", "title": "Pager rotation", "priority": "high", "labels": ["On-Call ", "on-call", "infra"]},
        )
        assert created.structuredContent == {
            "key": "OPS-3",
            "url": "https://fake.issuedesk.test/browse/OPS-3",
            "status": "backlog",
        }
        comment = await session.call_tool("add_comment", {"issue_key": "OPS-3", "body": "Draft schedule attached"})
        assert text_of(comment) == "Comment c-100 added to OPS-3"
    assert fake.issues["OPS-3"]["labels"] == ["infra", "on-call"]
    assert fake.comments["OPS-3"][0]["body"] == "Draft schedule attached"
    assert all(r.headers["Authorization"] == "Bearer test-token-123" for r in fake.requests)
    assert all(r.headers["X-IssueDesk-Workspace"] == "acme" for r in fake.requests)


async def test_bulk_close_confirms_and_reports_progress() -> None:
    fake = FakeIssueDesk()
    fake.fail("POST", "/v1/issues/ENG-4/transitions", 409)
    log = ClientLog()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    keys = ["ENG-1", "ENG-2", "ENG-3", "ENG-4"]
    async with connected(fake, log=log, elicitation="accept", elicitation_content={"confirm": True, "comment": "sprint cleanup"}) as session:
        result = await session.call_tool(
            "bulk_close",
            {"issue_keys": keys, "resolution": "cancelled"},
            read_timeout_seconds=timedelta(seconds=5),
            progress_callback=on_progress,
        )
    assert not result.isError
    assert result.structuredContent is not None
    assert result.structuredContent["closed"] == ["ENG-1", "ENG-2", "ENG-3"]
    assert set(result.structuredContent["failed"]) == {"ENG-4"}
    assert [u[0] for u in updates] == [1, 2, 3, 4]
    assert updates[-1] == (4, 4, "ENG-4 processed")
    assert len(log.elicitations) == 1 and "Close 4 issues" in log.elicitations[0].message
    assert fake.issues["ENG-1"]["status"] == "cancelled"
    assert any("could not close ENG-4" in text for text in log.texts("warning"))


async def test_bulk_close_declined_changes_nothing() -> None:
    fake = FakeIssueDesk()
    async with connected(fake, elicitation="decline") as session:
        result = await session.call_tool("bulk_close", {"issue_keys": ["ENG-1", "ENG-2", "ENG-3", "ENG-5"]})
    assert result.structuredContent == {"closed": [], "failed": {}, "skipped": True}
    assert fake.issues["ENG-1"]["status"] == "in_progress"


async def test_export_reports_progress_through_message_handler() -> None:
    recorder = NotificationRecorder()
    server, _ = make_server()
    async with create_connected_server_and_client_session(server, message_handler=recorder) as session:
        seen: list[float] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            seen.append(progress)

        result = await session.call_tool("export_project", {"project": "eng"}, progress_callback=on_progress)
    digest = text_of(result)
    assert digest.startswith("# Export of ENG (6 issues)")
    assert "## in_progress (2)\n- ENG-1: Login page times out\n- ENG-5: Upgrade search index" in digest
    assert seen == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert [p[1] for p in recorder.progress] == seen
    assert all(total == 5 for _, _, total in recorder.progress)


async def test_summarize_uses_client_sampling() -> None:
    log = ClientLog()
    async with connected(log=log, sampling_reply="Login is slow; Ada is on it.") as session:
        result = await session.call_tool("summarize_issue", {"issue_key": "ENG-1"})
    assert text_of(result) == "Login is slow; Ada is on it."
    request = log.sampling_requests[0]
    assert request.maxTokens == 300
    assert request.systemPrompt is not None and "three sentences" in request.systemPrompt
    prompt = request.messages[0].content
    assert isinstance(prompt, types.TextContent) and "Reproduced on staging." in prompt.text


async def test_workspace_info_reads_request_context() -> None:
    async with connected() as session:
        result = await session.call_tool("workspace_info", {}, meta={"client_id": "desktop-app"})
    info = result.structuredContent
    assert info is not None
    assert info["server"] == "issuedesk"
    assert info["workspace"] == "acme"
    assert info["clientId"] == "desktop-app"
