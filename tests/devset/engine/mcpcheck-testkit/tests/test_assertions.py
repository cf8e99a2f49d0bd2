from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from pydantic import AnyUrl  # noqa: E402
from sample_servers import PNG_1x1, build_notebook, build_paged_server  # noqa: E402

from mcpcheck import (  # noqa: E402
    AssertionFailed,
    WireTap,
    assert_annotations,
    assert_input_schema,
    assert_mcp_error,
    assert_output_schema,
    assert_tool_error,
    collect_tools,
    first_text,
    open_fastmcp,
    open_lowlevel,
    read_blob,
    read_text,
)
from mcpcheck.assertions import (  # noqa: E402
    collect_resources,
    find_tool,
    icon_sources,
    image_mime_types,
    resource_links,
    resource_schemes,
    structured_or_json,
)


async def test_pagination_collects_every_page() -> None:
    tap = WireTap()
    async with open_lowlevel(build_paged_server(page_size=2), tap=tap) as connected:
        tools = await collect_tools(connected.session)
        assert [t.name for t in tools] == ["op_0", "op_1", "op_2", "op_3", "op_4"]
    cursors = [
        (frame.get("params") or {}).get("cursor") for frame in tap.outbound() if frame.get("method") == "tools/list"
    ]
    assert cursors == [None, "2", "4"]


async def test_tool_metadata_assertions() -> None:
    async with open_fastmcp(build_notebook()) as session:
        tools = await collect_tools(session)
        listing = find_tool(tools, "list_notes")
        ann = assert_annotations(listing, read_only=True, open_world=False, title="List notes")
        assert ann.destructiveHint is None
        assert icon_sources(listing) == [("data:image/svg+xml;base64,PHN2Zy8+", "image/svg+xml")]
        assert_output_schema(listing, properties=["result"])
        assert_output_schema(find_tool(tools, "summarize"), properties=["id", "title", "words"])
        assert_input_schema(find_tool(tools, "delete_note"), required=["note_id"], properties=["note_id"])
        assert_annotations(find_tool(tools, "delete_note"), destructive=True, idempotent=True)
        try:
            assert_annotations(listing, read_only=False)
        except AssertionFailed as exc:
            assert "readOnlyHint" in str(exc)
        else:
            raise AssertionError("mismatched hint was not reported")


async def test_error_results_and_protocol_errors() -> None:
    async with open_fastmcp(build_notebook()) as session:
        missing = await session.call_tool("delete_note", {"note_id": 99})
        assert "does not exist" in assert_tool_error(missing, contains="note 99")
    async with open_lowlevel(build_paged_server()) as connected:
        doubled = await connected.session.call_tool("op_1", {"value": 21})
        assert structured_or_json(doubled) == {"op": "op_1", "doubled": 42}
        disabled = await connected.session.call_tool("op_4", {"value": 1})
        assert disabled.isError
        assert first_text(disabled) == "op_4 is disabled"
        invalid = await connected.session.call_tool("op_0", {"value": "not a number"})
        assert_tool_error(invalid, contains="Input validation error")
        exc = await assert_mcp_error(
            connected.session.read_resource(AnyUrl("paged://nowhere")),
            code=types.INVALID_PARAMS,
            contains="no resource",
        )
        assert exc.error.message.endswith("paged://nowhere")
        assert await read_text(connected.session, "paged://readme", mime_type="text/plain")


async def test_content_helpers_read_images_links_and_blobs() -> None:
    async with open_fastmcp(build_notebook()) as session:
        badge = await session.call_tool("render_badge", {"label": "beta"})
        assert image_mime_types(badge) == ["image/png"]
        linked = await session.call_tool("link_note", {"note_id": 2})
        (link,) = resource_links(linked)
        assert link.uri.scheme == "notes" and link.uri.host == "2"
        assert link.mimeType == "text/markdown"
        body = await read_text(session, str(link.uri), mime_type="text/markdown")
        assert body.startswith("# Standup")
        data, mime = await read_blob(session, "notes://assets/logo.png")
        assert data == PNG_1x1 and mime == "image/png"
        assert resource_schemes(await collect_resources(session)) == {"notes"}
