"""Resource, prompt and completion behaviour, plus direct FastMCP calls."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import ContentBlock, PromptReference, TextContent, TextResourceContents
from pydantic import AnyUrl

from issuedesk.server import mcp
from issuedesk.store import IssueStore


async def test_issue_template_resource() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        templates = await session.list_resource_templates()
        uris = {t.uriTemplate for t in templates.resourceTemplates}
        assert "issues://{issue_id}" in uris
        result = await session.read_resource(AnyUrl("issues://ISS-3"))
        contents = result.contents[0]
        assert isinstance(contents, TextResourceContents)
        assert contents.mimeType == "application/json"
        assert contents.uri.scheme == "issues"
        assert json.loads(contents.text)["title"] == "Crash when exporting CSV"


async def test_static_resource_reports_settings() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listed = await session.list_resources()
        info = next(r for r in listed.resources if str(r.uri) == "issuedesk://server-info")
        assert info.mimeType == "application/json"
        read = await session.read_resource(info.uri)
        first = read.contents[0]
        assert isinstance(first, TextResourceContents)
        data = json.loads(first.text)
        assert data["port"] == mcp.settings.port
        assert data["name"] == "issuedesk"


async def test_prompts_and_completion() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        init_caps = session.get_server_capabilities()
        assert init_caps is not None and init_caps.prompts is not None
        prompt = await session.get_prompt("triage", {"issue_id": "ISS-4"})
        assert len(prompt.messages) == 2
        assert prompt.messages[0].role == "user"
        first = prompt.messages[0].content
        assert isinstance(first, TextContent) and "issues://ISS-4" in first.text
        completion = await session.complete(
            PromptReference(type="ref/prompt", name="release_notes"), {"name": "project", "value": "c"}
        )
        assert completion.completion.values == ["CORE"]
        assert completion.completion.hasMore is False


async def test_direct_fastmcp_calls() -> None:
    result = await mcp.call_tool("estimate_effort", {"title": "Slow search on large projects", "labels": ["perf"]})
    assert isinstance(result, tuple)
    content, structured = cast(tuple[Sequence[ContentBlock], dict[str, Any]], result)
    assert structured == {"points": 5, "confidence": "medium"}
    assert isinstance(content[0], TextContent)
    contents = list(await mcp.read_resource("issuedesk://server-info"))
    assert contents[0].mime_type == "application/json"
    rendered = await mcp.get_prompt("release_notes", {"version": "2.4"})
    assert "CORE 2.4" in str(rendered.messages[0].content)


def test_store_pagination_is_plain_python() -> None:
    store = IssueStore.seeded()
    page = store.search("", project="CORE", page_size=4)
    assert page.nextCursor == "4"
    assert page.as_json()["nextCursor"] == "4"
    report = store.import_rows([{"title": ""}])
    assert report.isError and report.errorText == "no rows imported"
    assert store.relay.port == 25
