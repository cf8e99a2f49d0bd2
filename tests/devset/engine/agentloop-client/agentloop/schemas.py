"""Translate MCP tool definitions and results into what a chat model consumes."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from typing import Any

import mcp.types as types
from mcp.types import Content

MAX_TOOL_NAME = 64
_NAME_OK = re.compile(r"[^a-zA-Z0-9_-]")


def llm_tool_name(tool: types.Tool, prefix: str | None = None) -> str:
    raw = f"{prefix}__{tool.name}" if prefix else tool.name
    return _NAME_OK.sub("_", raw)[:MAX_TOOL_NAME]


def _clean_schema(schema: dict[str, Any]) -> dict[str, Any]:
    cleaned = {k: v for k, v in schema.items() if k not in ("title", "$schema")}
    cleaned.setdefault("type", "object")
    cleaned.setdefault("properties", {})
    props = cleaned["properties"]
    for name, prop in list(props.items()):
        if isinstance(prop, dict):
            props[name] = {k: v for k, v in prop.items() if k != "title"}
    return cleaned


def tool_to_llm_spec(tool: types.Tool, prefix: str | None = None) -> dict[str, Any]:
    """An OpenAI-style function spec for one MCP tool."""
    description = tool.description or (tool.annotations.title if tool.annotations else None) or tool.title or ""
    spec: dict[str, Any] = {
        "type": "function",
        "function": {
            "name": llm_tool_name(tool, prefix),
            "description": description.strip(),
            "parameters": _clean_schema(tool.inputSchema),
        },
    }
    hints: dict[str, Any] = {}
    if tool.annotations is not None:
        if tool.annotations.readOnlyHint:
            hints["read_only"] = True
        if tool.annotations.destructiveHint:
            hints["destructive"] = True
    if tool.outputSchema is not None:
        hints["returns"] = sorted(tool.outputSchema.get("properties", {}))
    if hints:
        spec["x-mcp"] = hints
    return spec


def needs_confirmation(tool: types.Tool) -> bool:
    ann = tool.annotations
    if ann is None:
        return False
    return bool(ann.destructiveHint) and not ann.readOnlyHint


def render_block(block: Content) -> str:
    if isinstance(block, types.TextContent):
        return block.text
    if isinstance(block, types.ImageContent):
        return f"[image {block.mimeType}, {len(base64.b64decode(block.data))} bytes]"
    if isinstance(block, types.AudioContent):
        return f"[audio {block.mimeType}]"
    if isinstance(block, types.ResourceLink):
        label = block.title or block.name
        return f"[link {label}: {block.uri} ({block.uri.scheme})]"
    resource = block.resource
    if isinstance(resource, types.TextResourceContents):
        return f"<resource uri=\"{resource.uri}\" type=\"{resource.mimeType or 'text/plain'}\">\n{resource.text}\n</resource>"
    return f"[binary resource {resource.uri} ({resource.mimeType or 'application/octet-stream'})]"


def render_content(blocks: Sequence[Content]) -> str:
    return "\n".join(render_block(b) for b in blocks)


def result_for_llm(result: types.CallToolResult) -> str:
    """Structured output wins (compact JSON); otherwise the rendered content blocks."""
    if result.structuredContent is not None:
        body = json.dumps(result.structuredContent, sort_keys=True)
    else:
        body = render_content(result.content)
    return f"ERROR: {body}" if result.isError else body
