"""Flattening tool results, resources and prompts into relay-friendly shapes."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    Content,
    EmbeddedResource,
    ImageContent,
    ReadResourceResult,
    ResourceLink,
    TextContent,
    TextResourceContents,
)
from pydantic import AnyUrl


@dataclass
class Attachment:
    uri: str | None
    mime_type: str
    data: bytes


@dataclass
class RenderedResult:
    text: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    structured: dict[str, Any] | None = None
    is_error: bool = False


def _blob(resource: BlobResourceContents) -> Attachment:
    mime = resource.mimeType or "application/octet-stream"
    return Attachment(uri=str(resource.uri), mime_type=mime, data=base64.b64decode(resource.blob))


def render_blocks(blocks: list[Content]) -> RenderedResult:
    out = RenderedResult()
    lines: list[str] = []
    for block in blocks:
        match block:
            case TextContent(text=text):
                lines.append(text)
            case ImageContent() | AudioContent():
                raw, mime = base64.b64decode(block.data), block.mimeType
                out.attachments.append(Attachment(uri=None, mime_type=mime, data=raw))
                lines.append(f"[{block.type}: {mime}, {len(raw)} bytes]")
            case ResourceLink(uri=uri, name=name):
                out.links.append(str(uri))
                lines.append(f"[link {name}: {uri}]")
            case EmbeddedResource(resource=TextResourceContents(text=text)):
                lines.append(text)
            case EmbeddedResource(resource=BlobResourceContents() as blob):
                attachment = _blob(blob)
                out.attachments.append(attachment)
                lines.append(f"[embedded {attachment.uri}: {attachment.mime_type}]")
    out.text = "\n".join(lines)
    return out


def render_tool_result(result: CallToolResult) -> RenderedResult:
    rendered = render_blocks(result.content)
    rendered.structured = result.structuredContent
    rendered.is_error = result.isError
    if not rendered.text and result.structuredContent is not None:
        rendered.text = json.dumps(result.structuredContent, sort_keys=True)
    return rendered


def resource_text(result: ReadResourceResult) -> str:
    parts: list[str] = []
    for item in result.contents:
        if isinstance(item, TextResourceContents):
            parts.append(item.text)
        else:
            parts.append(f"<{item.mimeType or 'binary'} {len(base64.b64decode(item.blob))} bytes>")
    return "\n".join(parts)


def resource_attachments(result: ReadResourceResult) -> list[Attachment]:
    return [_blob(item) for item in result.contents if isinstance(item, BlobResourceContents)]


def origin_of(uri: AnyUrl) -> str:
    """Compact label for a resource URI, e.g. ``notes:work/todo``."""
    return f"{uri.scheme}:{uri.host or ''}{uri.path or ''}"


def snapshot(result: CallToolResult) -> dict[str, Any]:
    """JSON-ready copy of a result for the relay's audit log."""
    return result.model_dump(exclude_none=True)
