"""Progress notifications, logging and request _meta."""

from __future__ import annotations

from datetime import timedelta

import anyio
import mcp.types as types

from docstore.client import DocStoreClient, NotificationLog, ProgressLog
from tests.harness import LogSink, connected, make_server

DOCS = [
    {"collection": "imports", "slug": f"doc-{i}", "title": f"Imported {i}", "body": f"body {i}"} for i in range(4)
]


async def test_bulk_import_reports_progress_for_each_document() -> None:
    server = make_server()
    logs = LogSink()
    async with connected(server, logging_callback=logs) as session:
        await session.set_logging_level("info")
        progress = ProgressLog()
        result = await DocStoreClient(session).bulk_import(
            DOCS + [{"collection": "imports", "slug": "Bad Slug!", "title": "x", "body": "y"}],
            on_progress=progress,
            timeout=timedelta(seconds=5),
        )
        assert result.isError is False
        summary = result.structuredContent or {}
        assert summary["created"] == 4
        assert len(summary["failed"]) == 1
        assert summary["progressSent"] == 5
        with anyio.fail_after(2):
            while len(progress.events) < 5:
                await anyio.sleep(0.01)
        assert [event[0] for event in progress.events] == [1.0, 2.0, 3.0, 4.0, 5.0]
        assert all(event[1] == 5.0 for event in progress.events)
        assert progress.events[-1][2] == "5/5 imports/Bad Slug!"
        assert "importing 5 documents" in logs.data
        assert any(isinstance(d, str) and d.startswith("skipped imports/Bad Slug!") for d in logs.data)
        warnings = [m for m in logs.messages if m.level == "warning"]
        assert warnings and warnings[0].logger == "docstore.import"
    assert len(server.store) == 8


async def test_log_level_filters_messages_and_meta_is_passed_through() -> None:
    server = make_server()
    logs = LogSink()
    inbox = NotificationLog()
    async with connected(server, logging_callback=logs, message_handler=inbox) as session:
        await session.set_logging_level("error")
        result = await session.call_tool(
            "bulk_import",
            {"documents": DOCS[:2]},
            meta={"progressToken": "import-1", "client_tag": "nightly"},
        )
        assert result.content
        assert logs.messages == []
        assert inbox.list_changed == 1

        stats = (await session.call_tool("store_stats", {}, meta={"client_tag": "nightly"})).structuredContent
        assert stats is not None
        assert stats["clientTag"] == "nightly"
        assert stats["logLevel"] == "error"
        assert stats["importsRun"] == 1

        await session.send_progress_notification("client-side", 0.5, total=1.0, message="halfway")
        await session.send_roots_list_changed()
        with anyio.fail_after(2):
            while server.roots_changes < 1:
                await anyio.sleep(0.01)
        assert server.client_progress == {"client-side": 0.5}
    meta = types.RequestParams.Meta.model_validate({"progressToken": "abc", "client_tag": "x"})
    assert meta.progressToken == "abc" and meta.model_extra == {"client_tag": "x"}
