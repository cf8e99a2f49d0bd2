"""Conversion of MCP protocol objects into Plumb objects."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

import mcp.types as mcp_types
from mcp.types import Content

from .plumb import Part, ToolOutput

log = logging.getLogger(__name__)

_EMPTY_SCHEMA: dict[str, Any] = {"type": "object", "properties": {}}


def _resource_part(resource: mcp_types.TextResourceContents | mcp_types.BlobResourceContents) -> Part:
    uri = str(resource.uri)
    if isinstance(resource, mcp_types.TextResourceContents):
        return Part(kind="text", text=resource.text, media_type=resource.mimeType, uri=uri)
    # Binary payloads are passed through still base64 encoded.
    return Part(kind="file", data=resource.blob, media_type=resource.mimeType or "application/octet-stream", uri=uri)


def convert_block(block: mcp_types.ContentBlock) -> Part:
    """Translate a single MCP content block into a Plumb part."""
    if isinstance(block, mcp_types.TextContent):
        return Part(kind="text", text=block.text)
    if isinstance(block, mcp_types.ImageContent):
        return Part(kind="image", data=block.data, media_type=block.mimeType)
    if isinstance(block, mcp_types.AudioContent):
        return Part(kind="audio", data=block.data, media_type=block.mimeType)
    if isinstance(block, mcp_types.EmbeddedResource):
        return _resource_part(block.resource)
    if isinstance(block, mcp_types.ResourceLink):
        # Links to local resources are shown with their scheme so agents can
        # decide whether to dereference them through read_resource().
        label = block.title or block.name
        if block.uri.scheme in ("http", "https"):
            label = f"{label} ({block.uri.host})"
        return Part(kind="link", text=label, uri=str(block.uri), media_type=block.mimeType)
    raise TypeError(f"unsupported content block: {type(block).__name__}")


def render_blocks(blocks: Sequence[Content]) -> list[Part]:
    parts: list[Part] = []
    for block in blocks:
        try:
            parts.append(convert_block(block))
        except TypeError:
            log.warning("dropping content block of type %s", getattr(block, "type", "?"))
    return parts


def convert_result(result: mcp_types.CallToolResult) -> ToolOutput:
    """Translate a ``CallToolResult`` into a ``ToolOutput``."""
    parts = render_blocks(result.content)
    structured = result.structuredContent
    if structured is not None and not parts:
        # Servers may omit the text mirror of structured output.
        parts = [Part(kind="text", text=json.dumps(structured, sort_keys=True))]
    return ToolOutput(parts=parts, structured=structured, failed=bool(result.isError))


def parameters_for(tool: mcp_types.Tool) -> dict[str, Any]:
    schema = dict(tool.inputSchema or _EMPTY_SCHEMA)
    schema.setdefault("type", "object")
    schema.setdefault("properties", {})
    return schema


def is_read_only(tool: mcp_types.Tool) -> bool:
    annotations = tool.annotations
    if annotations is None:
        return False
    if annotations.destructiveHint:
        return False
    return bool(annotations.readOnlyHint)


def describe(tool: mcp_types.Tool):
    """Best-effort human description for a tool (title, then description)."""
    title = tool.title or (tool.annotations.title if tool.annotations else None)
    description = tool.description or ""
    if title and description:
        return f"{title}: {description}"
    return title or description or tool.name


def tool_summary(tool: mcp_types.Tool) -> dict[str, Any]:
    """A JSON-friendly summary, used by the ``toolbridge list`` command."""
    dumped = tool.model_dump(exclude_none=True)
    return {
        "name": dumped["name"],
        "inputSchema": dumped.get("inputSchema", {}),
        "outputSchema": dumped.get("outputSchema"),
        "readOnly": is_read_only(tool),
    }
