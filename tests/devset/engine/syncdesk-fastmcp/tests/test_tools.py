from __future__ import annotations

import base64
import os
import sys
import tempfile
from pathlib import Path

import httpx
from mcp.types import AudioContent, ImageContent

sys.path.insert(0, os.path.dirname(__file__))

from support import connected, first_text  # noqa: E402

from syncdesk import imaging  # noqa: E402
from syncdesk.app import use_probe_transport  # noqa: E402
from syncdesk.deskclient import LogSink, attachment_roots, collect_tools, payload_of, tool_catalog  # noqa: E402


async def test_tool_catalog_exposes_schemas_and_hints() -> None:
    async with connected() as session:
        tools = await collect_tools(session)
        catalog = tool_catalog(tools)

    assert {"open_ticket", "list_tickets", "bulk_close", "render_macro", "desk_info"} <= set(catalog)
    assert catalog["desk_info"]["readOnly"] is True
    assert catalog["close_ticket"]["destructive"] is True
    assert catalog["open_ticket"]["structured"] is True
    assert catalog["open_ticket"]["icons"] == ["image/svg+xml"]
    assert catalog["open_ticket"]["title"] == "Open a ticket"
    assert catalog["render_macro"]["structured"] is False
    # the context parameter never leaks into the schema
    assert "ctx" not in catalog["open_ticket"]["params"]
    assert set(catalog["open_ticket"]["required"]) == {"queue", "subject", "body"}
    by_name = {t.name: t for t in tools}
    assert by_name["open_ticket"].outputSchema is not None
    assert "ticket_id" in by_name["open_ticket"].outputSchema["properties"]


async def test_open_list_and_page_tickets() -> None:
    async with connected() as session:
        opened = await session.call_tool(
            "open_ticket",
            {"queue": "infra", "subject": "Disk full on build-3", "body": "df says 100%", "priority": "high"},
        )
        assert not opened.isError
        assert opened.structuredContent is not None
        assert opened.structuredContent["queue"] == "infra"
        assert opened.structuredContent["uri"].startswith("tickets://infra/")

        first = await session.call_tool("list_tickets", {"limit": 4})
        page = payload_of(first)
        assert len(page["items"]) == 4
        assert page["nextCursor"]
        second = await session.call_tool("list_tickets", {"limit": 4, "cursor": page["nextCursor"]})
        rest = payload_of(second)
        assert [t["ticketId"] for t in rest["items"]] == [5, 6]
        assert rest["nextCursor"] is None

        bad = await session.call_tool("list_tickets", {"cursor": "!!"})
        assert bad.isError
        assert "malformed cursor" in first_text(bad)


async def test_tool_failures_become_error_results() -> None:
    async with connected() as session:
        missing = await session.call_tool("assign_ticket", {"ticket_id": 999, "assignee": "sam"})
        assert missing.isError
        assert "ticket 999 does not exist" in first_text(missing)

        invalid = await session.call_tool("escalate_ticket", {"ticket_id": 1, "priority": "asap"})
        assert invalid.isError
        assert "priority must be one of" in first_text(invalid)

        lower = await session.call_tool("escalate_ticket", {"ticket_id": 2, "priority": "low"})
        assert lower.isError

        closed = await session.call_tool("close_ticket", {"ticket_id": 3, "resolution": "refunded"})
        assert not closed.isError
        assert closed.structuredContent == {"ticketId": 3, "status": "closed", "resolution": "refunded"}
        again = await session.call_tool("close_ticket", {"ticket_id": 3, "resolution": "dup"})
        assert again.isError
        assert first_text(again) == "Ticket #3 is already closed"


async def test_bulk_close_reports_progress_and_logs() -> None:
    sink = LogSink()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with connected(logging_callback=sink) as session:
        result = await session.call_tool(
            "bulk_close",
            {"queue": "support", "older_than_days": 0},
            progress_callback=on_progress,
        )
        assert first_text(result) == "Closed 2 ticket(s) in support"
        stats = await session.call_tool("ticket_stats", {"queue": "support"})
        assert payload_of(stats) == {"open": 0, "pending": 0, "closed": 2}

    assert [u[0] for u in updates] == [1, 2]
    assert all(u[1] == 2 for u in updates)
    assert updates[0][2] == "#1 Cannot reset password"
    assert sink.messages("info")[0] == "bulk_close: 2 candidate(s) in support"
    assert ("info", "syncdesk.bulk", "Closed 2 ticket(s)") in sink.records


async def test_badge_and_chime_are_media_blocks() -> None:
    async with connected() as session:
        badge = await session.call_tool("ticket_badge", {"ticket_id": 2, "size": 8})
        chime = await session.call_tool("ticket_chime", {"priority": "urgent"})

    image = badge.content[0]
    assert isinstance(image, ImageContent)
    assert image.mimeType == "image/png"
    assert imaging.is_png(base64.b64decode(image.data))
    audio = chime.content[0]
    assert isinstance(audio, AudioContent)
    assert audio.mimeType == "audio/wav"
    assert imaging.is_wav(base64.b64decode(audio.data))


async def test_check_status_uses_blocking_probe_with_retries() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) == 1:
            return httpx.Response(503, text="busy")
        return httpx.Response(
            200,
            json={
                "status": {"indicator": "minor", "description": "Partial outage"},
                "components": [{"name": "api", "status": "degraded"}, {"name": "web", "status": "operational"}],
            },
        )

    use_probe_transport(httpx.MockTransport(handler))
    try:
        async with connected() as session:
            result = await session.call_tool("check_status", {})
            info = await session.call_tool("desk_info", {})
    finally:
        use_probe_transport(None)

    assert first_text(result) == "minor: Partial outage (degraded: api)"
    assert len(calls) == 2
    details = payload_of(info)
    assert details["name"] == "syncdesk"
    assert details["queues"] == ["support", "billing", "infra"]
    assert details["endpoints"]["streamableHttp"] == "/mcp"


async def test_whoami_and_roots_over_memory_transport() -> None:
    shared = Path(tempfile.mkdtemp(prefix="attachments-"))
    sink = LogSink()
    async with connected(list_roots_callback=attachment_roots(shared), logging_callback=sink) as session:
        me = payload_of(await session.call_tool("whoami", {}))
        roots = await session.call_tool("attachment_folders", {})

    assert me["agent"] == "pytest-agent"
    assert me["transport"] == "stream"
    assert me["userAgent"] is None
    assert payload_of(roots) == {"result": [str(shared.resolve())]}
    assert sink.messages("info") == ["client shares 1 folder(s)"]
