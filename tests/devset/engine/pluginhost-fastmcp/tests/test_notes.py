from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from support import connect, fresh_app, json_contents, structured, text_of  # noqa: E402

from pluginhost.events import EventLog  # noqa: E402


async def test_add_and_list_notes() -> None:
    app = fresh_app("notes")
    events = EventLog()
    async with connect(app, events) as session:
        first = await session.call_tool("add_note", {"topic": "work", "text": "ship 0.6.2"})
        note = structured(first)
        assert note["id"] == 1 and note["topic"] == "work"
        await session.call_tool("add_note", {"topic": "work", "text": "write changelog"})
        listed = await session.call_tool("list_notes", {"topic": "work"})
        assert structured(listed)["result"][1]["text"] == "write changelog"
        empty = await session.call_tool("add_note", {"topic": "work", "text": "   "})
        assert empty.isError
        assert "must not be empty" in text_of(empty)
    assert any("note 2 added to work" in line for line in events.log_lines())


async def test_notes_template_and_index() -> None:
    app = fresh_app("notes")
    async with connect(app) as session:
        await session.call_tool("add_note", {"topic": "home", "text": "buy milk"})
        read = await session.read_resource(AnyUrl("notes://home"))
        data = json_contents(read)
        assert [n["text"] for n in data] == ["buy milk"]
        index = await session.read_resource(AnyUrl("notes://index"))
        assert json_contents(index) == {"home": 1}
        templates = await session.list_resource_templates()
        assert "notes://{topic}" in [t.uriTemplate for t in templates.resourceTemplates]


async def test_summarize_prompt_embeds_notes() -> None:
    app = fresh_app("notes")
    async with connect(app) as session:
        await session.call_tool("add_note", {"topic": "ideas", "text": "plugin marketplace"})
        prompt = await session.get_prompt("summarize_notes", {"topic": "ideas"})
        roles = [m.role for m in prompt.messages]
        assert roles == ["user", "user", "assistant"]
        embedded = prompt.messages[1].content
        assert isinstance(embedded, types.EmbeddedResource)
        assert isinstance(embedded.resource, types.TextResourceContents)
        assert embedded.resource.uri.host == "ideas"
        assert "plugin marketplace" in embedded.resource.text


async def test_topic_completion() -> None:
    app = fresh_app("notes")
    async with connect(app) as session:
        for topic in ("work", "workshop", "home"):
            await session.call_tool("add_note", {"topic": topic, "text": "x"})
        result = await session.complete(
            types.ResourceTemplateReference(type="ref/resource", uri="notes://{topic}"),
            {"name": "topic", "value": "wo"},
        )
        assert result.completion.values == ["work", "workshop"]
        assert result.completion.hasMore is False
        by_prompt = await session.complete(
            types.PromptReference(type="ref/prompt", name="summarize_notes"), {"name": "topic", "value": "h"}
        )
        assert by_prompt.completion.values == ["home"]
        unknown = await session.complete(
            types.PromptReference(type="ref/prompt", name="summarize_notes"), {"name": "style", "value": ""}
        )
        assert unknown.completion.values == []
