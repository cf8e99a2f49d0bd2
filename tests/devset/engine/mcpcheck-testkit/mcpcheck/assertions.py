"""Assertion helpers that read tool/resource/prompt results the way MCP clients see them."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

import mcp.types as types
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import Content, Cursor
from pydantic import AnyUrl

T = TypeVar("T")

MAX_PAGES = 100


class AssertionFailed(AssertionError):
    """Raised by every helper in this module, so test output is easy to grep."""


# --------------------------------------------------------------------------- content


def text_blocks(blocks: Sequence[Content]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, types.TextContent)]


def first_text(result: types.CallToolResult) -> str:
    texts = text_blocks(result.content)
    if not texts:
        raise AssertionFailed(f"result has no text content: {[b.type for b in result.content]}")
    return texts[0]


def resource_links(result: types.CallToolResult) -> list[types.ResourceLink]:
    return [b for b in result.content if isinstance(b, types.ResourceLink)]


def image_mime_types(result: types.CallToolResult) -> list[str]:
    return [b.mimeType for b in result.content if isinstance(b, types.ImageContent)]


# --------------------------------------------------------------------------- tool results


def assert_tool_ok(result: types.CallToolResult, *, structured: dict[str, Any] | None = None) -> types.CallToolResult:
    if result.isError:
        detail = text_blocks(result.content)
        raise AssertionFailed(f"tool reported an error: {detail[0] if detail else '<no text>'}")
    if structured is not None:
        if result.structuredContent is None:
            raise AssertionFailed("expected structuredContent, tool returned none")
        for key, value in structured.items():
            actual = result.structuredContent.get(key)
            if actual != value:
                raise AssertionFailed(f"structuredContent[{key!r}] == {actual!r}, expected {value!r}")
    return result


def assert_tool_error(result: types.CallToolResult, *, contains: str | None = None) -> str:
    if not result.isError:
        raise AssertionFailed("expected an error result, tool succeeded")
    message = first_text(result)
    if contains is not None and contains not in message:
        raise AssertionFailed(f"error text {message!r} does not mention {contains!r}")
    return message


def structured_or_json(result: types.CallToolResult) -> Any:
    """Structured content when present, else the first text block parsed as JSON."""
    if result.structuredContent is not None:
        return result.structuredContent
    return json.loads(first_text(result))


async def assert_mcp_error(awaitable: Awaitable[T], *, code: int, contains: str | None = None) -> McpError:
    try:
        await awaitable
    except McpError as exc:
        if exc.error.code != code:
            raise AssertionFailed(f"expected error code {code}, got {exc.error.code}: {exc.error.message}") from exc
        if contains is not None and contains not in exc.error.message:
            raise AssertionFailed(f"error message {exc.error.message!r} does not mention {contains!r}") from exc
        return exc
    raise AssertionFailed(f"expected McpError with code {code}, call succeeded")


# --------------------------------------------------------------------------- listings


async def collect_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools
    raise AssertionFailed(f"tools/list did not terminate after {MAX_PAGES} pages")


async def collect_resources(session: ClientSession) -> list[types.Resource]:
    resources: list[types.Resource] = []
    cursor: Cursor | None = None
    for _ in range(MAX_PAGES):
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        if (cursor := page.nextCursor) is None:
            return resources
    raise AssertionFailed(f"resources/list did not terminate after {MAX_PAGES} pages")


async def collect_templates(session: ClientSession) -> list[types.ResourceTemplate]:
    page = await session.list_resource_templates()
    templates = list(page.resourceTemplates)
    while page.nextCursor is not None:
        page = await session.list_resource_templates(cursor=page.nextCursor)
        templates.extend(page.resourceTemplates)
    return templates


async def collect_prompts(session: ClientSession) -> list[types.Prompt]:
    page = await session.list_prompts()
    prompts = list(page.prompts)
    while page.nextCursor:
        page = await session.list_prompts(cursor=page.nextCursor)
        prompts.extend(page.prompts)
    return prompts


def find_tool(tools: Sequence[types.Tool], name: str) -> types.Tool:
    for tool in tools:
        if tool.name == name:
            return tool
    raise AssertionFailed(f"tool {name!r} not listed; have {[t.name for t in tools]}")


# --------------------------------------------------------------------------- tool metadata


def assert_input_schema(
    tool: types.Tool,
    *,
    required: Sequence[str] = (),
    properties: Sequence[str] = (),
) -> dict[str, Any]:
    schema = tool.inputSchema
    if schema.get("type") != "object":
        raise AssertionFailed(f"{tool.name}: inputSchema type is {schema.get('type')!r}, expected 'object'")
    declared = schema.get("properties", {})
    missing = [p for p in properties if p not in declared]
    if missing:
        raise AssertionFailed(f"{tool.name}: inputSchema lacks properties {missing}")
    not_required = [r for r in required if r not in schema.get("required", [])]
    if not_required:
        raise AssertionFailed(f"{tool.name}: {not_required} not marked required")
    return schema


def assert_output_schema(tool: types.Tool, *, properties: Sequence[str] = ()) -> dict[str, Any]:
    if tool.outputSchema is None:
        raise AssertionFailed(f"{tool.name}: no outputSchema")
    declared = tool.outputSchema.get("properties", {})
    missing = [p for p in properties if p not in declared]
    if missing:
        raise AssertionFailed(f"{tool.name}: outputSchema lacks {missing}")
    return tool.outputSchema


def assert_annotations(
    tool: types.Tool,
    *,
    read_only: bool | None = None,
    destructive: bool | None = None,
    idempotent: bool | None = None,
    open_world: bool | None = None,
    title: str | None = None,
) -> types.ToolAnnotations:
    ann = tool.annotations
    if ann is None:
        raise AssertionFailed(f"{tool.name}: no annotations")
    checks = {
        "readOnlyHint": (read_only, ann.readOnlyHint),
        "destructiveHint": (destructive, ann.destructiveHint),
        "idempotentHint": (idempotent, ann.idempotentHint),
        "openWorldHint": (open_world, ann.openWorldHint),
        "title": (title, ann.title),
    }
    for hint, (want, have) in checks.items():
        if want is not None and want != have:
            raise AssertionFailed(f"{tool.name}: {hint} is {have!r}, expected {want!r}")
    return ann


def icon_sources(tool: types.Tool) -> list[tuple[str, str | None]]:
    return [(icon.src, icon.mimeType) for icon in tool.icons or []]


# --------------------------------------------------------------------------- resources


async def read_text(session: ClientSession, uri: str, *, mime_type: str | None = None) -> str:
    result = await session.read_resource(AnyUrl(uri))
    for contents in result.contents:
        if isinstance(contents, types.TextResourceContents):
            if mime_type is not None and contents.mimeType != mime_type:
                raise AssertionFailed(f"{uri}: mimeType {contents.mimeType!r}, expected {mime_type!r}")
            return contents.text
    raise AssertionFailed(f"{uri}: no text contents")


async def read_blob(session: ClientSession, uri: str) -> tuple[bytes, str | None]:
    result = await session.read_resource(AnyUrl(uri))
    for contents in result.contents:
        if isinstance(contents, types.BlobResourceContents):
            return base64.b64decode(contents.blob), contents.mimeType
    raise AssertionFailed(f"{uri}: no blob contents")


def resource_schemes(resources: Sequence[types.Resource]) -> set[str]:
    return {r.uri.scheme for r in resources}
