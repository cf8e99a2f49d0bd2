"""Turn MCP results and errors into HTTP status codes and JSON bodies."""

from __future__ import annotations

import base64
from typing import Any

import httpx
from mcp.shared.exceptions import McpError
from mcp.types import (
    INVALID_PARAMS,
    METHOD_NOT_FOUND,
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    Content,
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    ReadResourceResult,
    ResourceLink,
    TextContent,
    TextResourceContents,
)


def block_to_json(block: Content) -> dict[str, Any]:
    match block:
        case TextContent(text=text):
            return {"type": "text", "text": text}
        case ImageContent(data=data, mimeType=mime) | AudioContent(data=data, mimeType=mime):
            return {"type": block.type, "mimeType": mime, "bytes": len(base64.b64decode(data))}
        case ResourceLink(uri=uri, name=name, mimeType=mime):
            return {"type": "resource_link", "uri": str(uri), "name": name, "mimeType": mime}
        case EmbeddedResource(resource=TextResourceContents(uri=uri, text=text)):
            return {"type": "resource", "uri": str(uri), "text": text}
        case EmbeddedResource(resource=BlobResourceContents(uri=uri, blob=blob, mimeType=mime)):
            return {"type": "resource", "uri": str(uri), "mimeType": mime, "blob": blob}
        case _:
            return {"type": getattr(block, "type", "unknown")}


def tool_result_to_http(result: CallToolResult) -> tuple[int, dict[str, Any]]:
    content = [block_to_json(b) for b in result.content]
    if result.isError:
        message = next((c["text"] for c in content if c["type"] == "text"), "tool error")
        return 422, {"error": message, "content": content}
    body: dict[str, Any] = {"content": content}
    if result.structuredContent is not None:
        body["result"] = result.structuredContent
    if result.meta:
        body["meta"] = result.meta
    return 200, body


def resource_to_http(result: ReadResourceResult) -> tuple[int, dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for contents in result.contents:
        entry: dict[str, Any] = {"uri": str(contents.uri), "mimeType": contents.mimeType}
        if isinstance(contents, TextResourceContents):
            entry["text"] = contents.text
        else:
            entry["blob"] = contents.blob
        items.append(entry)
    return 200, {"contents": items}


def prompt_to_http(result: GetPromptResult) -> tuple[int, dict[str, Any]]:
    messages = [{"role": m.role, "content": block_to_json(m.content)} for m in result.messages]
    return 200, {"description": result.description, "messages": messages}


def error_to_http(exc: BaseException) -> tuple[int, dict[str, Any]]:
    if isinstance(exc, McpError):
        code = exc.error.code
        if code == httpx.codes.REQUEST_TIMEOUT:
            status = 504
        elif code == INVALID_PARAMS:
            status = 400
        elif code == METHOD_NOT_FOUND:
            status = 404
        else:
            status = 502
        return status, {"error": exc.error.message, "code": code, "data": exc.error.data}
    if isinstance(exc, LookupError):
        return 404, {"error": str(exc)}
    if isinstance(exc, httpx.HTTPError):
        return 502, {"error": f"upstream transport error: {exc}"}
    return 500, {"error": f"{type(exc).__name__}: {exc}"}
