"""Lowlevel server that runs jobs and streams progress back to the caller."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import request_ctx

from .jobs import Job, JobRegistry, JobState

log = logging.getLogger(__name__)

HEARTBEAT_TIMEOUT = timedelta(seconds=5)

TOOLS = [
    types.Tool(
        name="crunch",
        description="Run a long job made of `steps` units of work, reporting progress.",
        inputSchema={
            "type": "object",
            "properties": {"steps": {"type": "integer", "minimum": 1, "maximum": 1000}},
            "required": ["steps"],
        },
        outputSchema={
            "type": "object",
            "properties": {"job": {"type": "integer"}, "state": {"type": "string"}, "completed": {"type": "integer"}},
            "required": ["job", "state", "completed"],
        },
    ),
    types.Tool(
        name="cancel_job",
        description="Cancel a running job.",
        inputSchema={"type": "object", "properties": {"job": {"type": "integer"}}, "required": ["job"]},
    ),
    types.Tool(name="jobs", description="List jobs.", inputSchema={"type": "object", "properties": {}}),
]


def build_server(registry: JobRegistry | None = None, heartbeat: bool = False) -> Server[JobRegistry, Any]:
    registry = registry or JobRegistry()

    @asynccontextmanager
    async def lifespan(_server: Server[JobRegistry, Any]) -> AsyncIterator[JobRegistry]:
        yield registry
        for job in registry.jobs.values():
            if job.scope is not None:
                job.scope.cancel()

    server: Server[JobRegistry, Any] = Server("streaming-worker", lifespan=lifespan)
    client_progress: dict[str | int, float] = {}

    async def report(job: Job) -> None:
        ctx = request_ctx.get()
        token = ctx.meta.progressToken if ctx.meta else None
        if token is None:
            return
        await ctx.session.send_progress_notification(
            token,
            job.completed,
            total=job.steps,
            message=f"job {job.id}: {job.completed}/{job.steps}",
            related_request_id=str(ctx.request_id),
        )

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return TOOLS

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]):
        ctx = server.request_context
        jobs: JobRegistry = ctx.lifespan_context
        if name == "crunch":
            if heartbeat:
                await ctx.session.send_request(
                    types.ServerRequest(types.PingRequest()),
                    types.EmptyResult,
                    request_read_timeout_seconds=HEARTBEAT_TIMEOUT,
                )
            job = jobs.create("crunch", int(arguments["steps"]))
            await ctx.session.send_log_message("info", f"started job {job.id}", logger="worker")
            await jobs.run(job, report)
            return {"job": job.id, "state": job.state.value, "completed": job.completed}
        if name == "cancel_job":
            ok = jobs.cancel(int(arguments["job"]))
            return [types.TextContent(type="text", text="cancelled" if ok else "not running")]
        if name == "jobs":
            lines = [f"{j.id} {j.kind} {j.state.value} {j.completed}/{j.steps}" for j in jobs.jobs.values()]
            return [types.TextContent(type="text", text="\n".join(lines) or "no jobs")]
        raise ValueError(f"unknown tool {name}")

    @server.progress_notification()
    async def on_client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
        # Clients that upload inputs in chunks report their progress to us.
        client_progress[token] = progress
        log.debug("client progress %s: %s/%s %s", token, progress, total, message or "")

    server.client_progress = client_progress  # type: ignore[attr-defined]
    return server


def running_jobs(registry: JobRegistry) -> list[Job]:
    return [j for j in registry.jobs.values() if j.state is JobState.RUNNING]
