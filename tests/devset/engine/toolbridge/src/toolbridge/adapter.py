"""The adapter turning MCP sessions into a Plumb ``Toolbox``."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import mcp.types as mcp_types
from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from pydantic import AnyUrl

from .convert import convert_result, describe, is_read_only, parameters_for
from .pagination import collect_prompts, collect_resources, collect_tools
from .plumb import Part, PlumbTool, ToolOutput, Toolbox

log = logging.getLogger(__name__)

ProgressListener = Callable[[str, float, float | None, str | None], Awaitable[None]]


class BridgeError(RuntimeError):
    """A tool call failed at the protocol level (not a tool-reported error)."""

    def __init__(self, tool: str, code: int, message: str) -> None:
        super().__init__(f"{tool}: [{code}] {message}")
        self.tool = tool
        self.code = code


@dataclass
class BridgedTool:
    """An MCP tool together with the session that serves it."""

    server: str
    tool: mcp_types.Tool
    session: ClientSession
    timeout: timedelta | None = None

    @property
    def qualified_name(self) -> str:
        return f"{self.server}.{self.tool.name}"

    @property
    def has_structured_output(self) -> bool:
        return self.tool.outputSchema is not None


@dataclass
class Catalog:
    tools: dict[str, BridgedTool] = field(default_factory=dict)
    resources: dict[str, mcp_types.Resource] = field(default_factory=dict)
    prompts: dict[str, mcp_types.Prompt] = field(default_factory=dict)
    resource_owner: dict[str, str] = field(default_factory=dict)


class MCPToolAdapter:
    """Collects tools from named MCP sessions and exposes them to Plumb."""

    def __init__(
        self,
        sessions: Mapping[str, ClientSession],
        *,
        timeout: timedelta = timedelta(seconds=60),
        on_progress: ProgressListener | None = None,
        retry_timeouts: int = 1,
    ) -> None:
        self._sessions = dict(sessions)
        self.timeout = timeout
        self.on_progress = on_progress
        self.retry_timeouts = retry_timeouts
        self.catalog = Catalog()

    async def refresh(self) -> Catalog:
        catalog = Catalog()
        for server, session in self._sessions.items():
            for tool in await collect_tools(session):
                bridged = BridgedTool(server=server, tool=tool, session=session, timeout=self.timeout)
                catalog.tools[bridged.qualified_name] = bridged
            for resource in await collect_resources(session):
                catalog.resources[str(resource.uri)] = resource
                catalog.resource_owner[str(resource.uri)] = server
            for prompt in await collect_prompts(session):
                catalog.prompts[f"{server}.{prompt.name}"] = prompt
        self.catalog = catalog
        log.info("bridged %d tools from %d servers", len(catalog.tools), len(self._sessions))
        return catalog

    def _progress_for(self, qualified_name: str) -> ProgressFnT | None:
        listener = self.on_progress
        if listener is None:
            return None

        async def forward(progress: float, total: float | None, message: str | None) -> None:
            await listener(qualified_name, progress, total, message)

        return forward

    async def call(self, qualified_name: str, arguments: dict[str, Any]) -> ToolOutput:
        bridged = self.catalog.tools[qualified_name]
        attempts = self.retry_timeouts + 1
        for attempt in range(attempts):
            try:
                result = await bridged.session.call_tool(
                    bridged.tool.name,
                    arguments,
                    read_timeout_seconds=bridged.timeout,
                    progress_callback=self._progress_for(qualified_name),
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt + 1 < attempts:
                    log.warning("%s timed out, retrying (%d/%d)", qualified_name, attempt + 1, attempts)
                    continue
                raise BridgeError(qualified_name, exc.error.code, exc.error.message) from exc
            return convert_result(result)
        raise AssertionError("unreachable")

    def _make_tool(self, bridged: BridgedTool) -> PlumbTool:
        qualified_name = bridged.qualified_name

        async def run(arguments: dict[str, Any]) -> ToolOutput:
            return await self.call(qualified_name, arguments)

        tags = {bridged.server}
        if bridged.has_structured_output:
            tags.add("structured")
        return PlumbTool(
            name=qualified_name,
            description=describe(bridged.tool),
            parameters=parameters_for(bridged.tool),
            returns=bridged.tool.outputSchema,
            func=run,
            read_only=is_read_only(bridged.tool),
            tags=tags,
        )

    async def build_toolbox(self, *, read_only: bool = False) -> Toolbox:
        if not self.catalog.tools:
            await self.refresh()
        toolbox = Toolbox()
        for bridged in self.catalog.tools.values():
            tool = self._make_tool(bridged)
            if read_only and not tool.read_only:
                continue
            toolbox.add(tool)
        return toolbox

    async def read_resource(self, uri: str) -> list[Part]:
        """Read a resource from whichever server advertised it."""
        owner = self.catalog.resource_owner.get(uri)
        if owner is None:
            if len(self._sessions) != 1:
                raise KeyError(f"unknown resource {uri}")
            owner = next(iter(self._sessions))
        session = self._sessions[owner]
        result = await session.read_resource(AnyUrl(uri))
        parts: list[Part] = []
        for item in result.contents:
            if isinstance(item, mcp_types.TextResourceContents):
                parts.append(Part(kind="text", text=item.text, media_type=item.mimeType, uri=str(item.uri)))
            else:
                parts.append(Part(kind="file", data=item.blob, media_type=item.mimeType, uri=str(item.uri)))
        return parts

    async def prompt_text(self, qualified_name: str, arguments: dict[str, str] | None = None) -> str:
        server, _, name = qualified_name.partition(".")
        result = await self._sessions[server].get_prompt(name, arguments)
        lines: list[str] = []
        for message in result.messages:
            if isinstance(message.content, mcp_types.TextContent):
                lines.append(f"{message.role}: {message.content.text}")
        return "\n".join(lines)
