import json

import pytest
from mcp import types
from mcp.server.fastmcp import FastMCP
from pydantic import AnyUrl

from notesvc import AppConfig, create_app

pytestmark = pytest.mark.anyio


def text_of(block) -> str:
    assert isinstance(block, types.TextContent)
    return block.text


def test_factory_returns_configured_server():
    app = create_app(AppConfig(name="custom", port=9100, stateless=True))
    assert isinstance(app, FastMCP)
    assert app.name == "custom"
    assert app.settings.port == 9100
    assert app.settings.stateless_http is True
    assert app.instructions and "search before add" in app.instructions


async def test_initialize_reports_name(app):
    from mcp.shared.memory import create_connected_server_and_client_session

    async with create_connected_server_and_client_session(app) as session:
        caps = session.get_server_capabilities()
        assert caps is not None and caps.tools is not None


async def test_tools_have_output_schemas(client):
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"add_note", "search_notes", "quote_note", "audit_log", "server_status"}
    assert tools["add_note"].title == "Add note"
    assert tools["add_note"].outputSchema is not None
    assert tools["add_note"].outputSchema["properties"]["title"]["type"] == "string"
    assert "tags" not in tools["add_note"].inputSchema["required"]


async def test_add_and_search(client):
    added = await client.call_tool("add_note", {"title": "Release", "body": "Ship v2 on Friday", "tags": ["ops"]})
    assert not added.isError
    assert added.structuredContent is not None
    assert added.structuredContent["id"] == 1
    assert added.structuredContent["tags"] == ["ops"]

    found = await client.call_tool("search_notes", {"query": "ship"})
    assert found.structuredContent == {
        "query": "ship",
        "total": 1,
        "notes": [{"id": 1, "title": "Release", "tags": ["ops"]}],
    }


async def test_tool_error_is_flagged(client):
    result = await client.call_tool("add_note", {"title": "Too long", "body": "x" * 500})
    assert result.isError
    assert "exceeds 200" in text_of(result.content[0])


async def test_resources_and_templates(client):
    await client.call_tool("add_note", {"title": "Standup", "body": "Moved to 10:00", "tags": ["team", "meta"]})
    listed = await client.list_resources()
    index = next(r for r in listed.resources if str(r.uri) == "notes://index")
    assert index.mimeType == "application/json"
    templates = await client.list_resource_templates()
    assert [t.uriTemplate for t in templates.resourceTemplates] == ["notes://{note_id}"]

    read = await client.read_resource(AnyUrl("notes://index"))
    payload = json.loads(read.contents[0].model_dump()["text"])
    assert payload == [{"id": 1, "title": "Standup", "uri": "notes://1"}]

    note = await client.read_resource(AnyUrl("notes://1"))
    content = note.contents[0]
    assert isinstance(content, types.TextResourceContents)
    assert content.mimeType == "text/markdown"
    assert content.text.endswith("#team #meta")


async def test_quote_reads_resource_through_context(client):
    await client.call_tool("add_note", {"title": "A", "body": "line one\nline two"})
    quoted = await client.call_tool("quote_note", {"note_id": 1})
    assert text_of(quoted.content[0]) == "> # A\n> \n> line one\n> line two"


async def test_audit_and_status(client):
    await client.call_tool("add_note", {"title": "A", "body": "b"})
    audit = await client.call_tool("audit_log", {})
    assert audit.structuredContent == {"result": ["anonymous added 1"]}
    status = await client.call_tool("server_status", {})
    assert status.structuredContent is not None
    assert status.structuredContent["server"] == "notesvc-test"
    assert status.structuredContent["notes"] == 1


async def test_prompts(client):
    await client.call_tool("add_note", {"title": "Hiring", "body": "Two offers out"})
    digest = await client.get_prompt("weekly_digest", {"team": "core"})
    assert [m.role for m in digest.messages] == ["user", "assistant", "user"]
    assert "- Hiring" in text_of(digest.messages[0].content)

    critique = await client.get_prompt("critique", {"note_id": "1", "body": "Two offers out"})
    embedded = critique.messages[1].content
    assert isinstance(embedded, types.EmbeddedResource)
    assert str(embedded.resource.uri) == "notes://1"


async def test_direct_call_returns_content_and_structured(app):
    @app.tool()
    def shout(text: str) -> str:
        return text.upper()

    content, structured = await app.call_tool("shout", {"text": "hi"})  # type: ignore[misc]
    assert structured == {"result": "HI"}
    assert content[0].type == "text"
