"""Slash-command handlers: ``/mcp servers|tools|call|read|health|trace``."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
from mcp.shared.exceptions import McpError
from mcp.types import (
    CONNECTION_CLOSED,
    INTERNAL_ERROR,
    INVALID_PARAMS,
    METHOD_NOT_FOUND,
    BlobResourceContents,
    CallToolResult,
    ErrorData,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
)
from pydantic import AnyUrl, ValidationError

from .elicit import ChannelElicitor, ChatClient
from .pool import SessionPool
from .tracing import SpanBuffer, TracedClientSession

MAX_CHARS = 3500


@dataclass
class Invocation:
    channel: str
    user: str
    text: str


def _usage_error(message: str) -> McpError:
    return McpError(ErrorData(code=INVALID_PARAMS, message=message))


def explain(exc: McpError) -> str:
    """Turn a protocol error into something a human in the channel can act on."""
    code = exc.error.code
    if code == INVALID_PARAMS:
        return f":warning: bad arguments: {exc.error.message}"
    if code == METHOD_NOT_FOUND:
        return ":no_entry: that server does not support this operation"
    if code == httpx.codes.REQUEST_TIMEOUT:
        return ":hourglass: the server took too long to answer; try again or narrow the request"
    if code == CONNECTION_CLOSED:
        return ":electric_plug: lost the connection to the server"
    if code == INTERNAL_ERROR:
        return f":boom: the server failed: {exc.error.message}"
    return f":x: error {code}: {exc.error.message}"


def render_result(result: CallToolResult) -> str:
    parts: list[str] = []
    for block in result.content:
        if isinstance(block, TextContent):
            parts.append(block.text)
        elif isinstance(block, ImageContent):
            parts.append(f"[image {block.mimeType}]")
        elif isinstance(block, ResourceLink):
            parts.append(f"<{block.uri}|{block.name}>")
        else:
            parts.append(f"[{block.type}]")
    if result.structuredContent and not parts:
        parts.append("```" + json.dumps(result.structuredContent, indent=2) + "```")
    text = "\n".join(parts) or "(no output)"
    if result.isError:
        text = ":x: " + text
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 20] + "\n… (truncated)"


class CommandRouter:
    def __init__(self, pool: SessionPool, chat: ChatClient, elicitor: ChannelElicitor, spans: SpanBuffer) -> None:
        self.pool = pool
        self.chat = chat
        self.elicitor = elicitor
        self.spans = spans

    async def handle(self, inv: Invocation) -> None:
        try:
            argv = shlex.split(inv.text)
        except ValueError as exc:
            await self.chat.post(inv.channel, f"could not parse command: {exc}")
            return
        if not argv:
            await self.chat.post(inv.channel, "usage: /mcp servers|tools SERVER|call SERVER TOOL [JSON]|read SERVER URI")
            return
        verb, args = argv[0], argv[1:]
        self.elicitor.current_channel, self.elicitor.current_user = inv.channel, inv.user
        try:
            reply = await self._dispatch(verb, args)
        except McpError as exc:
            reply = explain(exc)
        except KeyError as exc:
            reply = f"unknown server {exc}; known: {', '.join(self.pool.labels)}"
        finally:
            self.elicitor.current_channel = self.elicitor.current_user = None
        await self.chat.post(inv.channel, reply)

    async def _dispatch(self, verb: str, args: list[str]) -> str:
        if verb == "servers":
            return "\n".join(self.pool.labels)
        if verb == "health":
            return "\n".join(f"{k}: {v}" for k, v in (await self.pool.health()).items())
        if verb == "trace":
            return "\n".join(
                f"{s.name} {s.attributes.get('server')} {s.status} {s.duration_ms:.0f}ms" for s in self.spans.slowest()
            )
        if verb == "tools" and len(args) == 1:
            return await self.pool.run(args[0], self._list_tools)
        if verb == "call" and len(args) >= 2:
            server, tool = args[0], args[1]
            try:
                arguments: dict[str, Any] = json.loads(args[2]) if len(args) > 2 else {}
            except json.JSONDecodeError as exc:
                raise _usage_error(f"arguments are not JSON: {exc.msg}") from exc

            async def call(session: TracedClientSession) -> str:
                result = await session.call_tool(tool, arguments, read_timeout_seconds=timedelta(minutes=2))
                return render_result(result)

            return await self.pool.run(server, call)
        if verb == "read" and len(args) == 2:
            try:
                uri = AnyUrl(args[1])
            except ValidationError as exc:
                raise _usage_error(f"not a URI: {args[1]}") from exc

            async def read(session: TracedClientSession) -> str:
                result = await session.read_resource(uri)
                chunks: list[str] = []
                for item in result.contents:
                    if isinstance(item, TextResourceContents):
                        chunks.append(item.text)
                    elif isinstance(item, BlobResourceContents):
                        chunks.append(f"[{item.mimeType or 'binary'} from {item.uri.host or item.uri}]")
                return "\n".join(chunks)

            return await self.pool.run(args[0], read)
        raise _usage_error(f"unknown command {verb!r}")

    async def _list_tools(self, session: TracedClientSession) -> str:
        lines: list[str] = []
        cursor: str | None = None
        while True:
            page = await session.list_tools(cursor)
            for tool in page.tools:
                ro = " (read-only)" if tool.annotations and tool.annotations.readOnlyHint else ""
                required = tool.inputSchema.get("required", [])
                lines.append(f"• *{tool.name}*{ro}: {tool.description or ''} args={required}")
            cursor = page.nextCursor
            if cursor is None:
                return "\n".join(lines)
