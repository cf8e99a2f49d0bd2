"""Drive a FastMCP server directly through its managers, or over an in-memory session."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast
from unittest.mock import AsyncMock, MagicMock

from pydantic import AnyUrl

from mcp.client.session import ClientSession, LoggingFnT, MessageHandlerFnT
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ResourceError, ToolError
from mcp.server.fastmcp.prompts.base import Message
from mcp.server.fastmcp.resources.base import Resource
from mcp.server.fastmcp.tools.base import Tool
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.memory import create_connected_server_and_client_session
from mcp.types import CallToolResult, Content, GetPromptResult, RequestParams, TextContent

AnyCtx = Context[ServerSession, Any]


@dataclass
class ToolOutcome:
    """One shape for every way ``FastMCP.call_tool`` can answer."""

    content: list[Content]
    structured: dict[str, Any] | None = None
    is_error: bool = False

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.content if isinstance(c, TextContent))

    @classmethod
    def from_raw(cls, raw: Any) -> ToolOutcome:
        if isinstance(raw, CallToolResult):
            return cls(list(raw.content), raw.structuredContent, raw.isError)
        if isinstance(raw, tuple):
            content, structured = cast(tuple[list[Content], dict[str, Any]], raw)
            return cls(list(content), structured)
        if isinstance(raw, dict):
            data = cast(dict[str, Any], raw)
            return cls([TextContent(type="text", text=json.dumps(data, indent=2))], data)
        return cls(list(cast(list[Content], raw)))

    def to_result(self) -> CallToolResult:
        return CallToolResult(content=list(self.content), structuredContent=self.structured, isError=self.is_error)


def mock_session() -> MagicMock:
    """A ServerSession stand-in whose notification helpers are awaitable and recorded."""
    session = MagicMock(spec=ServerSession)
    session.send_log_message = AsyncMock(return_value=None)
    session.send_progress_notification = AsyncMock(return_value=None)
    session.send_notification = AsyncMock(return_value=None)
    return session


class ForgeHarness:
    def __init__(self, mcp: FastMCP[Any]) -> None:
        self.mcp = mcp

    def tool(self, name: str) -> Tool:
        tool = self.mcp._tool_manager.get_tool(name)
        if tool is None:
            raise ToolError(f"Unknown tool: {name}")
        return tool

    async def call_raw(self, name: str, arguments: dict[str, Any] | None = None, context: AnyCtx | None = None) -> Any:
        """Call the tool function through the tool manager and return what it returned."""
        return await self.mcp._tool_manager.call_tool(name, arguments or {}, context=context)

    async def call(self, name: str, arguments: dict[str, Any] | None = None) -> ToolOutcome:
        """Call through ``FastMCP.call_tool`` (no request in flight) and normalise the result."""
        raw = cast(Any, await self.mcp.call_tool(name, arguments or {}))
        return ToolOutcome.from_raw(raw)

    async def call_in(self, ctx: AnyCtx, name: str, arguments: dict[str, Any] | None = None) -> ToolOutcome:
        raw = await self.mcp._tool_manager.call_tool(name, arguments or {}, context=ctx, convert_result=True)
        return ToolOutcome.from_raw(raw)

    async def resolve(self, uri: str | AnyUrl) -> Resource:
        try:
            resource = await self.mcp._resource_manager.get_resource(uri)
        except ValueError as exc:
            raise ResourceError(str(exc)) from exc
        if resource is None:
            raise ResourceError(f"Unknown resource: {uri}")
        return resource

    async def read(self, uri: str | AnyUrl) -> list[ReadResourceContents]:
        return list(await self.mcp.read_resource(uri))

    async def read_text(self, uri: str | AnyUrl) -> str:
        parts = [p.content for p in await self.read(uri)]
        return "".join(p.decode("utf-8", errors="replace") if isinstance(p, bytes) else p for p in parts)

    async def render(self, name: str, arguments: dict[str, Any] | None = None, context: AnyCtx | None = None) -> list[Message]:
        prompt = self.mcp._prompt_manager.get_prompt(name)
        if prompt is None:
            raise ValueError(f"Unknown prompt: {name}")
        return await prompt.render(arguments, context=context)

    async def prompt(self, name: str, arguments: dict[str, Any] | None = None) -> GetPromptResult:
        return await self.mcp.get_prompt(name, arguments)

    def make_context(
        self,
        *,
        session: Any = None,
        request_id: int | str = 1,
        progress_token: str | int | None = None,
        client_id: str | None = None,
        lifespan_context: Any = None,
    ) -> AnyCtx:
        """Build a Context as if a request were in flight, backed by a mock session."""
        raw_meta: dict[str, Any] = {"progressToken": progress_token}
        if client_id is not None:
            raw_meta["client_id"] = client_id
        request_context: RequestContext[ServerSession, Any] = RequestContext(
            request_id=request_id,
            meta=RequestParams.Meta.model_validate(raw_meta),
            session=session if session is not None else mock_session(),
            lifespan_context=lifespan_context,
        )
        return Context(request_context=request_context, fastmcp=self.mcp)


@asynccontextmanager
async def connect(
    mcp: FastMCP[Any],
    *,
    logging_callback: LoggingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
    read_timeout: timedelta | None = timedelta(seconds=10),
    raise_exceptions: bool = False,
) -> AsyncIterator[ClientSession]:
    """An initialised client session talking to ``mcp`` over memory streams."""
    async with create_connected_server_and_client_session(
        mcp._mcp_server,
        read_timeout_seconds=read_timeout,
        logging_callback=logging_callback,
        message_handler=message_handler,
        raise_exceptions=raise_exceptions,
    ) as session:
        yield session
