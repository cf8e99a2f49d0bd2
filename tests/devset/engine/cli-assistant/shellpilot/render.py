"""Turning MCP results into terminal text and LLM-friendly structures."""

from __future__ import annotations

import base64
import json
import textwrap
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    Content,
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    ReadResourceResult,
    Resource,
    ResourceLink,
    ResourceTemplate,
    TextContent,
    TextResourceContents,
    Tool,
)

_BADGES = (
    ("readOnlyHint", "ro"),
    ("destructiveHint", "destructive"),
    ("idempotentHint", "idempotent"),
    ("openWorldHint", "network"),
)


@dataclass
class Attachment:
    kind: str
    mime_type: str
    size: int
    uri: str | None = None


@dataclass
class RenderedResult:
    text: str
    is_error: bool
    structured: dict[str, Any] | None = None
    attachments: list[Attachment] = field(default_factory=list)


def _b64_size(data: str) -> int:
    return len(base64.b64decode(data))


def render_block(block: Content, attachments: list[Attachment]) -> str:
    if isinstance(block, TextContent):
        return block.text
    if isinstance(block, ImageContent | AudioContent):
        attachments.append(Attachment(block.type, block.mimeType, _b64_size(block.data)))
        return f"[{block.type} {attachments[-1].mime_type}, {attachments[-1].size} bytes]"
    if isinstance(block, ResourceLink):
        mime = block.mimeType
        return f"-> {block.name} <{block.uri}>" + (f" ({mime})" if mime else "")
    if isinstance(block, EmbeddedResource):
        res = block.resource
        if isinstance(res, TextResourceContents):
            header = f"--- {res.uri} ({res.mimeType or 'text/plain'}) ---"
            return f"{header}\n{res.text}"
        attachments.append(
            Attachment("blob", res.mimeType or "application/octet-stream", _b64_size(res.blob), uri=str(res.uri))
        )
        return f"[blob {res.uri}, {attachments[-1].size} bytes]"
    return f"[unsupported content {type(block).__name__}]"


def render_result(result: CallToolResult) -> RenderedResult:
    attachments: list[Attachment] = []
    parts = [render_block(block, attachments) for block in result.content]
    structured = result.structuredContent
    if structured is not None and not parts:
        parts.append(json.dumps(structured, indent=2, sort_keys=True))
    return RenderedResult(
        text="\n".join(parts).strip(),
        is_error=bool(result.isError),
        structured=structured,
        attachments=attachments,
    )


def tool_to_function_spec(tool: Tool, qualified_name: str) -> dict[str, Any]:
    """Describe an MCP tool in the JSON shape chat models expect for functions."""
    schema = dict(tool.inputSchema)
    schema.setdefault("type", "object")
    schema.setdefault("properties", {})
    spec: dict[str, Any] = {
        "name": qualified_name,
        "description": (tool.description or tool.title or tool.name).strip(),
        "parameters": schema,
    }
    if tool.outputSchema is not None:
        spec["returns"] = tool.outputSchema
    if (ann := tool.annotations) is not None:
        hints = {"readOnly": ann.readOnlyHint, "destructive": ann.destructiveHint, "openWorld": ann.openWorldHint}
        spec["hints"] = {key: value for key, value in hints.items() if value is not None}
    return spec


def describe_tool(qualified_name: str, tool: Tool) -> str:
    badges: list[str] = []
    if tool.annotations is not None:
        dumped = tool.annotations.model_dump()
        badges = [label for key, label in _BADGES if dumped.get(key)]
    params = ", ".join(tool.inputSchema.get("properties", {}))
    line = f"{qualified_name}({params})"
    if badges:
        line += "  [" + ", ".join(badges) + "]"
    if tool.description:
        line += "\n" + textwrap.indent(textwrap.fill(tool.description, 72), "    ")
    return line


def describe_resource(resource: Resource) -> str:
    uri = resource.uri
    where = uri.host or uri.path or ""
    return f"{resource.name:<24} {uri.scheme}:{where}  {resource.mimeType or ''}".rstrip()


def describe_template(template: ResourceTemplate) -> str:
    return f"{template.name:<24} {template.uriTemplate}  {template.mimeType or ''}".rstrip()


def render_resource(result: ReadResourceResult) -> str:
    chunks: list[str] = []
    for item in result.contents:
        if isinstance(item, TextResourceContents):
            chunks.append(item.text)
        elif isinstance(item, BlobResourceContents):
            chunks.append(f"[{item.mimeType or 'binary'} {_b64_size(item.blob)} bytes from {item.uri.scheme}]")
    return "\n".join(chunks)


def render_prompt(result: GetPromptResult) -> list[tuple[str, str]]:
    return [(message.role, render_block(message.content, [])) for message in result.messages]


def snapshot(model: BaseModel) -> dict[str, Any]:
    """Plain-dict copy of an SDK object for transcripts and debugging output."""
    return model.model_dump(mode="json", exclude_none=True)
