"""Conversion of MCP content blocks into agentkit message parts."""

from __future__ import annotations

import json
from typing import Any

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    Content,
    EmbeddedResource,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
)

from agentkit_mcp.messages import MessagePart, ToolMessage

# Servers sometimes put rendering hints under this _meta key.
UI_HINT_KEY = "agentkit/ui"


def _hints(meta: dict[str, Any] | None) -> dict[str, Any]:
    if not meta:
        return {}
    hint = meta.get(UI_HINT_KEY)
    return dict(hint) if isinstance(hint, dict) else {}


def convert_block(block: Content) -> MessagePart:
    if isinstance(block, TextContent):
        return MessagePart(kind="text", text=block.text, metadata=_hints(block.meta))
    if isinstance(block, ImageContent):
        return MessagePart(kind="image", data=block.data, mime_type=block.mimeType, metadata=_hints(block.meta))
    if isinstance(block, AudioContent):
        return MessagePart(kind="audio", data=block.data, mime_type=block.mimeType)
    if isinstance(block, ResourceLink):
        label = block.title or block.name
        # file:// links are rendered as attachments, everything else as a hyperlink
        kind = "file" if block.uri.scheme == "file" else "link"
        return MessagePart(
            kind=kind,
            text=label,
            uri=str(block.uri),
            mime_type=block.mimeType,
            metadata={"host": block.uri.host, "size": block.size},
        )
    return _convert_embedded(block)


def _convert_embedded(block: EmbeddedResource) -> MessagePart:
    res = block.resource
    uri = str(res.uri)
    if isinstance(res, TextResourceContents):
        if res.mimeType == "application/json":
            return MessagePart(kind="json", payload=json.loads(res.text), uri=uri, mime_type=res.mimeType)
        return MessagePart(kind="text", text=res.text, uri=uri, mime_type=res.mimeType)
    assert isinstance(res, BlobResourceContents)
    return MessagePart(kind="file", data=res.blob, uri=uri, mime_type=res.mimeType or "application/octet-stream")


def to_tool_message(tool_name: str, result: CallToolResult) -> ToolMessage:
    parts = [convert_block(b) for b in result.content]
    if result.structuredContent is not None and not parts:
        # Servers with an outputSchema may skip the text mirror; keep the agent informed.
        parts.append(MessagePart(kind="json", payload=result.structuredContent))
    trace: dict[str, Any] = {}
    if result.meta:
        trace.update(result.meta)
    return ToolMessage(
        tool_name=tool_name,
        parts=parts,
        is_error=result.isError,
        structured=result.structuredContent,
        trace=trace,
    )


def result_to_json(result: CallToolResult) -> str:
    """Serialise a result for the trace store (read back by the replay UI)."""
    return json.dumps(result.model_dump(exclude_none=True, mode="json"))
