"""The inspector session: a ClientSession plus the bookkeeping the CLI needs."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from pydantic import AnyUrl

import mcp.types as types
from mcp import ClientSession, McpError
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import Cursor

from probe_inspector import __version__
from probe_inspector.callbacks import ClientCallbacks
from probe_inspector.history import CallHistory, HistoryEntry
from probe_inspector.settings import ServerEntry
from probe_inspector.transports import ReadStream, WriteStream, open_transport

logger = logging.getLogger(__name__)

CLIENT_INFO = types.Implementation(name="probe-inspector", version=__version__, websiteUrl="https://probe-tools.dev")


class InspectorError(Exception):
    """A failed request, carrying the JSON-RPC error the server sent (if any)."""

    def __init__(self, message: str, code: int | None = None, data: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.data = data

    @classmethod
    def from_mcp(cls, exc: McpError, action: str) -> InspectorError:
        return cls(f"{action}: {exc.error.message}", exc.error.code, exc.error.data)

    @property
    def timed_out(self) -> bool:
        return self.code == httpx.codes.REQUEST_TIMEOUT


@dataclass
class ServerSummary:
    name: str
    version: str
    protocol_version: str
    capabilities: types.ServerCapabilities
    instructions: str | None = None
    website_url: str | None = None

    @property
    def is_latest_protocol(self) -> bool:
        return self.protocol_version == types.LATEST_PROTOCOL_VERSION

    def features(self) -> list[str]:
        caps = self.capabilities
        out = [name for name in ("tools", "resources", "prompts", "logging", "completions") if getattr(caps, name)]
        if caps.tools is not None and caps.tools.listChanged:
            out[0] += " (listChanged)"
        return out


@dataclass
class Catalog:
    tools: list[types.Tool] = field(default_factory=list)
    resources: list[types.Resource] = field(default_factory=list)
    templates: list[types.ResourceTemplate] = field(default_factory=list)
    prompts: list[types.Prompt] = field(default_factory=list)


class Inspector:
    def __init__(
        self,
        session: ClientSession,
        callbacks: ClientCallbacks,
        *,
        server_name: str = "server",
        call_timeout: timedelta = timedelta(seconds=30),
        max_pages: int = 100,
    ) -> None:
        self.session = session
        self.callbacks = callbacks
        self.server_name = server_name
        self.call_timeout = call_timeout
        self.max_pages = max_pages
        self.history = CallHistory()
        self.summary: ServerSummary | None = None

    @classmethod
    @asynccontextmanager
    async def over_streams(
        cls,
        read: ReadStream,
        write: WriteStream,
        callbacks: ClientCallbacks,
        *,
        server_name: str = "server",
        read_timeout: timedelta = timedelta(seconds=30),
    ) -> AsyncIterator[Inspector]:
        session = ClientSession(
            read,
            write,
            read_timeout_seconds=read_timeout,
            sampling_callback=callbacks.sampling,
            elicitation_callback=callbacks.elicitation,
            list_roots_callback=callbacks.list_roots,
            logging_callback=callbacks.on_log,
            message_handler=callbacks.on_message,
            client_info=CLIENT_INFO,
        )
        async with session:
            inspector = cls(session, callbacks, server_name=server_name, call_timeout=read_timeout)
            await inspector.handshake()
            yield inspector

    @classmethod
    @asynccontextmanager
    async def connect(
        cls, entry: ServerEntry, callbacks: ClientCallbacks, *, read_timeout: timedelta = timedelta(seconds=30)
    ) -> AsyncIterator[Inspector]:
        async with open_transport(entry, timeout=read_timeout) as handle, cls.over_streams(
            handle.read, handle.write, callbacks, server_name=entry.name, read_timeout=read_timeout
        ) as inspector:
            yield inspector

    async def handshake(self) -> ServerSummary:
        result = await self.session.initialize()
        version = str(result.protocolVersion)
        if version not in SUPPORTED_PROTOCOL_VERSIONS:
            raise InspectorError(f"server negotiated unsupported protocol {version}")
        info = result.serverInfo
        self.summary = ServerSummary(
            info.name, info.version, version, result.capabilities, result.instructions, info.websiteUrl
        )
        return self.summary

    def capabilities(self) -> types.ServerCapabilities:
        caps = self.session.get_server_capabilities()
        if caps is None:
            raise InspectorError("session is not initialized")
        return caps

    async def list_tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: Cursor | None = None
        for _ in range(self.max_pages):
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if (cursor := page.nextCursor) is None:
                break
        return tools

    async def list_resources(self) -> tuple[list[types.Resource], list[types.ResourceTemplate]]:
        resources: list[types.Resource] = []
        cursor: Cursor | None = None
        for _ in range(self.max_pages):
            page = await self.session.list_resources(cursor=cursor)
            resources.extend(page.resources)
            if (cursor := page.nextCursor) is None:
                break
        templates = await self.session.list_resource_templates()
        return resources, templates.resourceTemplates

    async def catalog(self) -> Catalog:
        caps = self.capabilities()
        catalog = Catalog()
        if caps.tools is not None:
            catalog.tools = await self.list_tools()
        if caps.resources is not None:
            catalog.resources, catalog.templates = await self.list_resources()
        if caps.prompts is not None:
            catalog.prompts = (await self.session.list_prompts()).prompts
        return catalog

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta | None = None,
        progress: ProgressFnT | None = None,
        retries: int = 0,
        meta: dict[str, Any] | None = None,
    ) -> types.CallToolResult:
        for attempt in range(retries + 1):
            started = time.perf_counter()
            try:
                result = await self.session.call_tool(
                    name,
                    arguments or {},
                    read_timeout_seconds=timeout or self.call_timeout,
                    progress_callback=progress,
                    meta=meta,
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < retries:
                    logger.warning("%s timed out, retrying (%d/%d)", name, attempt + 1, retries)
                    continue
                raise InspectorError.from_mcp(exc, f"tools/call {name}") from exc
            elapsed = (time.perf_counter() - started) * 1000
            self.history.add(HistoryEntry(self.server_name, name, result.isError, elapsed, result.structuredContent))
            return result
        raise InspectorError(f"tools/call {name}: no attempts made")

    async def read_resource(self, uri: str) -> types.ReadResourceResult:
        try:
            return await self.session.read_resource(AnyUrl(uri))
        except McpError as exc:
            raise InspectorError.from_mcp(exc, f"resources/read {uri}") from exc

    async def subscribe(self, uri: str, *, on: bool = True) -> None:
        if on:
            await self.session.subscribe_resource(AnyUrl(uri))
        else:
            await self.session.unsubscribe_resource(AnyUrl(uri))

    async def get_prompt(self, name: str, arguments: dict[str, str] | None = None) -> types.GetPromptResult:
        try:
            return await self.session.get_prompt(name, arguments)
        except McpError as exc:
            raise InspectorError.from_mcp(exc, f"prompts/get {name}") from exc

    async def complete(self, target: str, argument: str, value: str) -> types.Completion:
        """Complete an argument of a prompt (``prompt:NAME``) or of a resource template URI."""
        ref: types.PromptReference | types.ResourceReference
        if target.startswith("prompt:"):
            ref = types.PromptReference(type="ref/prompt", name=target.removeprefix("prompt:"))
        else:
            ref = types.ResourceReference(type="ref/resource", uri=target)
        result = await self.session.complete(ref, {"name": argument, "value": value})
        return result.completion

    async def ping(self) -> float:
        started = time.perf_counter()
        await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        return (time.perf_counter() - started) * 1000

    async def set_log_level(self, level: types.LoggingLevel) -> bool:
        if self.capabilities().logging is None:
            return False
        await self.session.set_logging_level(level)
        return True

    async def announce_roots_changed(self) -> None:
        await self.session.send_notification(types.ClientNotification(types.RootsListChangedNotification()))
