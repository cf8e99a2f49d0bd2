"""The IDE side: keeps the MCP panel in the editor in sync with a notebook server."""

from __future__ import annotations

import logging
from collections import deque
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.shared.context import RequestContext
from mcp.types import (
    CallToolResult,
    CompleteResult,
    InitializeResult,
    ListRootsResult,
    ResourceReference,
    Root,
    TextContent,
    Tool,
)
from pydantic import AnyUrl, FileUrl

from .render import prompt_card, server_header, template_card, tool_card

log = logging.getLogger(__name__)


class NotebookPanel:
    def __init__(self, workspace_folders: list[Path]) -> None:
        self.workspace_folders = workspace_folders
        self._stack = AsyncExitStack()
        self.session: ClientSession | None = None
        self.init: InitializeResult | None = None
        self.tools: list[Tool] = []
        self.tool_index: dict[str, Tool] = {}
        self.last_results: dict[str, CallToolResult] = {}
        self.history: deque[CallToolResult] = deque(maxlen=50)
        self.cards: dict[str, list[dict[str, Any]]] = {}

    async def _roots(self, context: RequestContext[ClientSession, Any]) -> ListRootsResult:
        return ListRootsResult(
            roots=[Root(uri=FileUrl(folder.resolve().as_uri()), name=folder.name) for folder in self.workspace_folders]
        )

    async def start(self, command: str, args: list[str]) -> None:
        read, write = await self._stack.enter_async_context(
            stdio_client(StdioServerParameters(command=command, args=args))
        )
        self.session = await self._stack.enter_async_context(ClientSession(read, write, list_roots_callback=self._roots))
        self.init = await self.session.initialize()
        await self.refresh()

    def _require(self) -> ClientSession:
        if self.session is None:
            raise RuntimeError("panel not connected")
        return self.session

    async def refresh(self) -> None:
        session = self._require()
        listing = await session.list_tools()
        self.tools = listing.tools
        self.tool_index = {t.name: t for t in listing.tools}
        templates = await session.list_resource_templates()
        prompts = await session.list_prompts()
        self.cards = {
            "tools": [tool_card(t) for t in self.tools],
            "templates": [template_card(t) for t in templates.resourceTemplates],
            "prompts": [prompt_card(p) for p in prompts.prompts],
        }

    def header(self) -> dict[str, Any]:
        assert self.init is not None
        header = server_header(self.init.serverInfo)
        caps = self.init.capabilities
        header["can_subscribe"] = bool(caps.resources and caps.resources.subscribe)
        header["live_tools"] = bool(caps.tools and caps.tools.listChanged)
        header["protocol"] = self.init.protocolVersion
        return header

    def needs_confirmation(self, tool_name: str) -> bool:
        tool = self.tool_index[tool_name]
        if tool.annotations is None:
            return True
        return not tool.annotations.readOnlyHint and tool.annotations.destructiveHint is not False

    async def run_tool(self, name: str, arguments: dict[str, Any]) -> CallToolResult:
        result = await self._require().call_tool(name, arguments)
        self.last_results[name] = result
        self.history.append(result)
        return result

    def latest(self) -> CallToolResult:
        return self.history[-1]

    def status_line(self) -> str:
        if not self.history:
            return "idle"
        latest = self.latest()
        if latest.isError:
            first = latest.content[0] if latest.content else None
            return f"error: {first.text if isinstance(first, TextContent) else 'see output'}"
        if latest.structuredContent and "execution_count" in latest.structuredContent:
            return f"[{latest.structuredContent['execution_count']}] ok"
        return "ok"

    def failed_tools(self) -> list[str]:
        return [name for name, result in self.last_results.items() if result.isError]
    async def run_cell(self, notebook: str, index: int) -> dict[str, Any] | None:
        result = await self.run_tool("run_cell", {"notebook": notebook, "index": index})
        return self.last_results["run_cell"].structuredContent if not result.isError else None

    async def watch_cell(self, notebook: str, index: int) -> None:
        await self._require().subscribe_resource(AnyUrl(f"notebook://{notebook}/cells/{index}"))

    async def complete_notebook_name(self, prefix: str) -> list[str]:
        ref = ResourceReference(type="ref/resource", uri="notebook://{name}/cells/{index}")
        result: CompleteResult = await self._require().complete(ref, {"name": "name", "value": prefix})
        values = list(result.completion.values)
        if result.completion.hasMore:
            values.append("…")
        return values

    async def workspace_changed(self, folders: list[Path]) -> None:
        self.workspace_folders = folders
        await self._require().send_roots_list_changed()
