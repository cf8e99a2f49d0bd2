"""Inspector against a lowlevel server: pagination, subscriptions, notifications."""

from __future__ import annotations

import base64
import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import anyio

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session

from catalog_server import CatalogState, build_catalog_server
from probe_inspector.callbacks import ClientCallbacks, ProgressRecorder
from probe_inspector.inspector import Inspector, InspectorError
from probe_inspector.render import render_catalog, render_resource_contents
from support import inspector_for


async def test_pagination_and_structured_results() -> None:
    progress = ProgressRecorder()
    async with inspector_for(build_catalog_server()) as inspector:
        catalog = await inspector.catalog()
        first_page = await inspector.session.list_tools()
        result = await inspector.call_tool("square_3", {"n": 7}, progress=progress)
        bad_input = await inspector.call_tool("square_1", {"n": "seven"})
    assert inspector.summary is not None and inspector.summary.version == "2.1.0"
    assert first_page.nextCursor == "2"
    assert [t.name for t in catalog.tools] == [f"square_{i}" for i in range(5)] + ["bump"]
    assert result.structuredContent == {"square": 49} and progress.events == [(1.0, 1.0, "squared")]
    assert bad_input.isError and "Input validation error" in str(bad_input.content[0])
    text = "\n".join(render_catalog(catalog))
    assert "Tools (6)\n  square_0 -- Square #0\n      - n: integer\n      returns: {square}" in text
    assert "  file:///srv/catalog/blob.bin  (file:/srv/catalog/blob.bin)  4 bytes" in text
    assert "  catalog://tools/{name}\n      tool-doc" in text and "  triage(ticket, [team])" in text


async def test_subscriptions_and_list_changed_notifications() -> None:
    state = CatalogState()
    callbacks = ClientCallbacks()
    async with inspector_for(build_catalog_server(state), callbacks) as inspector:
        assert await inspector.set_log_level("notice")
        await inspector.subscribe("catalog://stats")
        await inspector.call_tool("bump")
        await inspector.subscribe("catalog://stats", on=False)
        await inspector.call_tool("bump")
        await anyio.sleep(0.05)
        stats = await inspector.read_resource("catalog://stats")
    assert callbacks.updated_resources == ["catalog://stats"]
    assert callbacks.changed_lists == {"tools"}
    assert [m.data for m in callbacks.log_messages] == [{"bumps": 1}, {"bumps": 2}]
    contents = stats.contents[0]
    assert isinstance(contents, types.TextResourceContents)
    assert json.loads(contents.text) == {"bumps": 2, "level": "notice"}


async def test_resource_reads_and_errors() -> None:
    async with inspector_for(build_catalog_server()) as inspector:
        doc = await inspector.read_resource("catalog://tools/square_2")
        blob = await inspector.read_resource("file:///srv/catalog/blob.bin")
        try:
            await inspector.read_resource("ftp://elsewhere/thing")
        except InspectorError as exc:
            assert exc.code == types.INVALID_PARAMS and exc.data == {"uri": "ftp://elsewhere/thing"}
        else:
            raise AssertionError("unknown resource should raise")
    assert render_resource_contents(doc.contents[0]) == "<catalog://tools/square_2 text/plain>\ndocs for square_2"
    raw = blob.contents[0]
    assert isinstance(raw, types.BlobResourceContents) and base64.b64decode(raw.blob) == b"\x00\x01\x02\x03"


async def test_prebuilt_session_from_memory_helper() -> None:
    logged: list[types.LoggingMessageNotificationParams] = []

    async def on_log(params: types.LoggingMessageNotificationParams) -> None:
        logged.append(params)

    async def no_roots(context: RequestContext[ClientSession, Any]) -> types.ListRootsResult:
        return types.ListRootsResult(roots=[])

    async with create_connected_server_and_client_session(
        build_catalog_server(), logging_callback=on_log, list_roots_callback=no_roots
    ) as session:
        inspector = Inspector(session, ClientCallbacks(), server_name="prebuilt")
        caps = inspector.capabilities()
        assert caps.resources is not None and caps.resources.subscribe is False
        assert await inspector.ping() >= 0
        await inspector.announce_roots_changed()
        await inspector.call_tool("bump")
    assert [(p.logger, p.data) for p in logged] == [("catalog", {"bumps": 1})]
    assert inspector.history.entries[0].server == "prebuilt"
