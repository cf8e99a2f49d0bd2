"""Convert MCP content blocks and tool results into framework outputs."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Sequence
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.types import Content

from .framework import ContentPart, ToolOutput

logger = logging.getLogger(__name__)

TEXTUAL_MIME_PREFIXES = ("text/", "application/json", "application/xml", "application/yaml")


class ToolExecutionError(RuntimeError):
    """Raised by adapters configured with ``raise_on_error=True``."""

    def __init__(self, tool_name: str, message: str, result: types.CallToolResult | None = None) -> None:
        super().__init__(f"{tool_name}: {message}")
        self.tool_name = tool_name
        self.result = result


def describe_uri(uri: AnyUrl) -> dict[str, Any]:
    """Split a resource URI into the pieces the UI shows next to attachments."""
    return {
        "scheme": uri.scheme,
        "host": uri.host,
        "path": uri.path,
        "filename": (uri.path or "").rstrip("/").rsplit("/", 1)[-1] or uri.host,
    }


def _is_textual(mime_type: str | None) -> bool:
    return mime_type is not None and mime_type.startswith(TEXTUAL_MIME_PREFIXES)


def resource_contents_to_part(contents: types.TextResourceContents | types.BlobResourceContents) -> ContentPart:
    uri, mime_type = str(contents.uri), contents.mimeType
    if isinstance(contents, types.TextResourceContents):
        if mime_type == "application/json":
            try:
                return ContentPart(type="json", value=json.loads(contents.text), mimeType=mime_type, uri=uri)
            except json.JSONDecodeError:
                logger.debug("resource %s claims JSON but does not parse", uri)
        return ContentPart(type="text", text=contents.text, mimeType=mime_type or "text/plain", uri=uri)

    mime = mime_type or "application/octet-stream"
    if _is_textual(mime):
        text = base64.b64decode(contents.blob).decode("utf-8", errors="replace")
        return ContentPart(type="text", text=text, mimeType=mime, uri=uri)
    kind = "image" if mime.startswith("image/") else "audio" if mime.startswith("audio/") else "file"
    return ContentPart(type=kind, data=contents.blob, mimeType=mime, uri=uri)


def content_block_to_part(block: Content) -> ContentPart:
    """Map one MCP content block onto a framework ContentPart."""
    if isinstance(block, types.TextContent):
        return ContentPart.of_text(block.text)
    if isinstance(block, types.ImageContent):
        return ContentPart(type="image", data=block.data, mimeType=block.mimeType)
    if isinstance(block, types.AudioContent):
        return ContentPart(type="audio", data=block.data, mimeType=block.mimeType)
    if isinstance(block, types.ResourceLink):
        info = describe_uri(block.uri)
        label = block.title or block.name or info["filename"]
        return ContentPart(
            type="file",
            text=f"[{label}]({block.uri})",
            uri=str(block.uri),
            mimeType=block.mimeType,
        )
    return resource_contents_to_part(block.resource)


def content_to_parts(blocks: Sequence[Content]) -> list[ContentPart]:
    return [content_block_to_part(b) for b in blocks]


def _error_text(result: types.CallToolResult) -> str:
    texts = [b.text for b in result.content if isinstance(b, types.TextContent)]
    return "\n".join(texts) or "tool reported an error without a message"


def convert_call_tool_result(
    tool_name: str,
    result: types.CallToolResult,
    *,
    raise_on_error: bool = False,
    prefer_structured: bool = False,
) -> ToolOutput:
    """Turn a CallToolResult into a ToolOutput.

    With ``prefer_structured`` the JSON text block that servers emit alongside
    ``structuredContent`` is dropped in favour of a single json part.
    """
    if result.isError:
        if raise_on_error:
            raise ToolExecutionError(tool_name, _error_text(result), result)
        return ToolOutput(parts=[ContentPart.of_text(_error_text(result))], isError=True)

    structured = result.structuredContent
    blocks: list[Content] = list(result.content)
    if prefer_structured and structured is not None:
        blocks = [b for b in blocks if not isinstance(b, types.TextContent)]
        parts = [ContentPart.of_json(structured), *content_to_parts(blocks)]
    else:
        parts = content_to_parts(blocks)

    artifact: dict[str, Any] | None = None
    if structured is not None:
        artifact = {"structuredContent": structured}
    attachments = [b for b in blocks if isinstance(b, (types.EmbeddedResource, types.ResourceLink))]
    if attachments:
        artifact = artifact or {}
        artifact["attachments"] = [b.model_dump(mode="json", exclude_none=True) for b in attachments]
    return ToolOutput(parts=parts, artifact=artifact, isError=False)


def result_snapshot(result: types.CallToolResult) -> dict[str, Any]:
    """Serialisable record of a tool result for the trace store."""
    return result.model_dump(mode="json", exclude_none=True)
