"""Rendering of hand-built protocol objects, and the wire tracer."""

from __future__ import annotations

import base64
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl

import mcp.types as types

from catalog_server import build_catalog_server
from probe_inspector.inspector import Catalog
from probe_inspector.render import as_json, catalog_json, render_content, render_tool
from probe_inspector.wire import WireTrace, classify, decode_server_notification, parse_frames, request_frame
from support import inspector_for

DEPLOY_TOOL = {
    "name": "deploy",
    "title": "Deploy service",
    "description": "Roll out a build.\nSecond line is not shown.",
    "inputSchema": {"type": "object", "required": ["service"], "properties": {
        "service": {"type": "string"},
        "replicas": {"type": "integer", "default": 2},
        "regions": {"type": "array", "items": {"type": "string"}},
    }},
    "outputSchema": {"type": "object", "properties": {"url": {"type": "string"}, "ok": {"type": "boolean"}}},
    "annotations": {"destructiveHint": True, "openWorldHint": True},
    "icons": [{"src": "https://example.com/rocket.png", "mimeType": "image/png", "sizes": ["48x48"]}],
    "execution": {"taskSupport": "optional"},
    "_meta": {"team": "platform"},
}


def test_render_tool_and_json_snapshot() -> None:
    tool = types.Tool.model_validate(DEPLOY_TOOL)
    assert render_tool(tool, verbose=True) == [
        "deploy -- Deploy service  [destructive, open-world]",
        "    Roll out a build.",
        "    - service: string",
        "    - replicas?: integer = 2",
        "    - regions?: string[]",
        "    returns: {ok, url}",
        "    tasks: optional",
        "    icons: image/png@48x48",
        '    _meta: {"team": "platform"}',
    ]
    dumped = catalog_json(Catalog(tools=[tool]))["tools"][0]
    assert dumped["inputSchema"] == DEPLOY_TOOL["inputSchema"]
    assert dumped["annotations"] == {"destructiveHint": True, "openWorldHint": True}
    assert dumped["execution"] == {"taskSupport": types.TASK_OPTIONAL}
    result = types.CallToolResult(content=[], structuredContent={"ok": True}, isError=True)
    assert as_json(result) == {"content": [], "structuredContent": {"ok": True}, "isError": True}


def test_render_content_variants() -> None:
    blocks: list[types.Content] = [
        types.TextContent(type="text", text="hello"),
        types.ImageContent(type="image", data=base64.b64encode(b"\x89PNG....").decode(), mimeType="image/png"),
        types.ResourceLink(type="resource_link", name="spec", uri=AnyUrl("https://example.com/spec"), mimeType="text/html"),
        types.EmbeddedResource(
            type="resource",
            resource=types.BlobResourceContents(uri=AnyUrl("file:///tmp/x.bin"), blob=base64.b64encode(b"xyz").decode()),
        ),
    ]
    assert [render_content(b) for b in blocks] == [
        "hello",
        "[image image/png, 8 bytes]",
        "[link https://example.com/spec text/html]",
        "<file:///tmp/x.bin application/octet-stream, 3 bytes binary>",
    ]
    assert str(types.Resource(name="site", uri=AnyUrl("https://example.com")).uri) == "https://example.com/"


def test_parse_frames_and_decode_notifications() -> None:
    lines = [
        '{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}',
        '{"jsonrpc": "2.0", "method": "notifications/tools/list_changed"}',
        '{"jsonrpc": "2.0", "id": 1, "result": {"tools": []}}',
        "",
        '{"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "Parse error"}}',
    ]
    messages, bad = parse_frames(lines)
    assert bad == [5]
    assert [classify(m, "recv").line() for m in messages] == [
        "<- request      tools/list#1",
        "<- notification notifications/tools/list_changed",
        "<- response     #1",
    ]
    ping = request_frame(7, "ping")
    assert ping.message.model_dump(by_alias=True, exclude_none=True) == {"jsonrpc": "2.0", "id": 7, "method": "ping"}
    log = decode_server_notification({"method": "notifications/message", "params": {"level": "error", "data": "full"}})
    assert isinstance(log, types.LoggingMessageNotification) and log.params.data == "full"


async def test_wire_trace_records_the_handshake() -> None:
    trace = WireTrace()
    async with inspector_for(build_catalog_server(), trace=trace) as inspector:
        await inspector.list_tools()
        await inspector.ping()
    sent = trace.methods("send")
    assert sent[:2] == ["initialize", "notifications/initialized"]
    assert sent.count("tools/list") == 3 and sent[-1] == "ping"
    assert trace.dump()[0] == "-> request      initialize#0"
    ping_frame = next(f for f in trace.frames if f.method == "ping")
    assert ping_frame.payload == {"jsonrpc": "2.0", "id": ping_frame.id, "method": "ping"}
