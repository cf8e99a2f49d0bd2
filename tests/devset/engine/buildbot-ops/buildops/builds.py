"""Build tools: inspect, trigger, cancel and retry CI builds."""

from __future__ import annotations

import asyncio
from typing import Any

from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.shared.progress import progress
from mcp.types import INVALID_PARAMS, Content, ErrorData, SamplingMessage, TextContent, ToolAnnotations
from pydantic import BaseModel, Field

from buildops.pipeline import Build, UnknownBuild
from buildops.server import BUILD_QUEUE, OpsState, mcp
from buildops.subscriptions import publish_build_update

READ_ONLY = ToolAnnotations(readOnlyHint=True, destructiveHint=False, openWorldHint=False)
MUTATING = ToolAnnotations(readOnlyHint=False, idempotentHint=False)
DESTRUCTIVE = ToolAnnotations(readOnlyHint=False, destructiveHint=True)

RETRY_BACKOFF_SECONDS = 30.0


class BuildStatus(BaseModel):
    build_id: str
    pipeline: str
    ref: str
    state: str
    requested_by: str
    steps: dict[str, str]
    failed_steps: list[str] = Field(default_factory=list)


class CancelConfirmation(BaseModel):
    confirm: bool = Field(description="Really cancel the running build?")
    reason: str = Field(default="", description="Reason recorded in the audit log")


def _status(build: Build) -> BuildStatus:
    return BuildStatus(
        build_id=build.build_id,
        pipeline=build.pipeline,
        ref=build.ref,
        state=build.state,
        requested_by=build.requested_by,
        steps={s.name: s.state for s in build.steps},
        failed_steps=[s.name for s in build.failed_steps],
    )


def _lookup(state: OpsState, build_id: str) -> Build:
    try:
        return state.queue.get(build_id)
    except UnknownBuild:
        raise McpError(
            ErrorData(code=INVALID_PARAMS, message=f"Unknown build {build_id!r}", data={"buildId": build_id})
        ) from None


@mcp.tool(title="List builds", annotations=READ_ONLY)
def list_builds(pipeline: str | None = None, state: str | None = None, cursor: str | None = None,
                limit: int = 10) -> dict[str, Any]:
    """List recent builds, newest first. Pass nextCursor back as cursor for the next page."""
    queue = mcp.get_context().request_context.lifespan_context.queue
    if pipeline is not None and pipeline not in queue.pipelines:
        raise ToolError(f"unknown pipeline {pipeline!r}")
    return queue.page(pipeline=pipeline, state=state, cursor=cursor, limit=max(1, min(limit, 50)))


@mcp.tool(title="Build status", annotations=READ_ONLY)
async def get_build(build_id: str, ctx: Context[ServerSession, OpsState]) -> BuildStatus:
    """Return the current status of one build."""
    build = _lookup(ctx.request_context.lifespan_context, build_id)
    await ctx.debug(f"status lookup for {build_id} (request {ctx.request_id})")
    return _status(build)


@mcp.tool(title="Trigger build", annotations=MUTATING)
async def trigger_build(pipeline: str, ctx: Context[ServerSession, OpsState], ref: str | None = None,
                        fail_step: str | None = None) -> BuildStatus:
    """Queue a build of `pipeline` at `ref` (default branch if omitted) and run it to completion."""
    state = ctx.request_context.lifespan_context
    requested_by = ctx.client_id or "anonymous"
    try:
        build = state.queue.enqueue(pipeline, ref, requested_by=requested_by)
    except ValueError as exc:
        raise ToolError(str(exc)) from exc

    await ctx.log(level="info", message=f"queued {build.build_id} for {requested_by}", logger_name="buildops.trigger")
    done = 0
    while (step := state.queue.advance(build.build_id, fail_step=fail_step)) is not None:
        done += 1
        await ctx.report_progress(done, len(build.steps), message=f"{step.name}: {step.state}")
        if step.state == "failed":
            await ctx.warning(f"{build.build_id}: step {step.name} failed")

    state.audit.append(f"{requested_by} triggered {build.build_id} -> {build.state}")
    await publish_build_update(build.build_id)
    return _status(build)


@mcp.tool(title="Run pre-merge checks", annotations=READ_ONLY)
async def run_checks(pipeline: str, ctx: Context) -> str:
    """Dry-run the static checks of a pipeline (config lint, matrix expansion, secrets scan)."""
    state: OpsState = ctx.request_context.lifespan_context
    if (spec := state.queue.pipelines.get(pipeline)) is None:
        raise ToolError(f"unknown pipeline {pipeline!r}")
    checks = ["config-lint", "matrix", "secrets-scan"]
    findings = [f"matrix: {', '.join(spec.matrix.labels()) or 'empty'}"]
    with progress(ctx.request_context, total=len(checks)) as p:
        for check in checks:
            await p.progress(1, message=check)
    return "\n".join([f"{pipeline}: {len(checks)} checks run", *findings])


@mcp.tool(title="Cancel build", annotations=DESTRUCTIVE)
async def cancel_build(build_id: str, ctx: Context[ServerSession, OpsState]) -> str:
    """Cancel a queued or running build after asking the user to confirm."""
    state = ctx.request_context.lifespan_context
    build = _lookup(state, build_id)
    if build.finished:
        return f"{build_id} already {build.state}; nothing to cancel"

    answer = await ctx.elicit(
        message=f"Cancel {build_id} ({build.pipeline}@{build.ref}, requested by {build.requested_by})?",
        schema=CancelConfirmation,
    )
    match answer:
        case AcceptedElicitation(data=confirmation) if confirmation.confirm:
            state.queue.cancel(build_id)
            state.audit.append(f"cancelled {build_id}: {confirmation.reason or 'no reason given'}")
            await publish_build_update(build_id)
            return f"cancelled {build_id}"
        case AcceptedElicitation():
            return f"kept {build_id} running"
        case DeclinedElicitation():
            return f"user declined; {build_id} left running"
        case CancelledElicitation():
            return "cancel request dismissed"


@mcp.tool(title="Retry failed step", annotations=MUTATING)
def retry_step(build_id: str, step: str) -> dict[str, Any]:
    """Schedule a retry of one failed step of a build."""
    ctx = mcp.get_context()
    build = _lookup(ctx.request_context.lifespan_context, build_id)
    target = next((s for s in build.steps if s.name == step), None)
    if target is None or target.state != "failed":
        raise ToolError(f"{build_id}: only failed steps can be retried")
    not_before = asyncio.get_running_loop().time() + RETRY_BACKOFF_SECONDS
    target.state = build.state = "queued"
    target.log.append(f"{step}: retry scheduled (request {ctx.request_id})")
    return {"buildId": build_id, "step": step, "notBefore": round(not_before, 3), "backoff": RETRY_BACKOFF_SECONDS}


@mcp.tool(title="Explain failure", annotations=READ_ONLY)
async def explain_failure(build_id: str, ctx: Context[ServerSession, OpsState]) -> str:
    """Ask the client's model to summarise why a build failed."""
    build = _lookup(ctx.request_context.lifespan_context, build_id)
    if build.state != "failed":
        return f"{build_id} is {build.state}; nothing to explain"
    excerpt = "\n".join(build.log_lines()[-40:])
    result = await ctx.session.create_message(
        messages=[
            SamplingMessage(role="user", content=TextContent(type="text", text=f"Why did this build fail?\n{excerpt}"))
        ],
        max_tokens=300,
        system_prompt="You are a CI triage assistant. Answer in two sentences.",
        stop_sequences=["\n\n\n"],
    )
    if result.stopReason == "maxTokens":
        await ctx.warning("explanation truncated")
    text = result.content.text if isinstance(result.content, TextContent) else "(non-text answer)"
    return f"[{result.model}] {text}"


@mcp.tool(title="Tail build log", annotations=READ_ONLY)
async def tail_log(build_id: str, ctx: Context[ServerSession, OpsState], lines: int = 20) -> list[Content]:
    """Return the last `lines` lines of a build log."""
    build = _lookup(ctx.request_context.lifespan_context, build_id)
    blocks: list[Content] = [TextContent(type="text", text="\n".join(build.log_lines()[-lines:]))]
    if build.failed_steps:
        blocks.append(TextContent(type="text", text=f"failed: {', '.join(s.name for s in build.failed_steps)}"))
    return blocks


@mcp.tool(title="Pipeline matrix", annotations=READ_ONLY)
def pipeline_matrix(pipeline: str) -> list[str]:
    """Expanded job matrix of a pipeline, as os/python labels."""
    if (spec := BUILD_QUEUE.pipelines.get(pipeline)) is None:
        raise ToolError(f"unknown pipeline {pipeline!r}")
    return spec.matrix.labels()
