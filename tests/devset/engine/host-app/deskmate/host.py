"""The host application core: connections, tools, approvals and UI models."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from types import TracebackType
from typing import Any

import httpx
from pydantic import AnyUrl
from typing_extensions import Self

from mcp import McpError, types

from deskmate.browser import PromptPicker, ResourceBrowser, render_block
from deskmate.callbacks import HostServices, ServerCallbacks
from deskmate.config import HostConfig
from deskmate.connection import ConnectionState, ServerConnection
from deskmate.registry import Approval, ApprovalRules, ToolEntry, ToolRegistry
from deskmate.transports import TransportFactory, TransportOpener, quiet_http_loggers

log = logging.getLogger(__name__)

ConfirmFn = Callable[[ToolEntry, dict[str, Any]], Awaitable[bool]]


async def _deny_all(entry: ToolEntry, arguments: dict[str, Any]) -> bool:
    return False


@dataclass
class ToolOutcome:
    tool: str
    text: str
    is_error: bool = False
    structured: dict[str, Any] | None = None
    denied: bool = False
    timed_out: bool = False
    progress: list[tuple[float, float | None, str | None]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


class HostApp:
    def __init__(
        self,
        config: HostConfig,
        *,
        services: HostServices | None = None,
        opener: TransportOpener | None = None,
        confirm: ConfirmFn = _deny_all,
        request_timeout: timedelta = timedelta(seconds=60),
    ) -> None:
        self.config = config
        self.services = services or HostServices.headless()
        self.services.approvals = config.approvals
        self.services.on_resource_updated = self._on_resource_updated
        self.services.on_list_changed = self._on_list_changed
        self.services.workspaces.subscribe(self._broadcast_roots_changed)
        self.opener: TransportOpener = opener or TransportFactory()
        self.confirm = confirm
        self.request_timeout = request_timeout
        self.connections: dict[str, ServerConnection] = {}
        auto_approve = {entry.name: set(entry.auto_approve) for entry in config.servers.values()}
        self.registry = ToolRegistry(ApprovalRules(settings=config.approvals, auto_approve=auto_approve))
        self.resources = ResourceBrowser()
        self.prompts = PromptPicker()
        self.transcript: list[dict[str, Any]] = []

    async def __aenter__(self) -> Self:
        quiet_http_loggers()
        for path in self.config.workspaces.expanded():
            if path.is_dir():
                await self.services.workspaces.open(path)
        await self.connect_all()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for conn in reversed(list(self.connections.values())):
            await conn.close()

    async def connect_all(self) -> None:
        for entry in self.config.enabled():
            try:
                await self.connect(entry.name)
            except McpError as exc:
                log.warning("%s refused the handshake (%s): %s", entry.name, exc.error.code, exc.error.message)
            except (OSError, httpx.HTTPError) as exc:
                log.warning("%s is unreachable: %s", entry.name, exc)

    async def connect(self, name: str) -> ServerConnection:
        callbacks = ServerCallbacks(name, self.services)
        conn = ServerConnection(self.config.servers[name], callbacks, self.opener, self.request_timeout)
        self.connections[name] = conn
        await conn.start()
        if conn.supports("tools"):
            await self.registry.refresh(name, conn.session)
        if conn.supports("logging"):
            await conn.session.set_logging_level(self.config.ui.log_level)
        return conn

    async def disconnect(self, name: str) -> None:
        conn = self.connections.pop(name, None)
        if conn is not None:
            self.registry.drop_server(name)
            await conn.close()

    def ready(self) -> list[ServerConnection]:
        return [conn for conn in self.connections.values() if conn.state is ConnectionState.READY]

    async def set_log_level(self, level: types.LoggingLevel) -> None:
        self.services.logs.min_level = level
        for conn in self.ready():
            if conn.supports("logging"):
                await conn.session.set_logging_level(level)

    async def _on_resource_updated(self, server: str, uri: AnyUrl) -> None:
        await self.resources.mark_updated(server, uri)

    async def _on_list_changed(self, server: str, kind: str) -> None:
        if kind == "tools":
            self.registry.stale.add(server)

    async def _broadcast_roots_changed(self) -> None:
        for conn in self.ready():
            await conn.session.send_roots_list_changed()

    async def refresh_stale_tools(self) -> list[str]:
        stale = [conn for conn in self.ready() if conn.name in self.registry.stale]
        for conn in stale:
            await self.registry.refresh(conn.name, conn.session)
        return [conn.name for conn in stale]

    async def call_tool(
        self,
        qualified_name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta | None = None,
    ) -> ToolOutcome:
        entry = self.registry.resolve(qualified_name)
        arguments = arguments or {}
        decision = self.registry.approval(qualified_name)
        if decision is Approval.ASK:
            decision = Approval.AUTO if await self.confirm(entry, arguments) else Approval.DENY
        if decision is Approval.DENY:
            self.services.feed.push(entry.server, "tool-denied", tool=entry.tool.name)
            return ToolOutcome(tool=qualified_name, text="The user declined to run this tool.", denied=True)

        conn = self.connections[entry.server]
        updates: list[tuple[float, float | None, str | None]] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            updates.append((progress, total, message))

        try:
            result = await conn.session.call_tool(
                entry.tool.name,
                arguments,
                read_timeout_seconds=timeout,
                progress_callback=on_progress,
                meta={"deskmate/surface": "chat"},
            )
        except McpError as exc:
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                return ToolOutcome(tool=qualified_name, text="Timed out.", is_error=True, timed_out=True)
            if exc.error.code == types.CONNECTION_CLOSED:
                conn.state = ConnectionState.FAILED
                conn.error = exc.error.message
            return ToolOutcome(tool=qualified_name, text=exc.error.message, is_error=True)

        outcome = ToolOutcome(
            tool=qualified_name,
            text="\n".join(render_block(block) for block in result.content),
            is_error=result.isError,
            structured=result.structuredContent,
            progress=updates,
            raw=result.model_dump(exclude_none=True),
        )
        self.transcript.append({"type": "tool_result", "tool": qualified_name, "arguments": arguments, **outcome.raw})
        return outcome

    def export_transcript(self) -> str:
        return json.dumps(self.transcript, indent=2, sort_keys=True, default=str)
