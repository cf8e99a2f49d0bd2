from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import AnyUrl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import LOGO, catalog_server, notes_server  # noqa: E402
from support import InMemoryOpener, memory_config  # noqa: E402

from mcp import McpError, types  # noqa: E402

from deskmate import HostApp  # noqa: E402
from deskmate.browser import render_block  # noqa: E402
from deskmate.palette import CommandPalette  # noqa: E402
from deskmate.registry import ToolEntry  # noqa: E402


async def _allow(entry: ToolEntry, arguments: dict[str, Any]) -> bool:
    return True


def _host(page_size: int = 2) -> HostApp:
    opener = InMemoryOpener({"notes": notes_server(), "catalog": catalog_server(page_size)})
    return HostApp(memory_config("notes", "catalog"), opener=opener, confirm=_allow)


async def test_resource_browser_lists_reads_and_watches() -> None:
    async with _host() as host:
        catalog, notes = host.connections["catalog"], host.connections["notes"]
        items = await host.resources.list_resources(catalog)
        assert [(item.name, item.scheme, item.location) for item in items][:1] == [("item-1", "catalog", "items/1")]
        assert (items[2].name, items[2].mime_type, items[2].size) == ("logo", "image/x-raw", 16)

        [text] = await host.resources.open(catalog, "catalog://items/1")
        assert (text.text, text.data, text.uri) == ("First item", None, AnyUrl("catalog://items/1"))
        [blob] = await host.resources.open(catalog, AnyUrl("catalog://assets/logo.bin"))
        assert (blob.data, blob.mime_type) == (LOGO, "image/x-raw")
        [index] = await host.resources.open(notes, "notes://index")
        assert index.mime_type == "application/json" and "groceries" in (index.text or "")

        assert await host.resources.list_templates(catalog) == [("catalog://items/{id}", "text/plain")]
        assert await host.resources.complete_template(notes, "notes://{name}", "name", "st") == ["standup"]
        assert await host.resources.complete_template(catalog, "catalog://items/{id}", "id", "1") == []

        assert await host.resources.watch(catalog, "catalog://items/1")
        assert not await host.resources.watch(notes, "notes://standup")
        await host.resources.unwatch(catalog, "catalog://items/1")
        assert host.resources.watched["catalog"] == set()
        try:
            await host.resources.open(notes, "notes://missing")
        except McpError as exc:
            assert "missing" in exc.error.message
        else:
            raise AssertionError("reading a missing note should fail")


async def test_prompt_picker_renders_messages() -> None:
    async with _host() as host:
        notes, catalog = host.connections["notes"], host.connections["catalog"]
        [review] = await host.prompts.choices(notes)
        assert (review.name, review.title, review.required_arguments) == ("review", "Review a note", ["name"])
        turns = await host.prompts.render(notes, review, {"name": "standup", "tone": "blunt"})
        assert (turns[0].role, turns[0].text) == ("user", "Please review the note 'standup' in a blunt tone:\nblocked on review")
        try:
            await host.prompts.render(notes, review, {})
        except ValueError as exc:
            assert "name" in str(exc)
        else:
            raise AssertionError("missing argument accepted")
        assert await host.prompts.suggest(notes, "review", "name", "") == ["groceries", "roadmap", "…"]

        [describe] = await host.prompts.choices(catalog)
        rendered = await host.prompts.render(catalog, describe, {"id": "2"})
        assert [turn.text for turn in rendered] == ["--- catalog://items/2\nSecond item", "Describe it."]

    link = types.ResourceLink(type="resource_link", uri=AnyUrl("https://example.com/a"), name="a")
    assert render_block(link) == "[link a -> https://example.com/a (unknown)]"
    assert render_block(types.ImageContent(type="image", data="AAEC", mimeType="image/png")) == "[image image/png, 3 bytes]"


async def test_command_palette_spans_servers() -> None:
    async with _host(page_size=10) as host:
        palette = CommandPalette()
        for conn in host.ready():
            await palette.attach(conn)
        keys = [item.key for item in palette.items()]
        assert {"notes:read_note", "catalog:reindex", "catalog:describe_item", "notes:review"} <= set(keys)
        assert [item.label for item in palette.search("statistics")] == ["Catalog statistics"]

        result = await palette.run("notes:read_note", {"name": "groceries"})
        assert isinstance(result.content[0], types.TextContent) and result.content[0].text == "milk, eggs, coffee"
        assert (await palette.run("catalog:stats", {})).structuredContent == {"items": 2}

        await palette.detach(host.connections["catalog"])
        assert not [key for key in palette.group.tools if key.startswith("catalog:")]
