"""Drive an MCP server through a suite of eval cases."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.client.session import MessageHandlerFnT, SamplingFnT
from mcp.server.fastmcp import FastMCP
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_client_server_memory_streams

from evalharness.cases import CaseSuite, EvalCase
from evalharness.report import EvalReport, build_report
from evalharness.scoring import CaseScore, ProgressEvent, score_error, score_result
from evalharness.tracing import TracingClientSession, ping_roundtrip
from evalharness.wire import FrameLog, tap_streams


@dataclass
class Connection:
    session: TracingClientSession
    init: types.InitializeResult
    frames: FrameLog | None = None


@asynccontextmanager
async def connect_in_process(
    server: Server[Any, Any] | FastMCP,
    *,
    read_timeout: timedelta = timedelta(seconds=30),
    sampling_callback: SamplingFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
    capture_frames: bool = False,
) -> AsyncIterator[Connection]:
    """Run ``server`` in a background task and connect a tracing session to it."""
    lowlevel = server._mcp_server if isinstance(server, FastMCP) else server
    init_options = lowlevel.create_initialization_options(
        notification_options=NotificationOptions(tools_changed=True, resources_changed=True),
        experimental_capabilities={"evalharness": {"tracing": True}},
    )
    frames = FrameLog() if capture_frames else None
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: lowlevel.run(*server_streams, init_options))
            async with AsyncExitStack() as stack:
                read_stream, write_stream = client_streams
                if frames is not None:
                    read_stream, write_stream = await stack.enter_async_context(
                        tap_streams(read_stream, write_stream, frames)
                    )
                session = await stack.enter_async_context(
                    TracingClientSession(
                        read_stream,
                        write_stream,
                        read_timeout_seconds=read_timeout,
                        sampling_callback=sampling_callback,
                        message_handler=message_handler,
                    )
                )
                init = await session.initialize()
                yield Connection(session, init, frames)
            tg.cancel_scope.cancel()


def build_call(case: EvalCase) -> types.ClientRequest:
    meta = types.RequestParams.Meta(**{"evalCaseId": case.id, "evalTags": ",".join(case.tags)})
    params = types.CallToolRequestParams(name=case.tool, arguments=case.arguments, _meta=meta)
    return types.ClientRequest(types.CallToolRequest(method="tools/call", params=params))


@dataclass
class EvalRunner:
    connection: Connection
    default_timeout: timedelta = timedelta(seconds=10)
    scores: list[CaseScore] = field(default_factory=lambda: [])

    @property
    def session(self) -> TracingClientSession:
        return self.connection.session

    async def discover_tools(self) -> list[types.Tool]:
        tools: list[types.Tool] = []
        cursor: types.Cursor | None = None
        while True:
            page = await self.session.list_tools(cursor=cursor)
            tools.extend(page.tools)
            if (cursor := page.nextCursor) is None:
                return tools

    async def probe_capabilities(self) -> dict[str, bool]:
        caps = self.session.get_server_capabilities()
        found = {
            "tools": bool(caps and caps.tools),
            "toolsListChanged": bool(caps and caps.tools and caps.tools.listChanged),
            "logging": bool(caps and caps.logging),
            "prompts": True,
        }
        try:
            await self.session.list_prompts()
        except McpError as exc:
            if exc.error.code != types.METHOD_NOT_FOUND:
                raise
            found["prompts"] = False
        return found

    async def read_fixture(self, uri: str) -> str:
        result = await self.session.read_resource(AnyUrl(uri))
        return "".join(c.text for c in result.contents if isinstance(c, types.TextResourceContents))

    async def run_case(self, case: EvalCase) -> CaseScore:
        timeout = timedelta(seconds=case.timeout_seconds) if case.timeout_seconds else self.default_timeout
        events: list[ProgressEvent] = []

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            events.append((progress, total, message))

        started = time.perf_counter()
        try:
            result = await self.session.send_request(
                build_call(case),
                types.CallToolResult,
                request_read_timeout_seconds=timeout,
                progress_callback=on_progress if case.track_progress else None,
            )
        except McpError as exc:
            score = score_error(case, exc, (time.perf_counter() - started) * 1000.0)
        else:
            score = score_result(case, result, (time.perf_counter() - started) * 1000.0, events)
        self.scores.append(score)
        return score

    async def run_suite(self, suite: CaseSuite, *, name: str = "suite") -> EvalReport:
        started_at = datetime.now(timezone.utc)
        await ping_roundtrip(self.session, timeout=timedelta(seconds=2))
        tools = await self.discover_tools()
        for case in suite.root:
            await self.run_case(case)
        init = self.connection.init
        return build_report(name, init, tools, self.scores, self.session.trace, started_at)
