"""Assertion helpers for MCP results; failures carry the interesting part of the result."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import AnyUrl

from mcp import ClientSession
from mcp.types import (
    BlobResourceContents,
    CallToolResult,
    Content,
    Cursor,
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    ReadResourceResult,
    ServerCapabilities,
    TextContent,
    TextResourceContents,
    Tool,
)

from pytest_mcp_kit import snapshots


class McpAssertionError(AssertionError):
    pass


def _fail(message: str, detail: Any = None) -> McpAssertionError:
    return McpAssertionError(message if detail is None else f"{message}\n--- detail ---\n{detail}")


def tool_text(result: CallToolResult) -> str:
    blocks: Iterable[Content] = result.content
    return "\n".join(block.text for block in blocks if isinstance(block, TextContent))


def assert_tool_ok(result: CallToolResult) -> CallToolResult:
    if result.isError:
        raise _fail("tool call failed", tool_text(result))
    return result


def assert_tool_error(result: CallToolResult, contains: str = "") -> str:
    if not result.isError:
        raise _fail("expected the tool call to fail (isError=True)", tool_text(result))
    if contains not in tool_text(result):
        raise _fail(f"tool error does not mention {contains!r}", tool_text(result))
    return tool_text(result)


def assert_text(result: CallToolResult, expected: str) -> None:
    if (text := tool_text(assert_tool_ok(result))) != expected:
        raise _fail(f"tool text {text!r} != {expected!r}")


def assert_structured(result: CallToolResult, expected: Mapping[str, Any] | None = None, /, **fields: Any) -> dict[str, Any]:
    structured = assert_tool_ok(result).structuredContent
    if structured is None:
        raise _fail("result has no structuredContent", tool_text(result))
    if expected is not None and structured != dict(expected):
        raise _fail("structuredContent mismatch", "\n".join(snapshots.diff(dict(expected), structured)))
    wrong = {key: structured.get(key) for key, value in fields.items() if structured.get(key) != value}
    if wrong:
        raise _fail(f"structuredContent fields differ: {wrong}")
    return structured


def assert_image(result: CallToolResult, mime_type: str = "image/png") -> bytes:
    images = [block for block in result.content if isinstance(block, ImageContent) and block.mimeType == mime_type]
    if not images:
        raise _fail(f"no {mime_type} image in result", [block.type for block in result.content])
    return base64.b64decode(images[0].data)


def _first(result: ReadResourceResult) -> TextResourceContents | BlobResourceContents:
    if not result.contents:
        raise _fail("resource read returned no contents")
    return result.contents[0]


def resource_text(result: ReadResourceResult) -> str:
    item = _first(result)
    if isinstance(item, BlobResourceContents):
        return base64.b64decode(item.blob).decode("latin-1")
    return item.text


def resource_json(result: ReadResourceResult) -> Any:
    return json.loads(resource_text(result))


def assert_resource(result: ReadResourceResult, *, mime_type: str, scheme: str) -> AnyUrl:
    item = _first(result)
    if item.mimeType != mime_type or item.uri.scheme != scheme:
        raise _fail(f"expected a {scheme}:// resource of type {mime_type}", item)
    return item.uri


def prompt_transcript(result: GetPromptResult) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    for message in result.messages:
        content = message.content
        if isinstance(content, TextContent):
            lines.append((message.role, content.text))
        elif isinstance(content, EmbeddedResource) and isinstance(content.resource, TextResourceContents):
            lines.append((message.role, content.resource.text))
        else:
            lines.append((message.role, f"<{content.type}>"))
    return lines


async def collect_tools(session: ClientSession, max_pages: int = 50) -> list[Tool]:
    tools: list[Tool] = []
    cursor: Cursor | None = None
    for _ in range(max_pages):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if (cursor := page.nextCursor) is None:
            return tools
    raise _fail(f"tools/list did not finish within {max_pages} pages")


def tool_named(tools: Iterable[Tool], name: str) -> Tool:
    if found := [tool for tool in tools if tool.name == name]:
        return found[0]
    raise _fail(f"no tool named {name!r}")


def assert_tool_schema(tool: Tool, *, required: Iterable[str] = (), read_only: bool | None = None) -> None:
    schema = tool.inputSchema
    missing = set(required) - set(schema.get("required", []))
    if schema.get("type") != "object" or missing:
        raise _fail(f"{tool.name}: not an object schema requiring {sorted(missing)}", schema)
    if tool.outputSchema is None:
        raise _fail(f"{tool.name}: no outputSchema")
    if read_only is not None and (tool.annotations is None or bool(tool.annotations.readOnlyHint) != read_only):
        raise _fail(f"{tool.name}: readOnlyHint != {read_only}", tool.annotations)


def assert_capabilities(session: ClientSession, **expected: bool) -> ServerCapabilities:
    """``assert_capabilities(session, tools=True, logging=False, tools_list_changed=True)``."""
    caps = session.get_server_capabilities()
    if caps is None:
        raise _fail("session is not initialized")
    actual = {
        "tools": caps.tools is not None,
        "resources": caps.resources is not None,
        "prompts": caps.prompts is not None,
        "logging": caps.logging is not None,
        "tools_list_changed": bool(caps.tools and caps.tools.listChanged),
        "resources_subscribe": bool(caps.resources and caps.resources.subscribe),
    }
    if wrong := {k: actual[k] for k, v in expected.items() if actual[k] != v}:
        raise _fail(f"capabilities differ: {wrong}", caps)
    return caps


def snapshot_tool_result(result: CallToolResult) -> snapshots.SnapshotTree:
    return snapshots.normalize(snapshots.summarize_tool_payload(result.model_dump()))
