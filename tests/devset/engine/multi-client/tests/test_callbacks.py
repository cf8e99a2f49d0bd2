import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))

import httpx
from servers import build_catalog_server, build_notes_server, hub_for, raises

import mcp.types as types
from mcp import McpError
from switchboard.callbacks import ClientCallbacks
from switchboard.hub import Hub


async def test_sampling_is_answered_by_local_model():
    callbacks = ClientCallbacks()
    async with hub_for(Hub(callbacks), notes=build_notes_server()) as hub:
        outcome = await hub.call("notes.summarize", {"note_id": "n2"})
    assert outcome.text == "tiny: [terse] call the plumber (endTurn)"
    [sampled] = callbacks.of_kind("sampling")
    assert sampled["max_tokens"] == 3 and sampled["system_prompt"] == "terse" and sampled["hints"] == ["tiny"]


async def test_elicitation_accepts_or_cancels():
    willing = ClientCallbacks(answers={"confirm": True})
    async with hub_for(Hub(willing), notes=build_notes_server()) as hub:
        assert (await hub.call("notes.delete_note", {"note_id": "n1"})).text == "deleted (cleanup)"
        assert (await hub.call("notes.list_notes")).structured == {"ids": ["n2"]}
    assert willing.of_kind("elicit-form")[0]["content"] == {"confirm": True, "reason": "cleanup"}

    unsure = ClientCallbacks()
    async with hub_for(Hub(unsure), notes=build_notes_server()) as hub:
        assert (await hub.call("notes.delete_note", {"note_id": "n1"})).text == "kept (cancel)"
    assert unsure.of_kind("elicit-cancel")[0]["missing"] == "confirm"


async def test_roots_logging_and_progress():
    root = Path(tempfile.mkdtemp(prefix="switchboard-root-"))
    callbacks = ClientCallbacks(roots=[root])
    seen: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, total, message))

    async with hub_for(Hub(callbacks), notes=build_notes_server(), catalog=build_catalog_server()) as hub:
        workspace = await hub.call("notes.workspace")
        assert workspace.structured == {"result": [root.resolve().as_uri()]}
        assert (await hub.call("notes.reindex", {"batches": 2}, on_progress=on_progress)).text == "reindexed"
        assert await hub.set_log_level("debug") == ["catalog"]
        await hub.roots_changed()
    assert seen == [(1, 2, "batch 1"), (2, 2, "batch 2")]
    assert [(e["server"], e["value"]) for e in callbacks.of_kind("progress")] == [("notes", 1), ("notes", 2)]
    logs = callbacks.of_kind("log")
    assert logs and logs[0]["level"] == "info" and logs[0]["data"] == "reindexed 2 notes"


async def test_notifications_mark_catalog_stale():
    callbacks = ClientCallbacks()
    async with hub_for(Hub(callbacks), subscribe=True, catalog=build_catalog_server()) as hub:
        assert await hub.subscribe("catalog://items/sku-1") == "catalog"
        outcome = await hub.call("catalog.restock", {"sku": "sku-1"})
        assert outcome.text == "restocked sku-1"
        assert "catalog:tools" in callbacks.stale
        assert await hub.refresh_stale() == ["catalog"]
        assert not callbacks.stale
    [updated] = callbacks.of_kind("resource-updated")
    assert updated == {"server": "catalog", "uri": "catalog://items/sku-1", "host": "items"}


async def test_subscribe_requires_capability():
    async with hub_for(Hub(), catalog=build_catalog_server()) as hub:
        refused = await raises(McpError, hub.subscribe("catalog://items/sku-1"))
        assert refused.error.code == types.METHOD_NOT_FOUND and "no subscriptions" in refused.error.message


async def test_timeouts_are_retried():
    async with hub_for(Hub(retries=1), notes=build_notes_server()) as hub:
        outcome = await hub.call("notes.export", timeout=timedelta(seconds=0.3))
        assert outcome.text == "exported on attempt 2"

    async with hub_for(Hub(retries=0), notes=build_notes_server()) as hub:
        timed_out = await raises(McpError, hub.call("notes.export", timeout=timedelta(seconds=0.2)))
        assert timed_out.error.code == httpx.codes.REQUEST_TIMEOUT and "Timed out" in timed_out.error.message
