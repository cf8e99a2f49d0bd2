import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types
from harness import upstream_for
from mcp import McpError
from pydantic import AnyUrl
from servers import PNG_BYTES, build_paged_server, build_workspace_server

from relay.connection import RelayClient
from relay.content import origin_of, render_tool_result, resource_attachments, resource_text, snapshot
from relay.errors import Disposition, UpstreamFailure, pending_elicitations


async def test_render_mixed_content_blocks():
    async with RelayClient() as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            result = await ws.call("gallery")
    rendered = render_tool_result(result)
    assert rendered.text.splitlines() == [
        "two attachments",
        f"[image: image/png, {len(PNG_BYTES)} bytes]",
        "[embedded blob://logo.png: image/png]",
        "[link inbox: notes://inbox]",
    ]
    assert [a.mime_type for a in rendered.attachments] == ["image/png", "image/png"]
    assert rendered.attachments[1].data == PNG_BYTES
    assert rendered.links == ["notes://inbox"]

    dumped = snapshot(result)
    assert dumped["isError"] is False
    assert dumped["content"][1]["mimeType"] == "image/png"
    assert dumped["content"][3]["uri"] == AnyUrl("notes://inbox")


async def test_resource_contents():
    async with RelayClient() as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            inbox = await ws.read("notes://inbox")
            templated = await ws.read(AnyUrl("notes://work/todo"))
            logo = await ws.read("blob://logo.png")
    assert resource_text(inbox) == "buy milk\nship relay"
    assert inbox.contents[0].mimeType == "text/plain"
    assert resource_text(templated) == "work/todo: empty"
    assert origin_of(templated.contents[0].uri) == "notes:work/todo"
    assert [a.data for a in resource_attachments(logo)] == [PNG_BYTES]
    assert resource_text(logo) == f"<image/png {len(PNG_BYTES)} bytes>"


async def test_timeouts_are_retried_then_reported():
    async with RelayClient() as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            try:
                await ws.call("slow", {"seconds": 2.0}, timeout=timedelta(milliseconds=50))
            except UpstreamFailure as failure:
                assert failure.disposition is Disposition.RETRY
                assert failure.code == 408
                assert isinstance(failure.__cause__, McpError)
                assert "Timed out" in failure.__cause__.error.message
            else:
                raise AssertionError("slow tool should have timed out")
            assert ws.calls == 1


async def test_tool_errors_and_url_elicitation():
    async with RelayClient() as relay:
        async with upstream_for(relay, "ws", build_workspace_server()) as ws:
            locked = await ws.call("locked", {"path": "/etc/motd"})
            assert locked.isError
            block = locked.content[0]
            assert isinstance(block, types.TextContent) and "/etc/motd is locked" in block.text
            try:
                await ws.call("connect_drive")
            except UpstreamFailure as failure:
                assert failure.disposition is Disposition.NEEDS_USER
                assert isinstance(failure.__cause__, McpError)
                pending = pending_elicitations(failure.__cause__)
                assert [(p.elicitationId, p.url) for p in pending] == [
                    ("drive-1", "https://drive.example/authorize?x=1")
                ]
            else:
                raise AssertionError("expected URL elicitation")


async def test_missing_resource_and_unsupported_method():
    async with RelayClient() as relay:
        async with upstream_for(relay, "paged", build_paged_server()) as paged:
            try:
                await paged.read("docs://pages/99")
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
                assert "no such page" in exc.error.message
            else:
                raise AssertionError("expected McpError")
            try:
                await paged.prompt("draft")
            except McpError as exc:
                assert exc.error.code == types.METHOD_NOT_FOUND
            else:
                raise AssertionError("paged server has no prompts/get handler")
