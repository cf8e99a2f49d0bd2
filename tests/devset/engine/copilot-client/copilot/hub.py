"""All MCP servers of a workspace behind one ClientSessionGroup."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from types import TracebackType
from typing import Any

import httpx
import mcp.types as types
from mcp.client.session import ClientSession
from mcp.client.session_group import ClientSessionGroup
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT

from copilot.callbacks import WorkspaceCallbacks
from copilot.config import ServerEntry, WorkspaceConfig
from copilot.results import ToolInvocation, ToolSpec

logger = logging.getLogger(__name__)


class ToolTimeout(Exception):
    def __init__(self, name: str, waited: timedelta) -> None:
        super().__init__(f"{name} did not answer within {waited.total_seconds():g}s")
        self.name = name
        self.waited = waited


class ToolUnavailable(Exception):
    pass


@dataclass(frozen=True)
class MacroStep:
    """One step of a user-recorded macro (format predates 'arguments')."""

    tool: str
    args: dict[str, Any]


def qualify(name: str, server_info: types.Implementation) -> str:
    return f"{server_info.name}.{name}"


class AssistantHub:
    def __init__(self, callbacks: WorkspaceCallbacks, *, default_timeout: timedelta = timedelta(seconds=60)) -> None:
        self.callbacks = callbacks
        self.default_timeout = default_timeout
        self.group = ClientSessionGroup(component_name_hook=qualify)
        self.sessions: dict[str, ClientSession] = {}
        self.history: list[ToolInvocation] = []

    async def __aenter__(self) -> AssistantHub:
        await self.group.__aenter__()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.group.__aexit__(exc_type, exc, tb)

    async def connect(self, entry: ServerEntry) -> ClientSession:
        params = self.callbacks.bind(entry.name, entry.read_timeout)
        session = await self.group.connect_to_server(entry.params, params)
        setattr(session, "copilot_server_name", entry.name)
        self.sessions[entry.name] = session
        return session

    async def connect_all(self, config: WorkspaceConfig) -> list[str]:
        failed: list[str] = []
        for entry in config.enabled():
            try:
                await self.connect(entry)
            except (McpError, OSError, httpx.HTTPError) as exc:
                logger.warning("could not start %s (%s): %s", entry.name, entry.transport, exc)
                failed.append(entry.name)
        return failed

    async def attach(self, name: str, session: ClientSession, server_info: types.Implementation) -> None:
        """Register an already-initialized session (in-process servers, tests)."""
        setattr(session, "copilot_server_name", name)
        self.sessions[name] = session
        await self.group.connect_with_session(server_info, session)

    def capabilities(self, name: str) -> types.ServerCapabilities | None:
        return self.sessions[name].get_server_capabilities()

    def tool_specs(self) -> list[ToolSpec]:
        return [ToolSpec(qualified, tool) for qualified, tool in sorted(self.group.tools.items())]

    async def invoke(
        self,
        qualified_name: str,
        arguments: dict[str, Any],
        *,
        timeout: timedelta | None = None,
        on_progress: ProgressFnT | None = None,
    ) -> ToolInvocation:
        tool = self.group.tools.get(qualified_name)
        if tool is None:
            raise ToolUnavailable(f"no tool named {qualified_name}")
        waited = timeout or self.default_timeout
        invocation_start = time.monotonic()
        try:
            result = await self.group.call_tool(
                qualified_name, arguments, read_timeout_seconds=waited, progress_callback=on_progress
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                raise ToolTimeout(qualified_name, waited) from exc
            if exc.error.code in (types.METHOD_NOT_FOUND, types.INVALID_PARAMS):
                raise ToolUnavailable(f"{qualified_name}: {exc.error.message}") from exc
            raise
        invocation = ToolInvocation(ToolSpec(qualified_name, tool), arguments, result, started=invocation_start)
        invocation.finished = time.monotonic()
        self.history.append(invocation)
        return invocation

    async def run_macro(self, steps: list[MacroStep]) -> list[types.CallToolResult]:
        results: list[types.CallToolResult] = []
        for step in steps:
            result = await self.group.call_tool(step.tool, args=step.args)
            results.append(result)
            if result.isError:
                break
        return results
