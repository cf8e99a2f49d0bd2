"""Tool handlers: start, inspect, approve and cancel workflow runs."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from orchestra.app import caller, current, emit_log, report_progress, server, state
from orchestra.engine import Run, RunStatus, StepRun
from orchestra.resources import notify_run_changed

ToolResult = dict[str, Any] | list[types.ContentBlock]
Handler = Callable[[dict[str, Any]], Awaitable[ToolResult]]

RUN_OUTPUT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "run_id": {"type": "string"},
        "workflow": {"type": "string"},
        "status": {"type": "string", "enum": [s.value for s in RunStatus]},
        "steps": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["run_id", "workflow", "status", "steps"],
}

APPROVAL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "approve": {"type": "boolean", "description": "Let the step run"},
        "note": {"type": "string", "description": "Recorded in the run log"},
    },
    "required": ["approve"],
}

TOOLS = [
    types.Tool(
        name="list_workflows",
        title="List workflows",
        description="Workflows that can be started, optionally filtered by tag.",
        inputSchema={"type": "object", "properties": {"tag": {"type": "string"}}},
        outputSchema={
            "type": "object",
            "properties": {"workflows": {"type": "array", "items": {"type": "object"}}},
            "required": ["workflows"],
        },
        annotations=types.ToolAnnotations(readOnlyHint=True, idempotentHint=True),
    ),
    types.Tool(
        name="run_workflow",
        title="Run a workflow",
        description="Start a workflow and wait for it to finish. Reports progress per step.",
        inputSchema={
            "type": "object",
            "properties": {
                "workflow": {"type": "string"},
                "params": {"type": "object", "additionalProperties": {"type": "string"}},
            },
            "required": ["workflow"],
        },
        outputSchema=RUN_OUTPUT_SCHEMA,
    ),
    types.Tool(
        name="run_status",
        description="Current state of a run.",
        inputSchema={"type": "object", "properties": {"run_id": {"type": "string"}}, "required": ["run_id"]},
        outputSchema=RUN_OUTPUT_SCHEMA,
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="cancel_run",
        description="Cancel a pending or running run.",
        inputSchema={"type": "object", "properties": {"run_id": {"type": "string"}}, "required": ["run_id"]},
        annotations=types.ToolAnnotations(destructiveHint=True),
    ),
]


def _run_or_error(run_id: str) -> Run:
    try:
        return state().engine.get_run(run_id)
    except KeyError:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown run {run_id!r}")) from None


async def _ask_approval(run: Run, step: StepRun) -> bool:
    ctx = current()
    answer = await ctx.session.elicit_form(
        message=f"Approve step '{step.spec.name}' of {run.workflow.name} ({run.id})?",
        requestedSchema=APPROVAL_SCHEMA,
        related_request_id=ctx.request_id,
    )
    content = answer.content or {}
    if answer.action == "accept" and content.get("approve") is True:
        run.log.append(f"approved by {caller()}: {content.get('note') or 'no note'}")
        return True
    run.log.append(f"approval {answer.action} by {caller()}")
    return False


async def list_workflows(arguments: dict[str, Any]) -> ToolResult:
    tag = arguments.get("tag")
    workflows = [
        {"name": w.name, "description": w.description, "steps": len(w.steps), "tags": sorted(w.tags)}
        for w in state().engine.workflows.values()
        if tag is None or tag in w.tags
    ]
    return {"workflows": workflows}


async def run_workflow(arguments: dict[str, Any]) -> ToolResult:
    engine = state().engine
    name = arguments["workflow"]
    if name not in engine.workflows:
        raise ValueError(f"no workflow named {name!r}; try list_workflows")
    run = engine.start(name, arguments.get("params"))
    await emit_log("info", {"event": "run-started", "run_id": run.id, "workflow": name, "by": caller()})

    async def on_step(done: int, total: int, step: StepRun) -> None:
        await report_progress(done, total, f"{step.spec.name}: {step.status.value}")
        await emit_log("debug", f"{run.id} {step.spec.name} -> {step.status.value}")
        if step.spec.needs_approval and done < total and not await _ask_approval(run, step):
            engine.cancel(run.id)

    await engine.execute(run, on_step)
    await notify_run_changed(run.id)
    if run.status is RunStatus.FAILED:
        failed = next(s for s in run.steps if s.status is RunStatus.FAILED)
        await emit_log("error", {"event": "run-failed", "run_id": run.id, "step": failed.spec.name})
        raise RuntimeError(f"{run.id} failed at step {failed.spec.name!r} after {failed.attempts} attempts")
    return run.to_dict()


async def run_status(arguments: dict[str, Any]) -> ToolResult:
    return _run_or_error(arguments["run_id"]).to_dict()


async def cancel_run(arguments: dict[str, Any]) -> ToolResult:
    run = state().engine.cancel(_run_or_error(arguments["run_id"]).id)
    await notify_run_changed(run.id)
    return [
        types.TextContent(type="text", text=f"{run.id} is {run.status.value}"),
        types.ResourceLink(
            type="resource_link",
            name=run.id,
            uri=AnyUrl(f"orchestra://runs/{run.id}"),
            mimeType="application/json",
        ),
    ]


HANDLERS: dict[str, Handler] = {
    "list_workflows": list_workflows,
    "run_workflow": run_workflow,
    "run_status": run_status,
    "cancel_run": cancel_run,
}

@server.list_tools()
async def handle_list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def handle_call_tool(name: str, arguments: dict[str, Any]) -> ToolResult:
    handler = HANDLERS.get(name)
    if handler is None:
        raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"unknown tool {name!r}"))
    result = await handler(arguments)
    if isinstance(result, dict):
        await emit_log("debug", f"{name} -> {json.dumps(result)[:120]}")
    return result
