"""``ToolInvoker``: a small facade over an initialized ``ClientSession``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    INVALID_PARAMS,
    BlobResourceContents,
    CallToolResult,
    ErrorData,
    ServerCapabilities,
    TextContent,
    TextResourceContents,
    Tool,
)
from pydantic import AnyUrl


@dataclass
class Outcome:
    ok: bool
    text: str = ""
    data: dict[str, Any] | None = None
    error_code: int | None = None
    raw: CallToolResult | None = field(default=None, repr=False)

    def json(self) -> Any:
        return self.data if self.data is not None else json.loads(self.text)


class ToolInvoker:
    def __init__(self, session: ClientSession, *, default_timeout: float = 30.0) -> None:
        self.session = session
        self.default_timeout = default_timeout
        self._catalog: dict[str, Tool] | None = None

    async def catalog(self, refresh: bool = False) -> dict[str, Tool]:
        if self._catalog is not None and not refresh:
            return self._catalog
        tools: dict[str, Tool] = {}
        cursor: str | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.update({t.name: t for t in page.tools})
            if page.nextCursor is None:
                break
            cursor = page.nextCursor
        self._catalog = tools
        return tools

    async def check_arguments(self, name: str, arguments: dict[str, Any]) -> None:
        tool = (await self.catalog()).get(name)
        if tool is None:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown tool {name}"))
        missing = [r for r in tool.inputSchema.get("required", []) if r not in arguments]
        if missing:
            raise McpError(ErrorData(code=INVALID_PARAMS, message=f"{name}: missing {', '.join(missing)}"))

    async def invoke(self, name: str, arguments: dict[str, Any] | None = None, timeout: float | None = None) -> Outcome:
        args = arguments or {}
        await self.check_arguments(name, args)
        try:
            result = await self.session.call_tool(
                name, args, read_timeout_seconds=timedelta(seconds=timeout or self.default_timeout)
            )
        except McpError as exc:
            return Outcome(ok=False, text=exc.error.message, error_code=exc.error.code)
        text = "\n".join(b.text for b in result.content if isinstance(b, TextContent))
        return Outcome(ok=not result.isError, text=text, data=result.structuredContent, raw=result)

    async def fetch_text(self, uri: str | AnyUrl) -> str:
        target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
        result = await self.session.read_resource(target)
        out: list[str] = []
        for part in result.contents:
            if isinstance(part, TextResourceContents):
                out.append(part.text)
            elif isinstance(part, BlobResourceContents):
                raise ValueError(f"{part.uri} is binary ({part.mimeType})")
        return "".join(out)

    async def resource_index(self) -> dict[str, str | None]:
        listing = await self.session.list_resources()
        return {str(r.uri): r.mimeType for r in listing.resources}

    def capabilities(self) -> ServerCapabilities:
        caps = self.session.get_server_capabilities()
        if caps is None:
            raise RuntimeError("session is not initialized")
        return caps

    def supports_tool_list_changes(self) -> bool:
        caps = self.capabilities()
        return bool(caps.tools and caps.tools.listChanged)
