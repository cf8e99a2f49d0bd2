from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import catalog_server, notes_server  # noqa: E402
from support import InMemoryOpener, memory_config  # noqa: E402

from deskmate import HostApp  # noqa: E402
from deskmate.connection import ConnectionState  # noqa: E402
from deskmate.registry import Approval, ToolEntry  # noqa: E402


def _host(answers: dict[str, bool] | None = None) -> tuple[HostApp, list[str]]:
    asked: list[str] = []

    async def confirm(entry: ToolEntry, arguments: dict[str, Any]) -> bool:
        asked.append(entry.qualified_name)
        return (answers or {}).get(entry.qualified_name, False)

    config = memory_config("notes", "catalog")
    config.servers["notes"].auto_approve.append("summarize")
    opener = InMemoryOpener({"notes": notes_server(), "catalog": catalog_server()})
    return HostApp(config, opener=opener, confirm=confirm), asked


async def test_connect_builds_registry_and_approvals() -> None:
    host, _ = _host()
    async with host:
        notes, catalog = host.connections["notes"], host.connections["catalog"]
        assert [notes.state, catalog.state] == [ConnectionState.READY] * 2
        assert (notes.server_info.name, catalog.server_info.version) == ("notes", "2.1.0")
        assert catalog.describe()["instructions"] == "Read-mostly product catalog."
        assert catalog.supports("logging") and not notes.supports("logging")
        assert catalog.supports("tools.listChanged") and await catalog.ping()

        # the catalog pages its tools two at a time
        assert [e.tool.name for e in host.registry.entries("catalog")] == ["explode", "reindex", "stats", "touch"]
        approvals = {e.qualified_name: host.registry.approval(e.qualified_name) for e in host.registry.entries()}
        assert [name for name, decision in approvals.items() if decision is Approval.AUTO] == [
            "catalog__stats", "notes__read_note", "notes__summarize",
        ]

        specs = {spec["name"]: spec for spec in host.registry.function_specs()}
        assert specs["catalog__reindex"]["input_schema"]["required"] == ["steps"]
        assert specs["catalog__stats"]["output_schema"]["required"] == ["items"]

        stats = next(tool for tool in host.registry.snapshot()["catalog"] if tool["name"] == "stats")
        assert stats["inputSchema"] == {"type": "object", "properties": {}, "required": []}
        assert stats["annotations"] == {"readOnlyHint": True}


async def test_call_tool_streams_progress_and_logs() -> None:
    host, asked = _host({"catalog__reindex": True})
    async with host:
        outcome = await host.call_tool("catalog__reindex", {"steps": 3})
        assert asked == ["catalog__reindex"] and not outcome.is_error
        assert outcome.structured == json.loads(outcome.text) == {"indexed": 2, "steps": 3}
        assert outcome.raw["structuredContent"] == {"indexed": 2, "steps": 3} and outcome.raw["isError"] is False
        assert outcome.progress == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]

        [item] = host.services.progress.items.values()
        assert item.history == [1, 2, 3] and item.done and item.message == "step 3"
        [line] = host.services.logs.for_server("catalog")
        assert (line.logger, line.level, json.loads(line.text)) == ("indexer", "notice", {"event": "reindexed", "steps": 3})
        assert json.loads(host.export_transcript())[0]["content"][0]["type"] == "text"


async def test_errors_denials_and_timeouts() -> None:
    host, asked = _host({"catalog__explode": True})
    async with host:
        boom = await host.call_tool("catalog__explode")
        assert boom.is_error and "on fire" in boom.text

        denied = await host.call_tool("notes__delete_note", {"name": "roadmap"})
        assert denied.denied and asked == ["catalog__explode", "notes__delete_note"]
        assert "tool-denied" in host.services.feed.kinds("notes")

        for name in ("notes__delete_note", "notes__slow"):
            host.registry.rules.remember(host.registry.resolve(name), allow=True)
        assert (await host.call_tool("notes__delete_note", {"name": "roadmap"})).text == "deleted roadmap"
        assert (await host.call_tool("notes__read_note", {"name": "roadmap"})).is_error

        late = await host.call_tool("notes__slow", {"seconds": 5}, timeout=timedelta(milliseconds=150))
        assert late.timed_out and late.is_error


async def test_list_changed_notifications_mark_registry_stale() -> None:
    host, _ = _host({"catalog__touch": True})
    async with host:
        catalog = host.connections["catalog"]
        assert await host.resources.watch(catalog, "catalog://items/2")
        assert (await host.call_tool("catalog__touch", {"item": "2"})).text == "touched 2"
        assert catalog.callbacks.inbound_methods == [
            "notifications/resources/updated",
            "notifications/tools/list_changed",
        ]
        assert host.resources.stale == {"catalog://items/2"} and host.registry.stale == {"catalog"}
        assert await host.refresh_stale_tools() == ["catalog"] and host.registry.stale == set()

        await host.set_log_level("error")
        await host.disconnect("catalog")
        assert host.registry.entries("catalog") == [] and catalog.state is ConnectionState.CLOSED
