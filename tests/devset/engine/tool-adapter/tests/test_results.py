from __future__ import annotations

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl

import mcp.types as types
from toolbridge.results import (
    ToolExecutionError,
    content_block_to_part,
    convert_call_tool_result,
    describe_uri,
    result_snapshot,
)


def _mixed_result() -> types.CallToolResult:
    csv_bytes = b"city,high\noslo,7\n"
    return types.CallToolResult(
        content=[
            types.TextContent(type="text", text='{"rows": 1}'),
            types.ImageContent(type="image", data="aGVsbG8=", mimeType="image/png"),
            types.EmbeddedResource(
                type="resource",
                resource=types.BlobResourceContents(
                    uri=AnyUrl("file:///exports/highs.csv"),
                    mimeType="text/csv",
                    blob=base64.b64encode(csv_bytes).decode(),
                ),
            ),
            types.ResourceLink(
                type="resource_link",
                uri=AnyUrl("https://cdn.example.com/maps/oslo.pdf"),
                name="oslo-map",
                mimeType="application/pdf",
            ),
        ],
        structuredContent={"rows": 1},
    )


def test_convert_mixed_content_blocks() -> None:
    output = convert_call_tool_result("export", _mixed_result())

    assert not output.isError
    kinds = [p.type for p in output.parts]
    assert kinds == ["text", "image", "text", "file"]
    assert output.parts[1].mimeType == "image/png"
    assert output.parts[2].text == "city,high\noslo,7\n"
    assert output.parts[2].uri == "file:///exports/highs.csv"
    assert output.parts[3].text == "[oslo-map](https://cdn.example.com/maps/oslo.pdf)"
    assert output.artifact is not None
    assert output.artifact["structuredContent"] == {"rows": 1}
    attachments = output.artifact["attachments"]
    assert attachments[0]["resource"]["mimeType"] == "text/csv"
    assert attachments[1]["type"] == "resource_link"

    wire = output.to_wire()
    assert wire["isError"] is False
    assert wire["content"][1] == {"type": "image", "data": "aGVsbG8=", "mimeType": "image/png"}

    preferred = convert_call_tool_result("export", _mixed_result(), prefer_structured=True)
    assert preferred.parts[0].type == "json" and preferred.parts[0].value == {"rows": 1}
    assert [p.type for p in preferred.parts[1:]] == ["image", "text", "file"]


def test_error_results_and_snapshots() -> None:
    failing = types.CallToolResult(
        content=[types.TextContent(type="text", text="disk full")],
        isError=True,
    )
    soft = convert_call_tool_result("save", failing)
    assert soft.isError and soft.text == "disk full"
    assert soft.as_message("call-1", name="save").toolCallId == "call-1"

    try:
        convert_call_tool_result("save", failing, raise_on_error=True)
    except ToolExecutionError as exc:
        assert exc.tool_name == "save"
        assert exc.result is failing
    else:
        raise AssertionError("expected ToolExecutionError")

    snapshot = result_snapshot(_mixed_result())
    assert snapshot["isError"] is False
    assert snapshot["structuredContent"] == {"rows": 1}
    assert snapshot["content"][3]["uri"] == "https://cdn.example.com/maps/oslo.pdf"


def test_uri_helpers_and_normalisation() -> None:
    info = describe_uri(AnyUrl("https://files.example.com/reports/OSL.pdf"))
    assert info == {"scheme": "https", "host": "files.example.com", "path": "/reports/OSL.pdf", "filename": "OSL.pdf"}
    bare = describe_uri(AnyUrl("weather://readme"))
    assert bare["host"] == "readme" and bare["filename"] == "readme"

    link = types.ResourceLink(type="resource_link", uri=AnyUrl("https://example.com"), name="home")
    part = content_block_to_part(link)
    assert part.uri == "https://example.com/"
