"""Low-level MCP server wiring for the sandbox."""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import asdict, dataclass
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.context import RequestContext
from mcp.shared.progress import ProgressContext

from . import __version__
from .executor import ExecutionResult, SandboxTimeout, run_snippet
from .limits import Limits
from .tools import RUN_OUTPUT_TEMPLATE, TOOLS

logger = logging.getLogger(__name__)

MAX_HISTORY = 50


@dataclass
class RunRecord:
    run_id: str
    code_sha: str
    started_at: float
    status: str = "running"  # running | ok | failed | timeout | cancelled
    exit_code: int | None = None
    duration_ms: int | None = None
    output: str = ""


class RunHistory:
    def __init__(self, size: int = MAX_HISTORY) -> None:
        self.size = size
        self._runs: OrderedDict[str, RunRecord] = OrderedDict()

    def start(self, code: str) -> RunRecord:
        record = RunRecord(uuid.uuid4().hex[:12], hashlib.sha256(code.encode()).hexdigest()[:16], time.time())
        self._runs[record.run_id] = record
        while len(self._runs) > self.size:
            self._runs.popitem(last=False)
        return record

    def get(self, run_id: str) -> RunRecord | None:
        return self._runs.get(run_id)

    def recent(self, limit: int) -> list[RunRecord]:
        return list(reversed(self._runs.values()))[:limit]


# Process-wide: survives across sessions (and across requests in stateless HTTP mode).
HISTORY = RunHistory()


@dataclass
class SandboxState:
    limits: Limits
    slots: anyio.Semaphore
    log_level: types.LoggingLevel = "info"


@asynccontextmanager
async def sandbox_lifespan(_: Server[SandboxState, Any]) -> AsyncIterator[SandboxState]:
    limits = Limits.from_env()
    logger.debug("sandbox limits: %s", limits)
    yield SandboxState(limits=limits, slots=anyio.Semaphore(limits.max_concurrent))


server: Server[SandboxState, Any] = Server(
    "sandbox-runner",
    __version__,
    instructions="Executes Python snippets. Keep snippets short; prefer printing results over returning them.",
    lifespan=sandbox_lifespan,
)

SandboxContext = RequestContext[ServerSession, SandboxState, Any]


@contextmanager
def line_progress(ctx: SandboxContext, total: float | None = None) -> Iterator[ProgressContext[Any, Any, Any, Any, Any] | None]:
    """Progress reporter for the current request, or None if the client did not ask for progress."""
    if ctx.meta is None or ctx.meta.progressToken is None:
        yield None
        return
    # progress() from mcp.shared.progress wants a context typed on the generic BaseSession;
    # building the ProgressContext ourselves keeps the ServerSession type.
    yield ProgressContext(ctx.session, ctx.meta.progressToken, total)


async def _run_python(ctx: SandboxContext, arguments: dict[str, Any]) -> dict[str, Any]:
    state = ctx.lifespan_context
    code = str(arguments["code"])
    record = HISTORY.start(code)
    result: ExecutionResult | None = None

    with line_progress(ctx) as reporter:

        async def on_line(line: str) -> None:
            if reporter is not None:
                await reporter.progress(1, message=line[:200])
            if state.log_level == "debug":
                await ctx.session.send_log_message(
                    level="debug",
                    data={"run_id": record.run_id, "line": line},
                    logger="sandbox.stdout",
                    related_request_id=ctx.request_id,
                )

        try:
            async with state.slots:
                result = await run_snippet(
                    code,
                    state.limits,
                    timeout=arguments.get("timeout_seconds"),
                    stdin=arguments.get("stdin"),
                    on_line=on_line,
                )
        except SandboxTimeout:
            record.status = "timeout"
            raise
        except anyio.get_cancelled_exc_class():
            record.status = "cancelled"
            logger.info("run %s cancelled by client", record.run_id)
            raise

    record.status = "ok" if result.exit_code == 0 else "failed"
    record.exit_code = result.exit_code
    record.duration_ms = result.duration_ms
    record.output = result.stdout + (f"\n--- stderr ---\n{result.stderr}" if result.stderr else "")
    await ctx.session.send_resource_list_changed()
    return {"run_id": record.run_id, **asdict(result)}


# ------------------------------------------------------------------------- handlers


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    ctx = server.request_context
    if name == "run_python":
        return await _run_python(ctx, arguments)
    if name == "list_runs":
        limit = int(arguments.get("limit", 10))
        return {
            "runs": [
                {k: v for k, v in asdict(r).items() if k != "output"} for r in HISTORY.recent(limit)
            ]
        }
    raise ValueError(f"Unknown tool: {name}")


@server.list_resources()
async def list_resources() -> list[types.Resource]:
    return [
        types.Resource(
            uri=AnyUrl(f"sandbox://runs/{r.run_id}/output"),
            name=f"run-{r.run_id}",
            description=f"{r.status}, exit code {r.exit_code}",
            mimeType="text/plain",
        )
        for r in HISTORY.recent(MAX_HISTORY)
        if r.status not in ("running", "cancelled")
    ]


@server.list_resource_templates()
async def list_resource_templates() -> list[types.ResourceTemplate]:
    return [RUN_OUTPUT_TEMPLATE]


@server.read_resource()
async def read_resource(uri: AnyUrl) -> list[ReadResourceContents]:
    if uri.scheme != "sandbox" or uri.host != "runs" or not (uri.path or "").endswith("/output"):
        raise ValueError(f"Unknown resource: {uri}")
    run_id = (uri.path or "").strip("/").split("/")[0]
    record = HISTORY.get(run_id)
    if record is None:
        raise ValueError(f"Unknown run: {run_id}")
    return [ReadResourceContents(content=record.output, mime_type="text/plain")]


@server.completion()
async def complete(
    ref: types.PromptReference | types.ResourceTemplateReference,
    argument: types.CompletionArgument,
    context: types.CompletionContext | None,
) -> types.Completion | None:
    if isinstance(ref, types.ResourceTemplateReference) and argument.name == "run_id":
        ids = [r.run_id for r in HISTORY.recent(MAX_HISTORY) if r.run_id.startswith(argument.value)]
        return types.Completion(values=ids, total=len(ids), hasMore=False)
    return None


@server.set_logging_level()
async def set_logging_level(level: types.LoggingLevel) -> None:
    server.request_context.lifespan_context.log_level = level
