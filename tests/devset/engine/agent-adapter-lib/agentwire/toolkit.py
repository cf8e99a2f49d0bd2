"""Agent-facing wrapper around a single MCP client session."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

import httpx
from mcp import ClientSession, McpError, types
from mcp.client.streamable_http import GetSessionIdCallback
from mcp.shared.session import ProgressFnT
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import Cursor
from pydantic import AnyUrl

from agentwire.cache import ToolListCache
from agentwire.convert import error_message, prompt_to_messages, resource_contents_to_part, tool_result_to_message
from agentwire.convert import tool_to_spec
from agentwire.messages import ChatMessage, FilePart, ToolSpec

logger = logging.getLogger(__name__)

SESSION_TERMINATED = 32600

PageT = TypeVar("PageT", bound=types.PaginatedResult)
ItemT = TypeVar("ItemT")


class SessionExpiredError(RuntimeError):
    """The remote side dropped our session; the caller should reconnect."""


@dataclass(frozen=True)
class ServerIdentity:
    name: str
    version: str
    protocol_version: str
    capabilities: types.ServerCapabilities
    instructions: str | None = None
    website: str | None = None

    @property
    def announces_tool_changes(self) -> bool:
        return bool(self.capabilities.tools and self.capabilities.tools.listChanged)


@dataclass(frozen=True)
class ResourceInfo:
    uri: str
    name: str
    scheme: str
    host: str | None
    mime_type: str | None


class MCPToolkit:
    """Exposes one connected server's tools, resources and prompts to an agent."""

    max_pages = 50

    def __init__(
        self,
        session: ClientSession,
        *,
        name: str,
        cache: ToolListCache | None = None,
        tool_prefix: str | None = None,
        call_timeout: timedelta | None = timedelta(seconds=60),
        max_retries: int = 1,
        run_id: str | None = None,
    ) -> None:
        self.session = session
        self.name = name
        self.cache = cache if cache is not None else ToolListCache()
        self.tool_prefix = tool_prefix
        self.call_timeout = call_timeout
        self.max_retries = max_retries
        self.run_id = run_id
        self.identity: ServerIdentity | None = None
        self.get_session_id: GetSessionIdCallback | None = None
        self.call_count = 0

    async def initialize(self) -> ServerIdentity:
        result = await self.session.initialize()
        negotiated = result.protocolVersion
        if negotiated not in SUPPORTED_PROTOCOL_VERSIONS:
            raise RuntimeError(f"{self.name}: unsupported protocol version {negotiated}")
        if negotiated != types.LATEST_PROTOCOL_VERSION:
            logger.info("%s negotiated older protocol %s", self.name, negotiated)
        info = result.serverInfo
        self.identity = ServerIdentity(
            info.name, info.version, str(negotiated), result.capabilities, result.instructions, info.websiteUrl
        )
        return self.identity

    def adopt(self) -> ServerIdentity:
        """Wrap a session that somebody else already initialised."""
        caps = self.session.get_server_capabilities()
        if caps is None:
            raise RuntimeError(f"{self.name}: session has not been initialised")
        self.identity = ServerIdentity(self.name, "unknown", types.LATEST_PROTOCOL_VERSION, caps)
        return self.identity

    @property
    def session_id(self) -> str | None:
        return self.get_session_id() if self.get_session_id is not None else None

    async def _paginate(
        self, fetch: Callable[[Cursor | None], Awaitable[PageT]], items: Callable[[PageT], list[ItemT]]
    ) -> list[ItemT]:
        collected: list[ItemT] = []
        cursor: Cursor | None = None
        for _ in range(self.max_pages):
            page = await fetch(cursor)
            collected.extend(items(page))
            cursor = page.nextCursor
            if cursor is None:
                break
        return collected

    # -- tools --------------------------------------------------------------------

    async def list_tools(self, *, refresh: bool = False) -> list[types.Tool]:
        cached = None if refresh else self.cache.get(self.name)
        if cached is not None:
            return cached
        tools = await self._paginate(lambda c: self.session.list_tools(cursor=c), lambda p: p.tools)
        self.cache.put(self.name, tools)
        return tools

    async def tool_specs(self, *, refresh: bool = False) -> list[ToolSpec]:
        return [tool_to_spec(t, prefix=self.tool_prefix, server=self.name) for t in await self.list_tools(refresh=refresh)]

    async def call(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        *,
        tool_call_id: str | None = None,
        timeout: timedelta | None = None,
        progress: ProgressFnT | None = None,
    ) -> ChatMessage:
        tool_name = name.removeprefix(self.tool_prefix) if self.tool_prefix else name
        meta = {"run_id": self.run_id} if self.run_id else None
        attempt = 0
        while True:
            attempt += 1
            try:
                result = await self.session.call_tool(
                    tool_name,
                    arguments or {},
                    read_timeout_seconds=timeout or self.call_timeout,
                    progress_callback=progress,
                    meta=meta,
                )
            except McpError as exc:
                code = exc.error.code
                if code == httpx.codes.REQUEST_TIMEOUT and attempt <= self.max_retries:
                    logger.warning("%s.%s timed out (attempt %d), retrying", self.name, tool_name, attempt)
                    continue
                if code == SESSION_TERMINATED:
                    raise SessionExpiredError(f"{self.name}: {exc.error.message}") from exc
                text = exc.error.message
                if code == types.URL_ELICITATION_REQUIRED and isinstance(exc.error.data, dict):
                    urls = [str(e.get("url")) for e in exc.error.data.get("elicitations", [])]
                    text = f"Authorization required: {', '.join(urls)}"
                return error_message(name, text, tool_call_id=tool_call_id, code=code)
            self.call_count += 1
            return tool_result_to_message(result, tool_name=name, tool_call_id=tool_call_id)

    # -- resources & prompts -----------------------------------------------------

    async def read(self, uri: str | AnyUrl) -> list[FilePart]:
        result = await self.session.read_resource(uri if isinstance(uri, AnyUrl) else AnyUrl(uri))
        return [resource_contents_to_part(c) for c in result.contents]

    async def list_resources(self) -> list[ResourceInfo]:
        resources = await self._paginate(lambda c: self.session.list_resources(cursor=c), lambda p: p.resources)
        return [ResourceInfo(str(r.uri), r.name, r.uri.scheme, r.uri.host, r.mimeType) for r in resources]

    async def list_templates(self) -> dict[str, str]:
        result = await self.session.list_resource_templates()
        return {t.name: t.uriTemplate for t in result.resourceTemplates}

    async def list_prompts(self) -> list[types.Prompt]:
        return await self._paginate(lambda c: self.session.list_prompts(cursor=c), lambda p: p.prompts)

    async def load_prompt(self, name: str, arguments: dict[str, str] | None = None) -> list[ChatMessage]:
        return prompt_to_messages(await self.session.get_prompt(name, arguments))

    async def suggest(self, template_uri: str, argument: str, partial: str) -> list[str]:
        ref = types.ResourceReference(type="ref/resource", uri=template_uri)
        result = await self.session.complete(ref, {"name": argument, "value": partial})
        if result.completion.hasMore:
            logger.debug("%s has more completions for %s", self.name, argument)
        return result.completion.values

    # -- misc ---------------------------------------------------------------------

    async def ping(self) -> float:
        started = time.perf_counter()
        await self.session.send_request(types.ClientRequest(types.PingRequest()), types.EmptyResult)
        return time.perf_counter() - started

    async def set_log_level(self, level: types.LoggingLevel) -> None:
        await self.session.set_logging_level(level)

    async def watch(self, uri: str) -> None:
        await self.session.subscribe_resource(AnyUrl(uri))
