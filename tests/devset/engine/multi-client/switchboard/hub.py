"""The hub: one ClientSession per configured server, with a merged catalog."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from types import TracebackType
from typing import Any, TypeVar

import anyio
import httpx
from pydantic import AnyUrl
from typing_extensions import Self

import mcp.types as types
from mcp import ClientSession, McpError
from mcp.client.streamable_http import GetSessionIdCallback
from mcp.shared._httpx_utils import McpHttpClientFactory
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import Cursor
from switchboard import __version__
from switchboard.callbacks import ClientCallbacks
from switchboard.config import ServerEntry
from switchboard.results import Attachment, ToolOutcome, prompt_transcript, read_attachments, split_uri, summarize
from switchboard.transports import Connection, ReadStream, WriteStream, open_connection
from switchboard.wire import WireTap

log = logging.getLogger("switchboard.hub")

T = TypeVar("T")
Page = tuple[list[T], Cursor | None]


class UnknownTarget(LookupError):
    pass


@dataclass
class ServerHandle:
    name: str
    session: ClientSession
    info: types.Implementation
    capabilities: types.ServerCapabilities
    protocol_version: str
    instructions: str | None
    transport: str
    get_session_id: GetSessionIdCallback
    tools: dict[str, types.Tool] = field(default_factory=dict)
    resources: dict[str, types.Resource] = field(default_factory=dict)
    templates: list[types.ResourceTemplate] = field(default_factory=list)
    prompts: dict[str, types.Prompt] = field(default_factory=dict)

    def template_for(self, uri: AnyUrl) -> types.ResourceTemplate | None:
        for template in self.templates:
            pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template.uriTemplate))
            if re.fullmatch(pattern, str(uri)):
                return template
        return None


async def collect_pages(fetch: Callable[[Cursor | None], Awaitable[Page[T]]], limit: int = 50) -> list[T]:
    items: list[T] = []
    cursor: Cursor | None = None
    for _ in range(limit):
        page, cursor = await fetch(cursor)
        items.extend(page)
        if cursor is None:
            return items
    raise RuntimeError(f"gave up after {limit} pages")


class Hub:
    def __init__(
        self,
        callbacks: ClientCallbacks | None = None,
        *,
        read_timeout: timedelta | None = timedelta(seconds=30),
        separator: str = ".",
        http_factory: McpHttpClientFactory | None = None,
        auth: httpx.Auth | None = None,
        tap: WireTap | None = None,
        retries: int = 1,
    ) -> None:
        self.callbacks = callbacks or ClientCallbacks()
        self.read_timeout = read_timeout
        self.separator = separator
        self.http_factory = http_factory
        self.auth = auth
        self.tap = tap
        self.retries = retries
        self.servers: dict[str, ServerHandle] = {}
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> Self:
        await self._stack.__aenter__()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        self.servers.clear()
        return await self._stack.__aexit__(exc_type, exc, tb)

    # -- connecting ---------------------------------------------------------------

    async def add(self, entry: ServerEntry, *, http_client: httpx.AsyncClient | None = None) -> ServerHandle:
        conn = await open_connection(
            entry, self._stack, auth=self.auth, http_factory=self.http_factory, http_client=http_client
        )
        read_timeout = timedelta(seconds=entry.read_timeout) if entry.read_timeout else self.read_timeout
        return await self._start(entry.name, conn, read_timeout)

    async def attach(self, name: str, read: ReadStream, write: WriteStream) -> ServerHandle:
        """Attach a server reachable through an already-open pair of streams."""
        return await self._start(name, Connection(read, write, lambda: None, "memory"), self.read_timeout)

    async def _start(self, name: str, conn: Connection, read_timeout: timedelta | None) -> ServerHandle:
        if name in self.servers:
            raise ValueError(f"server {name!r} is already connected")
        read, write = conn.read, conn.write
        if self.tap is not None:
            read, write = await self._stack.enter_async_context(self.tap.tapped(read, write))
        session = await self._stack.enter_async_context(
            ClientSession(
                read,
                write,
                read_timeout_seconds=read_timeout,
                sampling_callback=self.callbacks.sampling_callback,
                elicitation_callback=self.callbacks.elicitation_callback,
                list_roots_callback=self.callbacks.list_roots_callback,
                logging_callback=self.callbacks.logging_callback,
                message_handler=self.callbacks.message_handler_for(name),
                client_info=types.Implementation(name="switchboard", version=__version__),
            )
        )
        init = await session.initialize()
        if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
            raise RuntimeError(f"{name}: unsupported protocol {init.protocolVersion}")
        handle = self.servers[name] = ServerHandle(
            name=name,
            session=session,
            info=init.serverInfo,
            capabilities=session.get_server_capabilities() or init.capabilities,
            protocol_version=init.protocolVersion,
            instructions=init.instructions,
            transport=conn.transport,
            get_session_id=conn.get_session_id,
        )
        await self.refresh(name)
        log.info("connected %s (%s %s) over %s", name, init.serverInfo.name, init.serverInfo.version, conn.transport)
        return handle

    # -- catalog ----------------------------------------------------------------------

    async def refresh(self, name: str) -> None:
        handle = self.servers[name]
        session, caps = handle.session, handle.capabilities

        async def tool_page(cursor: Cursor | None) -> Page[types.Tool]:
            result = await session.list_tools(cursor=cursor)
            return result.tools, result.nextCursor

        async def resource_page(cursor: Cursor | None) -> Page[types.Resource]:
            result = await session.list_resources(cursor=cursor)
            return result.resources, result.nextCursor

        async def template_page(cursor: Cursor | None) -> Page[types.ResourceTemplate]:
            result = await session.list_resource_templates(cursor=cursor)
            return result.resourceTemplates, result.nextCursor

        async def prompt_page(cursor: Cursor | None) -> Page[types.Prompt]:
            result = await session.list_prompts(cursor=cursor)
            return result.prompts, result.nextCursor

        if caps.tools is not None:
            handle.tools = {t.name: t for t in await collect_pages(tool_page)}
        if caps.resources is not None:
            handle.resources = {str(r.uri): r for r in await collect_pages(resource_page)}
            handle.templates = await collect_pages(template_page)
        if caps.prompts is not None:
            handle.prompts = {p.name: p for p in await collect_pages(prompt_page)}
        for kind in ("tools", "resources", "prompts"):
            self.callbacks.stale.discard(f"{name}:{kind}")

    async def refresh_stale(self) -> list[str]:
        names = sorted({key.split(":", 1)[0] for key in self.callbacks.stale if key.split(":", 1)[0] in self.servers})
        for name in names:
            await self.refresh(name)
        return names

    def qualified_tools(self) -> dict[str, tuple[ServerHandle, types.Tool]]:
        return {
            f"{handle.name}{self.separator}{tool.name}": (handle, tool)
            for handle in self.servers.values()
            for tool in handle.tools.values()
        }

    def _resolve(self, qualified: str) -> tuple[ServerHandle, str]:
        server, sep, name = qualified.partition(self.separator)
        if not sep or server not in self.servers:
            raise UnknownTarget(f"no server for {qualified!r}")
        return self.servers[server], name

    def snapshot(self) -> dict[str, Any]:
        return {
            name: {
                "serverInfo": handle.info.model_dump(),
                "protocolVersion": handle.protocol_version,
                "capabilities": handle.capabilities.model_dump(exclude_none=True),
                "tools": [t.model_dump(exclude_none=True) for t in handle.tools.values()],
                "resources": [r.model_dump(mode="json", exclude_none=True) for r in handle.resources.values()],
                "resourceTemplates": [t.model_dump(exclude_none=True) for t in handle.templates],
                "prompts": [p.model_dump(exclude_none=True) for p in handle.prompts.values()],
            }
            for name, handle in self.servers.items()
        }

    # -- operations -------------------------------------------------------------------

    async def call(
        self,
        qualified: str,
        arguments: dict[str, Any] | None = None,
        *,
        timeout: timedelta | None = None,
        on_progress: ProgressFnT | None = None,
    ) -> ToolOutcome:
        handle, name = self._resolve(qualified)
        if name not in handle.tools:
            raise UnknownTarget(f"{handle.name} has no tool {name!r}")
        attempt = 0
        while True:
            try:
                result = await handle.session.call_tool(
                    name, arguments or {}, read_timeout_seconds=timeout, progress_callback=on_progress
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT and attempt < self.retries:
                    attempt += 1
                    log.warning("%s timed out (%s); retry %d", qualified, exc.error.message, attempt)
                    await anyio.sleep(0.01 * attempt)
                    continue
                raise
            return summarize(qualified, result)

    def _owner_of(self, uri: AnyUrl) -> ServerHandle:
        for handle in self.servers.values():
            if str(uri) in handle.resources or handle.template_for(uri) is not None:
                return handle
        scheme = split_uri(uri)[0]
        for handle in self.servers.values():
            if any(r.uri.scheme == scheme for r in handle.resources.values()):
                return handle
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no server serves {uri}"))

    async def read(self, uri: str | AnyUrl) -> list[Attachment]:
        url = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
        handle = self._owner_of(url)
        return read_attachments(await handle.session.read_resource(url))

    async def subscribe(self, uri: str) -> str:
        url = AnyUrl(uri)
        handle = self._owner_of(url)
        resources = handle.capabilities.resources
        if resources is None or not resources.subscribe:
            raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"{handle.name} has no subscriptions"))
        await handle.session.subscribe_resource(url)
        return handle.name

    async def prompt(self, qualified: str, arguments: dict[str, str] | None = None) -> list[tuple[str, str]]:
        handle, name = self._resolve(qualified)
        return prompt_transcript(await handle.session.get_prompt(name, arguments))

    async def complete(self, qualified: str, argument: str, value: str) -> list[str]:
        handle, name = self._resolve(qualified)
        if handle.capabilities.completions is None:
            return []
        if name in handle.prompts:
            ref: types.PromptReference | types.ResourceReference = types.PromptReference(type="ref/prompt", name=name)
        else:
            ref = types.ResourceReference(type="ref/resource", uri=name)
        result = await handle.session.complete(ref, {"name": argument, "value": value})
        return result.completion.values

    async def ping(self, name: str) -> float:
        started = time.perf_counter()
        await self.servers[name].session.send_request(
            types.ClientRequest(types.PingRequest()),
            types.EmptyResult,
            request_read_timeout_seconds=timedelta(seconds=5),
        )
        return time.perf_counter() - started

    async def set_log_level(self, level: types.LoggingLevel) -> list[str]:
        updated = []
        for handle in self.servers.values():
            if handle.capabilities.logging is not None:
                await handle.session.set_logging_level(level)
                updated.append(handle.name)
        return updated

    async def roots_changed(self) -> None:
        for handle in self.servers.values():
            await handle.session.send_notification(types.ClientNotification(types.RootsListChangedNotification()))
