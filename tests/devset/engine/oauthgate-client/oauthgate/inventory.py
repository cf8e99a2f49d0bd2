"""What a connected server offers: handshake profile, paged listings, snapshots."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import AnyUrl

from mcp import ClientSession, types
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS

MAX_PAGES = 50


@dataclass(frozen=True)
class ServerProfile:
    name: str
    version: str
    title: str | None
    protocol_version: str
    instructions: str | None
    tools_list_changed: bool
    has_resources: bool
    resource_subscribe: bool
    has_prompts: bool
    has_logging: bool

    @classmethod
    def from_initialize(cls, result: types.InitializeResult) -> ServerProfile:
        caps = result.capabilities
        return cls(
            name=result.serverInfo.name,
            version=result.serverInfo.version,
            title=result.serverInfo.title,
            protocol_version=str(result.protocolVersion),
            instructions=result.instructions,
            tools_list_changed=bool(caps.tools and caps.tools.listChanged),
            has_resources=caps.resources is not None,
            resource_subscribe=bool(caps.resources and caps.resources.subscribe),
            has_prompts=caps.prompts is not None,
            has_logging=caps.logging is not None,
        )

    @property
    def protocol_supported(self) -> bool:
        return self.protocol_version in SUPPORTED_PROTOCOL_VERSIONS

    @property
    def display_name(self) -> str:
        return self.title or self.name


async def list_all_tools(session: ClientSession, *, max_pages: int = MAX_PAGES) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: types.Cursor | None = None
    for _ in range(max_pages):
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        if page.nextCursor is None:
            return tools
        cursor = page.nextCursor
    raise RuntimeError(f"server kept paginating tools after {max_pages} pages")


async def list_all_resources(session: ClientSession, *, max_pages: int = MAX_PAGES) -> list[types.Resource]:
    resources: list[types.Resource] = []
    cursor: types.Cursor | None = None
    for _ in range(max_pages):
        page = await session.list_resources(cursor=cursor)
        resources.extend(page.resources)
        cursor = page.nextCursor
        if cursor is None:
            break
    return resources


async def list_all_templates(session: ClientSession) -> list[types.ResourceTemplate]:
    templates: list[types.ResourceTemplate] = []
    cursor: types.Cursor | None = None
    while True:
        page = await session.list_resource_templates(cursor=cursor)
        templates.extend(page.resourceTemplates)
        cursor = page.nextCursor
        if cursor is None:
            return templates


@dataclass(frozen=True)
class ToolSummary:
    name: str
    description: str
    required: tuple[str, ...]
    read_only: bool
    destructive: bool
    structured: bool

    @classmethod
    def from_tool(cls, tool: types.Tool) -> ToolSummary:
        schema = tool.inputSchema or {}
        hints = tool.annotations
        return cls(
            name=tool.name,
            description=(tool.description or "").strip().splitlines()[0] if tool.description else "",
            required=tuple(schema.get("required", [])),
            read_only=bool(hints and hints.readOnlyHint),
            destructive=bool(hints and hints.destructiveHint),
            structured=tool.outputSchema is not None,
        )


def tool_snapshot(tools: Sequence[types.Tool]) -> list[dict[str, Any]]:
    """Plain-data snapshot written to the gateway cache file."""
    return [tool.model_dump(exclude_none=True) for tool in sorted(tools, key=lambda t: t.name)]


def resource_snapshot(resources: Sequence[types.Resource]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for resource in resources:
        out.append(
            {
                "uri": str(resource.uri),
                "scheme": resource.uri.scheme,
                "host": resource.uri.host,
                "name": resource.name,
                "mimeType": resource.mimeType,
            }
        )
    return out


def content_text(blocks: Sequence[types.Content]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, types.TextContent):
            parts.append(block.text)
        elif isinstance(block, types.ImageContent):
            parts.append(f"[image {block.mimeType}]")
        elif isinstance(block, types.EmbeddedResource):
            parts.append(f"[resource {block.resource.uri}]")
        elif isinstance(block, types.ResourceLink):
            parts.append(f"[link {block.uri}]")
    return "\n".join(parts)


@dataclass
class ToolOutcome:
    ok: bool
    text: str
    data: dict[str, Any] | None

    @classmethod
    def from_result(cls, result: types.CallToolResult) -> ToolOutcome:
        data = result.structuredContent
        if data is None and not result.isError:
            text = content_text(result.content)
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            data = parsed if isinstance(parsed, dict) else None
        return cls(ok=not result.isError, text=content_text(result.content), data=data)


async def read_text(session: ClientSession, uri: str | AnyUrl) -> str:
    target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
    result = await session.read_resource(target)
    chunks: list[str] = []
    for item in result.contents:
        if isinstance(item, types.TextResourceContents):
            chunks.append(item.text)
        else:
            chunks.append(f"<{item.mimeType or 'application/octet-stream'} blob, {len(item.blob)} b64 chars>")
    return "".join(chunks)


async def probe_optional(session: ClientSession) -> dict[str, bool]:
    """Which optional list endpoints answer (some servers 404 on prompts)."""
    answers: dict[str, bool] = {}
    for label, call in (("prompts", session.list_prompts), ("templates", session.list_resource_templates)):
        try:
            await call()
            answers[label] = True
        except McpError as exc:
            if exc.error.code != types.METHOD_NOT_FOUND:
                raise
            answers[label] = False
    return answers
