"""Drive each target over stdio and record what happened."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

import anyio
import httpx
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from mcp.types import (
    CONNECTION_CLOSED,
    METHOD_NOT_FOUND,
    CallToolResult,
    ClientResult,
    Implementation,
    InitializeResult,
    LoggingLevel,
    LoggingMessageNotificationParams,
    PaginatedRequestParams,
    PromptReference,
    ResourceTemplateReference,
    ServerNotification,
    ServerRequest,
    Tool,
    ToolListChangedNotification,
)

from .cases import Case, CompletionProbe, ServerTarget, Suite
from .scoring import CaseVerdict, score

logger = logging.getLogger("evalbench.runner")

CLIENT_INFO = Implementation(name="evalbench", version="0.6.0")


@dataclass
class ProgressEvent:
    at: float
    progress: float
    total: float | None
    message: str | None


@dataclass
class CaseRun:
    case: Case
    server: str
    elapsed_ms: float
    result: CallToolResult | None = None
    error_code: int | None = None
    error_message: str | None = None
    timed_out: bool = False
    progress: list[ProgressEvent] = field(default_factory=list)
    verdict: CaseVerdict | None = None


@dataclass
class TargetRun:
    target: ServerTarget
    init: InitializeResult | None = None
    ping_ms: float | None = None
    tools: list[Tool] = field(default_factory=list)
    template_uris: list[str] = field(default_factory=list)
    completions: dict[str, list[str]] = field(default_factory=dict)
    logs: list[LoggingMessageNotificationParams] = field(default_factory=list)
    list_changed: int = 0
    cases: list[CaseRun] = field(default_factory=list)
    fatal: str | None = None


class SuiteRunner:
    def __init__(self, suite: Suite, *, default_timeout: timedelta = timedelta(seconds=30)) -> None:
        self.suite = suite
        self.default_timeout = default_timeout
        self.limiter = anyio.CapacityLimiter(suite.concurrency)

    async def run(self) -> list[TargetRun]:
        runs = [TargetRun(t) for t in self.suite.targets]
        async with anyio.create_task_group() as tg:
            for run in runs:
                tg.start_soon(self._guarded, run)
        return runs

    async def _guarded(self, run: TargetRun) -> None:
        async with self.limiter:
            try:
                await self._run_target(run)
            except McpError as exc:
                run.fatal = f"MCP error {exc.error.code}: {exc.error.message}"
            except (OSError, httpx.HTTPError) as exc:
                run.fatal = f"{type(exc).__name__}: {exc}"

    def _params(self, target: ServerTarget) -> StdioServerParameters:
        return StdioServerParameters(
            command=target.command,
            args=list(target.args),
            env=target.env,
            cwd=target.cwd,
        )

    async def _run_target(self, run: TargetRun) -> None:
        async def on_log(params: LoggingMessageNotificationParams) -> None:
            run.logs.append(params)

        async def on_message(
            message: RequestResponder[ServerRequest, ClientResult] | ServerNotification | Exception,
        ) -> None:
            if isinstance(message, Exception):
                logger.warning("%s: transport error %s", run.target.name, message)
            elif isinstance(message, ServerNotification) and isinstance(message.root, ToolListChangedNotification):
                run.list_changed += 1

        async with stdio_client(self._params(run.target)) as (read, write):
            async with ClientSession(
                read,
                write,
                read_timeout_seconds=self.default_timeout,
                logging_callback=on_log,
                message_handler=on_message,
                client_info=CLIENT_INFO,
            ) as session:
                run.init = await session.initialize()
                logger.info(
                    "%s: %s %s (protocol %s)",
                    run.target.name,
                    run.init.serverInfo.name,
                    run.init.serverInfo.version,
                    run.init.protocolVersion,
                )
                started = time.perf_counter()
                await session.send_ping()
                run.ping_ms = (time.perf_counter() - started) * 1000

                caps = session.get_server_capabilities()
                if caps is not None and caps.logging is not None:
                    await session.set_logging_level(cast(LoggingLevel, self.suite.log_level))

                run.tools = await self._all_tools(session)
                if caps is not None and caps.resources is not None:
                    templates = await session.list_resource_templates()
                    run.template_uris = [t.uriTemplate for t in templates.resourceTemplates]
                if caps is not None and caps.completions is not None:
                    for probe in self.suite.probes:
                        run.completions[f"{probe.ref_kind}:{probe.ref}:{probe.argument}"] = await self._complete(
                            session, probe
                        )

                names = {t.name for t in run.tools}
                for case in self.suite.cases:
                    if case.applies_to(run.target.name) and case.tool in names:
                        run.cases.append(await self._run_case(session, run.target.name, case))

    async def _all_tools(self, session: ClientSession) -> list[Tool]:
        tools: list[Tool] = []
        cursor: str | None = None
        while True:
            page = await session.list_tools(params=PaginatedRequestParams(cursor=cursor) if cursor else None)
            tools.extend(page.tools)
            cursor = page.nextCursor
            if not cursor:
                return tools

    async def _complete(self, session: ClientSession, probe: CompletionProbe) -> list[str]:
        ref: PromptReference | ResourceTemplateReference
        if probe.ref_kind == "prompt":
            ref = PromptReference(type="ref/prompt", name=probe.ref)
        else:
            ref = ResourceTemplateReference(type="ref/resource", uri=probe.ref)
        try:
            result = await session.complete(ref, {"name": probe.argument, "value": probe.prefix})
        except McpError as exc:
            if exc.error.code == METHOD_NOT_FOUND:
                return []
            raise
        values = list(result.completion.values)
        if result.completion.hasMore:
            values.append("…")
        return values

    async def _run_case(self, session: ClientSession, server: str, case: Case) -> CaseRun:
        events: list[ProgressEvent] = []
        t0 = time.perf_counter()

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            events.append(ProgressEvent(time.perf_counter() - t0, progress, total, message))

        run = CaseRun(case=case, server=server, elapsed_ms=0.0, progress=events)
        try:
            run.result = await session.call_tool(
                case.tool,
                case.arguments,
                read_timeout_seconds=timedelta(seconds=case.timeout_s),
                progress_callback=on_progress,
                meta={"evalbench_case": case.id},
            )
        except McpError as exc:
            run.error_code = exc.error.code
            run.error_message = exc.error.message
            if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                run.timed_out = True
            elif exc.error.code == CONNECTION_CLOSED:
                raise
        run.elapsed_ms = (time.perf_counter() - t0) * 1000
        run.verdict = score(case, run.result, run.error_code, run.timed_out)
        return run


def summarize(runs: list[TargetRun]) -> dict[str, Any]:
    total = sum(len(r.cases) for r in runs)
    passed = sum(1 for r in runs for c in r.cases if c.verdict and c.verdict.passed)
    return {"targets": len(runs), "cases": total, "passed": passed, "failed": total - passed}
