from __future__ import annotations

import base64
from typing import Any

from mcp import types
from mcp.types import Content
from pydantic import AnyUrl, TypeAdapter

from agentwire.convert import (
    content_to_part,
    prompt_to_messages,
    reply_to_sampling_result,
    sampling_request_to_chat,
    snapshot,
    tool_result_to_message,
    tool_to_spec,
)
from agentwire.messages import AudioPart, FilePart, ImagePart, LinkPart, ModelReply, TextPart


def test_every_content_block_kind_maps_to_a_part() -> None:
    blob = base64.b64encode(b"\x89PNG").decode()
    # Blocks as captured from a tools/call response on the wire.
    captured: list[dict[str, Any]] = [
        {"type": "text", "text": "hello"},
        {"type": "image", "data": blob, "mimeType": "image/png"},
        {"type": "audio", "data": blob, "mimeType": "audio/ogg"},
        {"type": "resource", "resource": {"uri": "memo://inbox/1", "mimeType": "text/plain", "text": "memo"}},
        {"type": "resource", "resource": {"uri": "file:///tmp/a.bin", "blob": blob}},
    ]
    link_block = types.ResourceLink(
        type="resource_link", name="spec", uri=AnyUrl("https://example.com"), mimeType="text/html"
    )
    blocks: list[Content] = [*TypeAdapter(list[Content]).validate_python(captured), link_block]
    parts = [content_to_part(b) for b in blocks]

    assert parts[0] == TextPart(text="hello")
    assert isinstance(parts[1], ImagePart) and parts[1].mimeType == "image/png"
    assert isinstance(parts[2], AudioPart) and parts[2].mimeType == "audio/ogg"
    assert isinstance(parts[3], FilePart) and parts[3].text == "memo" and parts[3].uri == "memo://inbox/1"
    assert isinstance(parts[4], FilePart) and parts[4].is_binary
    assert parts[4].mimeType == "application/octet-stream"
    link = parts[5]
    assert isinstance(link, LinkPart)
    # AnyUrl normalises a bare host with a trailing slash
    assert link.uri == "https://example.com/"
    assert link_block.uri.host == "example.com" and link_block.uri.scheme == "https"


def test_structured_tool_result_becomes_artifact() -> None:
    result = types.CallToolResult.model_validate(
        {"content": [], "structuredContent": {"temp": 21, "city": "Oslo"}, "isError": False}
    )
    message = tool_result_to_message(result, tool_name="weather", tool_call_id="call_1")

    assert message.role == "tool" and message.toolCallId == "call_1"
    assert message.artifact == {"temp": 21, "city": "Oslo"}
    assert message.text == '{"city": "Oslo", "temp": 21}'
    assert not message.isError

    failed = tool_result_to_message(
        types.CallToolResult.model_validate({"content": [], "isError": True}), tool_name="weather"
    )
    assert failed.isError and "failed without details" in failed.text


def test_tool_spec_reads_schema_and_hints() -> None:
    tool = types.Tool.model_validate(
        {
            "name": "delete_row",
            "description": "Delete a row",
            "inputSchema": {"properties": {"id": {"type": "integer"}}, "required": ["id"]},
            "outputSchema": {"type": "object", "properties": {"deleted": {"type": "boolean"}}},
            "annotations": {"destructiveHint": True, "idempotentHint": True, "openWorldHint": False},
            "execution": {"taskSupport": "forbidden"},
        }
    )
    spec = tool_to_spec(tool, prefix="db_", server="db")

    assert spec.name == "db_delete_row"
    assert spec.parameters["type"] == "object"
    assert spec.parameters["required"] == ["id"]
    assert spec.returns == tool.outputSchema
    assert spec.destructive and not spec.readOnly
    assert spec.metadata == {"idempotent": True, "open_world": False}

    dumped = snapshot(tool)
    assert "inputSchema" in dumped and dumped["annotations"]["destructiveHint"] is True


def test_sampling_round_trip() -> None:
    params = types.CreateMessageRequestParams(
        messages=[
            types.SamplingMessage(role="user", content=types.TextContent(type="text", text="hi")),
            types.SamplingMessage(role="assistant", content=types.TextContent(type="text", text="hello")),
        ],
        systemPrompt="be brief",
        maxTokens=10,
    )
    history = sampling_request_to_chat(params)
    assert [m.role for m in history] == ["system", "user", "assistant"]
    assert history[0].text == "be brief"

    result = reply_to_sampling_result(ModelReply(text="ok", model="m-1", stop_reason="max_tokens"))
    assert result.stopReason == "maxTokens"
    assert result.model == "m-1"
    assert isinstance(result.content, types.TextContent) and result.content.text == "ok"


def test_prompt_messages_are_merged_by_role() -> None:
    prompt = types.GetPromptResult(
        description="triage",
        messages=[
            types.PromptMessage(role="user", content=types.TextContent(type="text", text="a")),
            types.PromptMessage(role="user", content=types.TextContent(type="text", text="b")),
            types.PromptMessage(role="assistant", content=types.TextContent(type="text", text="c")),
        ],
    )
    messages = prompt_to_messages(prompt)
    assert [m.role for m in messages] == ["system", "user", "assistant"]
    assert messages[1].text == "a\nb"
