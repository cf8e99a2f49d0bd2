from __future__ import annotations

import tempfile
from pathlib import Path

from pydantic import AnyUrl

from tests.sample_servers import build_catalog, build_notebook
from wiretest import SnapshotMismatch, SnapshotStore, connect
from wiretest.redaction import PayloadTree, is_error_payload
from wiretest.snapshots import (
    prompt_snapshot,
    resource_snapshot,
    tool_listing_snapshot,
    tool_result_snapshot,
)


async def test_tool_listing_snapshot_is_stable() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SnapshotStore(Path(tmp), update=False)
        async with connect(build_catalog()) as session:
            listing = tool_listing_snapshot(await session.list_tools())
            store.assert_match("catalog-tools", listing)
            store.assert_match("catalog-tools", tool_listing_snapshot(await session.list_tools()))

        assert store.written == ["catalog-tools"]
        stored = PayloadTree(store.load("catalog-tools"))
        assert stored.at("tools.0.name") == "explode"
        assert stored.at("tools.1.inputSchema.required") == ["sku"]
        assert stored.at("tools.1.annotations.readOnlyHint") is True
        assert stored.at("tools.1.outputSchema.properties.stock.type") == "integer"

        listing["tools"][0]["description"] = "Never fails"
        try:
            store.assert_match("catalog-tools", listing)
        except SnapshotMismatch as exc:
            assert "Never fails" in exc.diff
        else:
            raise AssertionError("changed listing should not match")


async def test_resource_and_prompt_snapshots() -> None:
    async with connect(build_notebook()) as session:
        note = resource_snapshot(await session.read_resource(AnyUrl("notes://welcome")))
        config = resource_snapshot(await session.read_resource(AnyUrl("config://notebook")))
        prompt = prompt_snapshot(await session.get_prompt("review", {"name": "todo"}))

    assert note == [
        {
            "uri": "notes://welcome",
            "scheme": "notes",
            "host": "welcome",
            "mimeType": "text/plain",
            "text": "Hello from the notebook.",
        }
    ]
    assert config[0]["mimeType"] == "application/json"
    assert config[0]["host"] == "notebook"
    assert [m["role"] for m in prompt["messages"]] == ["user", "assistant"]
    assert prompt["messages"][0]["content"]["text"].endswith("write more tests")


async def test_tool_result_snapshots() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SnapshotStore(Path(tmp))
        async with connect(build_notebook()) as session:
            link = tool_result_snapshot(await session.call_tool("link_note", {"name": "todo"}))
            added = tool_result_snapshot(await session.call_tool("add_note", {"name": "plan", "body": "ship it"}))
            store.assert_match("add-note", added)

        assert link["content"] == [
            {"type": "resource_link", "name": "todo", "uri": "notes://todo", "mimeType": "text/plain"}
        ]
        assert added["isError"] is False
        assert added["structuredContent"] == {"name": "plan", "size": 7}
        assert not is_error_payload(store.load("add-note"))
