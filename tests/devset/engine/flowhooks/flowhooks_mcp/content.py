"""Convert MCP result content into values that can be stored in XCom."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mcp.types import (
    AudioContent,
    CallToolResult,
    Content,
    EmbeddedResource,
    ImageContent,
    PromptMessage,
    ResourceLink,
    TextContent,
    TextResourceContents,
)


def content_to_text(blocks: Sequence[Content]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, TextContent):
            parts.append(block.text)
        elif isinstance(block, ImageContent | AudioContent):
            parts.append(f"<{block.type} {block.mimeType}, {len(block.data)} base64 chars>")
        elif isinstance(block, ResourceLink):
            parts.append(f"<link {block.uri} ({block.mimeType or 'unknown type'})>")
        elif isinstance(block, EmbeddedResource):
            res = block.resource
            if isinstance(res, TextResourceContents):
                parts.append(res.text)
            else:
                parts.append(f"<embedded blob {res.uri} ({res.mimeType})>")
    return "\n".join(parts)


def result_to_xcom(result: CallToolResult) -> dict[str, Any]:
    """Serialize a tool result for XCom; the value is stored as JSON in the metadata DB."""
    payload: dict[str, Any] = {
        "is_error": result.isError,
        "text": content_to_text(result.content),
    }
    if result.structuredContent is not None:
        payload["structured"] = result.structuredContent
    else:
        # Servers without output schemas often return JSON as text; keep it structured when possible.
        try:
            payload["structured"] = json.loads(payload["text"])
        except ValueError:
            payload["structured"] = None
    payload["raw"] = result.model_dump(mode="json", exclude_none=True)
    return payload


def prompt_to_messages(messages: Sequence[PromptMessage]) -> list[dict[str, str]]:
    return [{"role": m.role, "content": content_to_text([m.content])} for m in messages]
