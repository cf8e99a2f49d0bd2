from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl

import mcp.types as types
from mcp.shared.exceptions import McpError

from fake_api import FakeIssueDesk
from issuedesk.remote import complete_argument, list_all_resources, read_issue, read_json_resource
from support import connected


async def test_static_resources_and_templates_are_listed() -> None:
    async with connected() as session:
        resources = await list_all_resources(session)
        templates = await session.list_resource_templates()

    by_uri = {str(r.uri): r for r in resources}
    assert set(by_uri) == {"issuedesk://guide/workflow", "issuedesk://projects", "issuedesk://me"}
    assert by_uri["issuedesk://projects"].mimeType == "application/json"
    assert by_uri["issuedesk://guide/workflow"].mimeType == "text/markdown"

    patterns = sorted(t.uriTemplate for t in templates.resourceTemplates)
    assert patterns == [
        "issuedesk://issues/{issue_key}",
        "issuedesk://issues/{issue_key}/thread",
        "issuedesk://projects/{key}",
    ]
    issue_template = next(t for t in templates.resourceTemplates if t.name == "issue")
    assert issue_template.mimeType == "application/json"
    assert issue_template.title == "Issue record"


async def test_read_project_list_and_issue_record() -> None:
    async with connected() as session:
        projects = await read_json_resource(session, "issuedesk://projects")
        issue = await read_issue(session, "ENG-2")

        raw = await session.read_resource(AnyUrl("issuedesk://issues/eng-4"))
    assert [p["key"] for p in projects] == ["ENG", "OPS"]
    assert projects[0]["leadId"] == "u-ada"
    assert issue["priority"] == "urgent" and issue["labels"] == ["export", "crash"]

    content = raw.contents[0]
    assert isinstance(content, types.TextResourceContents)
    assert content.uri.scheme == "issuedesk"
    assert content.uri.host == "issues"
    assert content.uri.path == "/eng-4"
    assert json.loads(content.text)["assigneeId"] == "u-linus"


async def test_markdown_templates_render_context() -> None:
    async with connected() as session:
        overview = await session.read_resource(AnyUrl("issuedesk://projects/eng"))
        thread = await session.read_resource(AnyUrl("issuedesk://issues/ENG-1/thread"))
        guide = await session.read_resource(AnyUrl("issuedesk://guide/workflow"))

    project_text = overview.contents[0]
    assert isinstance(project_text, types.TextResourceContents)
    assert project_text.mimeType == "text/markdown"
    assert project_text.text.startswith("# Engineering (ENG)")
    assert "ENG-6" not in project_text.text and "ENG-4 [medium]" in project_text.text

    thread_text = thread.contents[0]
    assert isinstance(thread_text, types.TextResourceContents)
    assert "**u-linus** (2025-03-03): Reproduced on staging." in thread_text.text

    guide_text = guide.contents[0]
    assert isinstance(guide_text, types.TextResourceContents)
    assert "- `in_review`: In review" in guide_text.text


async def test_unknown_issue_resource_raises_protocol_error() -> None:
    async with connected(FakeIssueDesk()) as session:
        try:
            await session.read_resource(AnyUrl("issuedesk://issues/ENG-404"))
        except McpError as exc:
            assert "issue ENG-404 does not exist" in exc.error.message
            assert exc.error.code == 0
        else:
            raise AssertionError("reading a missing issue should fail")


async def test_completion_for_templates_and_prompts() -> None:
    async with connected() as session:
        projects, more = await complete_argument(session, "issuedesk://projects/{key}", "key", "o")
        assert projects == ["OPS"] and more is False

        issues, _ = await complete_argument(session, "issuedesk://issues/{issue_key}", "issue_key", "ENG-")
        assert issues == ["ENG-1", "ENG-2", "ENG-3", "ENG-4", "ENG-5", "ENG-6"]

        prompt_ref = types.PromptReference(type="ref/prompt", name="triage_issue")
        scoped = await session.complete(prompt_ref, {"name": "issue_key", "value": ""}, {"project_key": "OPS"})
        assert scoped.completion.values == ["OPS-1", "OPS-2"]
        assert scoped.completion.total == 2

        legacy_ref = types.ResourceReference(type="ref/resource", uri="issuedesk://issues/{issue_key}")
        statuses = await session.complete(legacy_ref, {"name": "status", "value": "in"})
        assert statuses.completion.values == ["in_progress", "in_review"]


async def test_triage_prompt_embeds_issue() -> None:
    async with connected() as session:
        prompts = await session.list_prompts()
        listed = {p.name: p for p in prompts.prompts}
        assert listed["triage_issue"].arguments is not None
        assert [a.name for a in listed["triage_issue"].arguments] == ["issue_key"]

        prompt = await session.get_prompt("triage_issue", {"issue_key": "eng-2"})
        digest = await session.get_prompt("standup_digest", {"project_key": "eng"})

    roles = [m.role for m in prompt.messages]
    assert roles == ["user", "user", "assistant", "user"]
    embedded = prompt.messages[1].content
    assert isinstance(embedded, types.EmbeddedResource)
    assert isinstance(embedded.resource, types.TextResourceContents)
    assert embedded.resource.mimeType == "application/json"
    assert str(embedded.resource.uri) == "issuedesk://issues/ENG-2"
    assert json.loads(embedded.resource.text)["title"] == "Crash when exporting CSV"

    body = digest.messages[0].content
    assert isinstance(body, types.TextContent)
    assert "ENG-1: Login page times out" in body.text and "ENG-5: Upgrade search index" in body.text
    assert "ENG-2" not in body.text
