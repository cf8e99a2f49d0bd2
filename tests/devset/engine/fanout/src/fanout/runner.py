"""Concurrent execution of jobs with limits, timeouts and retries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

import anyio
import httpx

from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, METHOD_NOT_FOUND, CallToolResult, TextContent

from fanout.jobs import Job
from fanout.pool import SessionPool, UnknownServer
from fanout.progress import ProgressBoard

log = logging.getLogger(__name__)

RETRYABLE_CODES = {int(httpx.codes.REQUEST_TIMEOUT), int(httpx.codes.SERVICE_UNAVAILABLE)}


@dataclass
class JobOutcome:
    job: Job
    status: str  # "ok" | "tool_error" | "failed" | "skipped"
    result: CallToolResult | None = None
    error: str | None = None
    error_code: int | None = None
    attempts: int = 0
    elapsed: float = 0.0
    progress_updates: int = 0
    tags: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class BatchRunner:
    def __init__(
        self,
        pool: SessionPool,
        *,
        concurrency: int = 4,
        default_timeout: float = 60.0,
        retries: int = 2,
        backoff: float = 0.5,
        board: ProgressBoard | None = None,
        on_done: Callable[[JobOutcome], None] | None = None,
        batch_id: str | None = None,
    ) -> None:
        self.pool = pool
        self.limiter = anyio.CapacityLimiter(concurrency)
        self.default_timeout = default_timeout
        self.retries = retries
        self.backoff = backoff
        self.board = board or ProgressBoard(quiet=True)
        self.on_done = on_done
        self.batch_id = batch_id or time.strftime("batch-%Y%m%d-%H%M%S")

    async def run(self, jobs: Sequence[Job]) -> list[JobOutcome]:
        outcomes: dict[str, JobOutcome] = {}

        async def worker(job: Job) -> None:
            async with self.limiter:
                outcome = await self.run_one(job)
            outcomes[job.id] = outcome
            if self.on_done is not None:
                self.on_done(outcome)

        async with anyio.create_task_group() as tg:
            for job in jobs:
                tg.start_soon(worker, job, name=f"fanout:{job.id}")
        return [outcomes[job.id] for job in jobs]

    async def run_one(self, job: Job) -> JobOutcome:
        started = time.monotonic()
        outcome = JobOutcome(job=job, status="failed", tags=list(job.tags))
        try:
            entry = self.pool.get(job.server)
        except UnknownServer:
            outcome.status = "skipped"
            outcome.error = f"unknown server {job.server!r}"
            return outcome

        tool = await self.pool.tool(job.server, job.tool)
        if tool is None:
            outcome.status = "skipped"
            outcome.error = f"{job.server} has no tool {job.tool!r}"
            return outcome

        timeout = job.timeout or self.default_timeout
        max_attempts = 1 + (job.retries if job.retries is not None else self.retries)
        progress_cb = self.board.callback_for(job.id)
        for attempt in range(1, max_attempts + 1):
            outcome.attempts = attempt
            try:
                result = await entry.session.call_tool(
                    job.tool,
                    job.arguments,
                    read_timeout_seconds=timedelta(seconds=timeout),
                    progress_callback=progress_cb,
                    meta={"batch_id": self.batch_id, "job_id": job.id},
                )
            except McpError as exc:
                outcome.error = exc.error.message
                outcome.error_code = exc.error.code
                if exc.error.code in (INVALID_PARAMS, METHOD_NOT_FOUND):
                    break  # the request itself is wrong, retrying will not help
                if exc.error.code in RETRYABLE_CODES and attempt < max_attempts:
                    log.info("%s: attempt %d timed out, retrying", job.id, attempt)
                    await anyio.sleep(self.backoff * 2 ** (attempt - 1))
                    continue
                break
            except (anyio.ClosedResourceError, anyio.BrokenResourceError) as exc:
                outcome.error = f"connection to {job.server} lost: {exc!r}"
                break
            else:
                outcome.result = result
                outcome.error = None
                outcome.error_code = None
                if result.isError:
                    outcome.status = "tool_error"
                    outcome.error = _first_text(result)
                else:
                    outcome.status = "ok"
                break

        tracked = self.board.jobs.get(job.id)
        outcome.progress_updates = tracked.updates if tracked else 0
        self.board.finish(job.id)
        outcome.elapsed = time.monotonic() - started
        return outcome


def _first_text(result: CallToolResult) -> str | None:
    for block in result.content:
        if isinstance(block, TextContent):
            return block.text
    return None
