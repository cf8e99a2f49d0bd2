from __future__ import annotations

import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from sample_servers import build_notebook  # noqa: E402

from mcpcheck import SnapshotStore, capture_listing, open_fastmcp  # noqa: E402
from mcpcheck.snapshot import render, tool_names_with_field  # noqa: E402


async def test_snapshot_round_trip_uses_wire_field_names() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SnapshotStore(tmp)
        async with open_fastmcp(build_notebook()) as session:
            snapshot = await capture_listing(session)
        first = store.check("notebook", snapshot)
        assert first.created and first.matches
        second = store.check("notebook", snapshot)
        assert not second.created and second.matches

        saved = json.loads(store.path_for("notebook").read_text())
        delete_note = next(t for t in saved["tools"] if t["name"] == "delete_note")
        assert delete_note["inputSchema"]["required"] == ["note_id"]
        assert delete_note["annotations"] == {"destructiveHint": True, "idempotentHint": True}
        assert sorted(tool_names_with_field(saved, "outputSchema")) == ["delete_note", "link_note", "list_notes", "summarize"]
        assert "outputSchema" not in next(t for t in saved["tools"] if t["name"] == "render_badge")
        assert [t["uriTemplate"] for t in saved["resourceTemplates"]] == ["notes://{note_id}"]
        mime_types = {r["uri"]: r["mimeType"] for r in saved["resources"]}
        assert mime_types == {"notes://assets/logo.png": "image/png", "notes://index": "application/json"}
        digest = next(p for p in saved["prompts"] if p["name"] == "daily_digest")
        assert digest["title"] == "Daily digest"


async def test_snapshot_detects_a_new_tool() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = SnapshotStore(tmp)
        async with open_fastmcp(build_notebook()) as session:
            store.check("notebook", await capture_listing(session, include_prompts=False))

        changed = build_notebook()

        @changed.tool()
        def archive_note(note_id: int) -> str:
            return f"archived {note_id}"

        async with open_fastmcp(changed) as session:
            live = await capture_listing(session, include_prompts=False)
        result = store.check("notebook", live)
        assert not result.matches
        added = [line for line in result.diff if line.startswith("+") and "archive_note" in line]
        assert added, render(live)
        try:
            store.assert_matches("notebook", live)
        except AssertionError as exc:
            assert "snapshot mismatch" in str(exc)
        else:
            raise AssertionError("drift went unnoticed")
