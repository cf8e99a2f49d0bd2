"""A ClientSession that records a span for every request the bot makes."""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.shared.session import ProgressFnT
from mcp.types import CallToolResult, ListToolsResult, PaginatedRequestParams, ReadResourceResult
from pydantic import AnyUrl

log = logging.getLogger("opsbot.trace")


@dataclass
class Span:
    trace_id: str
    name: str
    started: float
    attributes: dict[str, Any] = field(default_factory=dict)
    duration_ms: float | None = None
    status: str = "unset"

    def finish(self, status: str, **attrs: Any) -> None:
        self.duration_ms = (time.monotonic() - self.started) * 1000
        self.status = status
        self.attributes.update(attrs)


class SpanBuffer:
    def __init__(self, maxlen: int = 500) -> None:
        self.spans: deque[Span] = deque(maxlen=maxlen)

    def start(self, name: str, **attrs: Any) -> Span:
        span = Span(trace_id=uuid.uuid4().hex[:16], name=name, started=time.monotonic(), attributes=dict(attrs))
        self.spans.append(span)
        return span

    def slowest(self, n: int = 5) -> list[Span]:
        done = [s for s in self.spans if s.duration_ms is not None]
        return sorted(done, key=lambda s: s.duration_ms or 0.0, reverse=True)[:n]


class TracedClientSession(ClientSession):
    """Wraps the public request methods the bot uses with spans.

    The trace id also travels to the server in ``_meta`` so server logs can be joined.
    """

    spans: SpanBuffer
    server_label: str = "?"

    def attach(self, spans: SpanBuffer, server_label: str) -> TracedClientSession:
        self.spans = spans
        self.server_label = server_label
        return self

    async def call_tool(
        self,
        name: str,
        arguments: dict[str, Any] | None = None,
        read_timeout_seconds: timedelta | None = None,
        progress_callback: ProgressFnT | None = None,
        *,
        meta: dict[str, Any] | None = None,
    ) -> CallToolResult:
        span = self.spans.start("tools/call", server=self.server_label, tool=name)
        merged = {"traceId": span.trace_id, **(meta or {})}
        try:
            result = await super().call_tool(
                name,
                arguments,
                read_timeout_seconds=read_timeout_seconds,
                progress_callback=progress_callback,
                meta=merged,
            )
        except McpError as exc:
            span.finish("error", code=exc.error.code)
            raise
        except BaseException:
            span.finish("cancelled")
            raise
        span.finish("error" if result.isError else "ok", blocks=len(result.content))
        return result

    async def read_resource(self, uri: AnyUrl) -> ReadResourceResult:
        span = self.spans.start("resources/read", server=self.server_label, uri=str(uri), scheme=uri.scheme)
        try:
            result = await super().read_resource(uri)
        except McpError as exc:
            span.finish("error", code=exc.error.code)
            raise
        span.finish("ok", parts=len(result.contents))
        return result

    async def list_tools(
        self,
        cursor: str | None = None,
        *,
        params: PaginatedRequestParams | None = None,
    ) -> ListToolsResult:
        span = self.spans.start("tools/list", server=self.server_label)
        if params is None and cursor is not None:
            params = PaginatedRequestParams(cursor=cursor)
        result = await super().list_tools(params=params)
        span.finish("ok", count=len(result.tools), more=result.nextCursor is not None)
        return result
