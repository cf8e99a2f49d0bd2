"""Run the checks against one target."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import METHOD_NOT_FOUND, Implementation, InitializeResult

from mcp_doctor import __version__
from mcp_doctor.checks import REGISTRY, CheckResult, ProbeContext, Status
from mcp_doctor.connect import Inbox, TransportFactory, open_transport
from mcp_doctor.targets import Target

log = logging.getLogger(__name__)


@dataclass
class Report:
    target: str
    init: InitializeResult | None = None
    results: list[CheckResult] = field(default_factory=list)
    connect_ms: float = 0.0
    inbox: Inbox = field(default_factory=Inbox)
    fatal: str | None = None

    @property
    def worst(self) -> Status:
        statuses = {r.status for r in self.results}
        if self.fatal or Status.FAIL in statuses:
            return Status.FAIL
        if Status.WARN in statuses:
            return Status.WARN
        return Status.OK

    @property
    def exit_code(self) -> int:
        return {Status.OK: 0, Status.WARN: 1}.get(self.worst, 2)


class Doctor:
    def __init__(
        self,
        *,
        transport: TransportFactory = open_transport,
        timeout: float = 10.0,
        call_timeout: float = 5.0,
        call_safe_tools: bool = True,
    ) -> None:
        self.transport = transport
        self.timeout = timeout
        self.call_timeout = call_timeout
        self.call_safe_tools = call_safe_tools

    async def _inventory(self, ctx: ProbeContext) -> None:
        caps = ctx.session.get_server_capabilities()
        if caps is None:
            return
        if caps.tools is not None:
            ctx.tools = list((await ctx.session.list_tools()).tools)
        if caps.resources is not None:
            ctx.resources = list((await ctx.session.list_resources()).resources)
            try:
                ctx.templates = list((await ctx.session.list_resource_templates()).resourceTemplates)
            except McpError as exc:
                if exc.error.code != METHOD_NOT_FOUND:
                    raise
                ctx.notes["templates"] = "resources/templates/list not implemented"
        if caps.prompts is not None:
            ctx.prompts = list((await ctx.session.list_prompts()).prompts)

    async def examine(self, target: Target, only: Sequence[str] | None = None) -> Report:
        report = Report(target=target.label)
        selected = [name for name in REGISTRY if not only or name in only]
        async with AsyncExitStack() as stack:
            started = time.perf_counter()
            try:
                read, write = await stack.enter_async_context(self.transport(target))
                session = await stack.enter_async_context(
                    ClientSession(
                        read,
                        write,
                        read_timeout_seconds=timedelta(seconds=self.timeout),
                        message_handler=report.inbox,
                        client_info=Implementation(name="mcp-doctor", version=__version__),
                    )
                )
                report.init = await session.initialize()
            except McpError as exc:
                report.fatal = f"initialize failed: {exc.error.message}"
                return report
            except OSError as exc:
                report.fatal = f"could not start transport: {exc}"
                return report
            report.connect_ms = (time.perf_counter() - started) * 1000

            ctx = ProbeContext(
                session=session,
                init=report.init,
                inbox=report.inbox,
                call_timeout=self.call_timeout,
                call_safe_tools=self.call_safe_tools,
            )
            await self._inventory(ctx)
            for name in selected:
                report.results.append(await self._run_one(name, ctx))
        return report

    async def _run_one(self, name: str, ctx: ProbeContext) -> CheckResult:
        started = time.perf_counter()
        try:
            result = await REGISTRY[name](ctx)
        except McpError as exc:
            result = CheckResult(name, Status.FAIL, f"protocol error: {exc.error.message}", [f"code {exc.error.code}"])
        except Exception as exc:  # noqa: BLE001 - a broken check must not hide the rest
            log.exception("check %s crashed", name)
            result = CheckResult(name, Status.FAIL, f"check crashed: {exc!r}")
        if result.elapsed_ms is None:
            result.elapsed_ms = (time.perf_counter() - started) * 1000
        return result


def summarize(report: Report) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for r in report.results:
        counts[r.status.value] = counts.get(r.status.value, 0) + 1
    return {"target": report.target, "worst": report.worst.value, "counts": counts}
