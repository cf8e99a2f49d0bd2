"""A convenience layer over `mcp.ClientSession`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession, McpError
from mcp.shared.session import ProgressFnT
from mcp.types import (
    METHOD_NOT_FOUND,
    CallToolResult,
    ClientRequest,
    Content,
    Cursor,
    EmptyResult,
    ImageContent,
    PingRequest,
    Prompt,
    Resource,
    TextContent,
    Tool,
)

DEFAULT_TOOL_TIMEOUT = timedelta(seconds=60)


class ToolCallError(RuntimeError):
    """A tools/call that failed at the protocol level (not an isError result)."""

    def __init__(self, tool: str, code: int, message: str, data: Any = None) -> None:
        super().__init__(f"{tool}: [{code}] {message}")
        self.tool = tool
        self.code = code
        self.data = data

    @classmethod
    def from_mcp_error(cls, tool: str, exc: McpError) -> ToolCallError:
        return cls(tool, exc.error.code, exc.error.message, exc.error.data)


@dataclass
class ToolOutcome:
    text: str
    structured: dict[str, Any] | None
    is_error: bool
    images: list[ImageContent] = field(default_factory=list)

    @classmethod
    def from_result(cls, result: CallToolResult) -> ToolOutcome:
        texts: list[str] = []
        images: list[ImageContent] = []
        for block in result.content:
            if isinstance(block, TextContent):
                texts.append(block.text)
            elif isinstance(block, ImageContent):
                images.append(block)
        return cls("\n".join(texts), result.structuredContent, result.isError, images)

    def json(self) -> Any:
        return self.structured if self.structured is not None else json.loads(self.text)


def content_to_text(blocks: list[Content]) -> str:
    return "\n".join(b.text for b in blocks if isinstance(b, TextContent))


class ToolkitClient:
    def __init__(self, session: ClientSession, tool_timeout: timedelta = DEFAULT_TOOL_TIMEOUT) -> None:
        self.session = session
        self.tool_timeout = tool_timeout
        self._tools: dict[str, Tool] | None = None

    # -- discovery -------------------------------------------------------
    async def list_all_tools(self) -> list[Tool]:
        tools: list[Tool] = []
        cursor: Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if not page.nextCursor:
                break
            cursor = page.nextCursor
        return tools

    async def list_all_resources(self) -> list[Resource]:
        resources: list[Resource] = []
        result = await self.session.list_resources()
        resources.extend(result.resources)
        while result.nextCursor:
            result = await self.session.list_resources(cursor=result.nextCursor)
            resources.extend(result.resources)
        return resources

    async def list_all_prompts(self) -> list[Prompt]:
        try:
            result = await self.session.list_prompts()
        except McpError as exc:
            if exc.error.code == METHOD_NOT_FOUND:
                return []
            raise
        return list(result.prompts)

    async def tool_index(self, refresh: bool = False) -> dict[str, Tool]:
        if self._tools is None or refresh:
            self._tools = {t.name: t for t in await self.list_all_tools()}
        return self._tools

    def invalidate(self) -> None:
        self._tools = None

    def supports_tool_list_changed(self) -> bool:
        caps = self.session.get_server_capabilities()
        return bool(caps and caps.tools and caps.tools.listChanged)

    # -- calls -----------------------------------------------------------
    async def call(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        progress: ProgressFnT | None = None,
    ) -> ToolOutcome:
        index = await self.tool_index()
        if name not in index:
            raise ToolCallError(name, METHOD_NOT_FOUND, "unknown tool")
        required = index[name].inputSchema.get("required", [])
        missing = [r for r in required if r not in (arguments or {})]
        if missing:
            raise ToolCallError(name, -32602, f"missing arguments: {', '.join(missing)}")
        try:
            result = await self.session.call_tool(
                name, arguments or {}, read_timeout_seconds=self.tool_timeout, progress_callback=progress
            )
        except McpError as exc:
            raise ToolCallError.from_mcp_error(name, exc) from exc
        return ToolOutcome.from_result(result)

    async def ping(self) -> bool:
        try:
            await self.session.send_request(ClientRequest(PingRequest(method="ping")), EmptyResult)
        except McpError:
            return False
        return True
