"""Client-side probes: check a running server the way an MCP client sees it."""

from __future__ import annotations

import base64
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from pydantic import AnyUrl

from mcp import types
from mcp.client.session import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.types import Cursor

T = TypeVar("T")

DEFAULT_TIMEOUT = timedelta(seconds=5)


class ToolCallFailed(Exception):
    def __init__(self, name: str, text: str, result: types.CallToolResult) -> None:
        super().__init__(f"{name} failed: {text}")
        self.name = name
        self.text = text
        self.result = result


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


async def list_all_tools(session: ClientSession) -> list[types.Tool]:
    tools: list[types.Tool] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools


async def call_checked(
    session: ClientSession,
    name: str,
    arguments: dict[str, Any] | None = None,
    *,
    timeout: timedelta = DEFAULT_TIMEOUT,
    meta: dict[str, Any] | None = None,
) -> types.CallToolResult:
    result = await session.call_tool(name, arguments or {}, read_timeout_seconds=timeout, meta=meta)
    if result.isError:
        raise ToolCallFailed(name, text_of(result), result)
    return result


async def structured(session: ClientSession, name: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await call_checked(session, name, arguments)
    return result.structuredContent or {}


@dataclass
class ReadBack:
    uri: AnyUrl
    mime_type: str | None
    text: str | None = None
    data: bytes | None = None


async def read_back(session: ClientSession, uri: str | AnyUrl) -> ReadBack:
    target = uri if isinstance(uri, AnyUrl) else AnyUrl(uri)
    result = await session.read_resource(target)
    first = result.contents[0]
    if isinstance(first, types.TextResourceContents):
        return ReadBack(first.uri, first.mimeType, text=first.text)
    return ReadBack(first.uri, first.mimeType, data=base64.b64decode(first.blob))


async def protocol_error(awaitable: Awaitable[Any]) -> types.ErrorData:
    """Await something that should fail at the protocol level and return the error."""
    try:
        await awaitable
    except McpError as exc:
        return exc.error
    raise AssertionError("expected the server to answer with a JSON-RPC error")


async def complete_prompt_arg(session: ClientSession, prompt: str, argument: str, prefix: str) -> types.Completion:
    result = await session.complete(
        types.PromptReference(type="ref/prompt", name=prompt),
        {"name": argument, "value": prefix},
    )
    return result.completion


def capabilities(session: ClientSession) -> set[str]:
    caps = session.get_server_capabilities()
    if caps is None:
        return set()
    names = {"tools", "resources", "prompts", "logging", "completions"}
    found = {name for name in names if getattr(caps, name) is not None}
    return found | ({"tools.listChanged"} if caps.tools and caps.tools.listChanged else set())


def wire_snapshot(tools: list[types.Tool]) -> list[dict[str, Any]]:
    """Dump advertised tools with the keys clients receive, for golden comparisons."""
    return [tool.model_dump(exclude_none=True) for tool in sorted(tools, key=lambda t: t.name)]


@dataclass
class LogRecorder:
    records: list[tuple[str, Any, str | None]] = field(default_factory=lambda: list[tuple[str, Any, str | None]]())

    async def __call__(self, params: types.LoggingMessageNotificationParams) -> None:
        self.records.append((params.level, params.data, params.logger))

    def messages(self, level: str | None = None) -> list[str]:
        return [str(data) for lvl, data, _ in self.records if level is None or lvl == level]


@dataclass
class NotificationRecorder:
    """A ``message_handler`` that keeps server notifications and swallows nothing else."""

    notifications: list[Any] = field(default_factory=lambda: list[Any]())
    errors: list[Exception] = field(default_factory=lambda: list[Exception]())

    async def __call__(
        self,
        message: RequestResponder[types.ServerRequest, types.ClientResult] | types.ServerNotification | Exception,
    ) -> None:
        if isinstance(message, Exception):
            self.errors.append(message)
        elif isinstance(message, types.ServerNotification):
            self.notifications.append(message.root)

    def of(self, kind: type[T]) -> list[T]:
        return [n for n in self.notifications if isinstance(n, kind)]

    @property
    def tool_list_changes(self) -> int:
        return len(self.of(types.ToolListChangedNotification))

    def progress(self) -> list[tuple[float, float | None, str | None]]:
        return [(n.params.progress, n.params.total, n.params.message) for n in self.of(types.ProgressNotification)]

    def progress_tokens(self) -> list[str | int]:
        return [n.params.progressToken for n in self.of(types.ProgressNotification)]
