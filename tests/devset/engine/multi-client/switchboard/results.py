"""Turning tool results and resource reads into plain Python values."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.types import Content


@dataclass
class Attachment:
    uri: str
    mime_type: str | None
    text: str | None = None
    data: bytes | None = None

    @property
    def is_binary(self) -> bool:
        return self.data is not None


@dataclass
class ToolOutcome:
    tool: str
    ok: bool
    text: str
    structured: dict[str, Any] | None = None
    images: list[tuple[str, bytes]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "isError": not self.ok,
            "content": [{"type": "text", "text": self.text}] if self.text else [],
            "structuredContent": self.structured,
        }


def split_uri(uri: AnyUrl) -> tuple[str, str, str]:
    """(scheme, host, path) of a resource URI; custom schemes often put the collection in the host."""
    return uri.scheme, uri.host or "", (uri.path or "").lstrip("/")


def attachment_from_contents(contents: types.TextResourceContents | types.BlobResourceContents) -> Attachment:
    if isinstance(contents, types.BlobResourceContents):
        return Attachment(str(contents.uri), contents.mimeType, data=base64.b64decode(contents.blob))
    return Attachment(str(contents.uri), contents.mimeType, text=contents.text)


def iter_text(blocks: Iterable[Content]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, types.TextContent):
            yield block.text
        elif isinstance(block, types.EmbeddedResource) and isinstance(block.resource, types.TextResourceContents):
            yield block.resource.text


def summarize(tool: str, result: types.CallToolResult) -> ToolOutcome:
    outcome = ToolOutcome(
        tool=tool,
        ok=not result.isError,
        text="\n".join(iter_text(result.content)),
        structured=result.structuredContent,
    )
    for block in result.content:
        match block:
            case types.ImageContent(data=data, mimeType=mime):
                outcome.images.append((mime, base64.b64decode(data)))
            case types.AudioContent(mimeType=mime):
                outcome.links.append(f"audio:{mime}")
            case types.EmbeddedResource(resource=contents):
                outcome.attachments.append(attachment_from_contents(contents))
            case types.ResourceLink(uri=uri):
                outcome.links.append(str(uri))
            case _:
                pass
    return outcome


def read_attachments(result: types.ReadResourceResult) -> list[Attachment]:
    return [attachment_from_contents(c) for c in result.contents]


def prompt_transcript(result: types.GetPromptResult) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for message in result.messages:
        content = message.content
        if isinstance(content, types.TextContent):
            lines.append((message.role, content.text))
        elif isinstance(content, types.EmbeddedResource):
            lines.append((message.role, f"<resource {content.resource.uri}>"))
        else:
            lines.append((message.role, f"<{content.type}>"))
    return lines
