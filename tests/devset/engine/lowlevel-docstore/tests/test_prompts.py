from __future__ import annotations

import mcp.types as types
from mcp.shared.exceptions import McpError

from tests.support import connect, make_server


async def test_prompt_listing_and_rendering() -> None:
    async with connect(make_server()) as client:
        first = await client.session.list_prompts()
        assert [p.name for p in first.prompts] == ["summarize_document"] and first.nextCursor is not None
        second = await client.session.list_prompts(cursor=first.nextCursor)
        assert [p.name for p in second.prompts] == ["draft_from_collection"] and second.nextCursor is None
        assert [(a.name, a.required) for a in first.prompts[0].arguments or []] == [("uri", True), ("style", False)]

        result = await client.session.get_prompt("summarize_document", {"uri": "docs://handbook/travel.md", "style": "tldr"})
        assert result.description == "Summarize Travel policy"
        embedded = result.messages[0].content
        assert isinstance(embedded, types.EmbeddedResource)
        assert isinstance(embedded.resource, types.TextResourceContents)
        assert embedded.resource.uri.host == "handbook" and embedded.resource.mimeType == "text/markdown"
        assert "economy class" in embedded.resource.text

        draft = await client.session.get_prompt("draft_from_collection", {"collection": "notes", "topic": "hiring"})
        assert [m.role for m in draft.messages] == ["user", "assistant"]
        assert isinstance(draft.messages[0].content, types.TextContent)
        assert draft.messages[0].content.text.count("docs://notes/") == 4


async def test_get_prompt_rejects_bad_arguments() -> None:
    async with connect(make_server()) as client:
        cases = [
            ("summarize_document", {}, "missing required argument(s): uri"),
            ("summarize_document", {"uri": "docs://assets/pixel.png"}, "binary documents"),
            ("summarize_document", {"uri": "docs://handbook/travel.md", "style": "haiku"}, "unknown style"),
            ("summarize_document", {"uri": "collections://notes"}, "single document"),
            ("draft_from_collection", {"collection": "drafts", "topic": "x"}, "unknown collection"),
            ("explain_everything", {}, "unknown prompt"),
        ]
        for name, arguments, expected in cases:
            try:
                await client.session.get_prompt(name, arguments)
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS and expected in exc.error.message, exc.error.message
            else:
                raise AssertionError(f"{name} should have failed")


async def test_prompt_argument_completion() -> None:
    async with connect(make_server()) as client:
        ref = types.PromptReference(type="ref/prompt", name="summarize_document")
        styles = await client.session.complete(ref, {"name": "style", "value": "e"})
        assert styles.completion.values == ["executive"]
        uris = await client.session.complete(ref, {"name": "uri", "value": "docs://notes/"})
        assert uris.completion.total == 4 and uris.completion.values[0] == "docs://notes/weekly-01.txt"
        nothing = await client.session.complete(ref, {"name": "unknown", "value": ""})
        assert nothing.completion.values == [] and nothing.completion.hasMore is None
