from __future__ import annotations

import json

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.prompts import Prompt
from mcp.shared.exceptions import McpError
from mcp.types import TextContent, TextResourceContents
from pydantic import AnyUrl

from notes_app import server as notes
from tests.helpers import connected


def test_default_server_name() -> None:
    assert FastMCP().name == "FastMCP"
    assert notes.mcp.instructions is not None and "search_notes" in notes.mcp.instructions


def test_list_and_read_resources() -> None:
    notes.reset()
    notes.add_note("Trip", "pack socks", ["travel"])

    async def run() -> None:
        async with connected(raise_exceptions=False) as client:
            listed = await client.list_resources()
            uris = {str(r.uri) for r in listed.resources}
            assert "notes://index" in uris
            readme = next(r for r in listed.resources if r.name == "readme")
            assert readme.mimeType == "text/markdown"
            assert readme.uri.scheme == "file"

            templates = await client.list_resource_templates()
            assert templates.resourceTemplates[0].uriTemplate == "notes://{note_id}"

            index = await client.read_resource(AnyUrl("notes://index"))
            contents = index.contents[0]
            assert isinstance(contents, TextResourceContents)
            assert contents.mimeType == "application/json"
            assert json.loads(contents.text)[0]["title"] == "Trip"

            note = await client.read_resource(AnyUrl("notes://n1"))
            assert note.contents[0].uri == AnyUrl("notes://n1")

            try:
                await client.read_resource(AnyUrl("notes://missing"))
            except McpError as exc:
                assert exc.error.code == 0
                assert "missing" in exc.error.message
            else:
                raise AssertionError("reading a missing note should fail")

    anyio.run(run)


def test_resource_manager_directly() -> None:
    notes.reset()
    notes.add_note("Direct", "read")

    async def run() -> None:
        manager = notes.mcp._resource_manager
        resource = await manager.get_resource(AnyUrl("notes://n1"))
        assert resource is not None
        body = await resource.read()
        assert isinstance(body, str) and body.startswith("# Direct")
        try:
            await manager.get_resource("unknown://thing")
        except ValueError as exc:
            assert "Unknown resource" in str(exc)

        template = manager.list_templates()[0]
        assert template.matches("notes://n1") == {"note_id": "n1"}
        made = await template.create_resource("notes://n1", {"note_id": "n1"})
        assert made.uri == AnyUrl("notes://n1")

    anyio.run(run)


def test_prompt_render_and_get() -> None:
    async def run() -> None:
        prompt = notes.mcp._prompt_manager.get_prompt("weekly_review")
        assert isinstance(prompt, Prompt)
        messages = await prompt.render({"week": "2024-W10"})
        first = messages[0].content
        assert isinstance(first, TextContent) and "2024-W10" in first.text
        assert [m.role for m in messages] == ["user", "assistant"]

        async with connected() as client:
            got = await client.get_prompt("weekly_review", {"week": "2024-W11"})
            assert got.messages[1].role == "assistant"

    anyio.run(run)
