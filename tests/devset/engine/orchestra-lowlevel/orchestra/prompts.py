"""Prompts, argument completion and the logging level handler."""

from __future__ import annotations

import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from orchestra.app import server, state
from orchestra.resources import run_uri

PROMPTS = [
    types.Prompt(
        name="plan-workflow",
        title="Plan a workflow run",
        description="Help choose a workflow and its parameters for a goal.",
        arguments=[
            types.PromptArgument(name="goal", description="What you want to achieve", required=True),
            types.PromptArgument(name="workflow", description="Workflow to consider first"),
        ],
    ),
    types.Prompt(
        name="postmortem",
        description="Write a postmortem for a finished run.",
        arguments=[types.PromptArgument(name="run_id", required=True)],
    ),
]


@server.list_prompts()
async def handle_list_prompts() -> list[types.Prompt]:
    return PROMPTS


@server.get_prompt()
async def handle_get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    args = arguments or {}
    engine = state().engine
    if name == "plan-workflow":
        catalog = "\n".join(f"- {w.name}: {w.description}" for w in engine.workflows.values())
        hint = f" Start by considering '{args['workflow']}'." if args.get("workflow") else ""
        return types.GetPromptResult(
            description="Workflow planning",
            messages=[
                types.PromptMessage(
                    role="user",
                    content=types.TextContent(
                        type="text", text=f"Goal: {args.get('goal', '?')}.{hint}\n\nAvailable workflows:\n{catalog}"
                    ),
                )
            ],
        )
    if name == "postmortem":
        run = engine.runs.get(args.get("run_id", ""))
        if run is None:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="postmortem needs a known run_id"))
        return types.GetPromptResult(
            description=f"Postmortem for {run.id}",
            messages=[
                types.PromptMessage(
                    role="user",
                    content=types.TextContent(
                        type="text", text=f"Write a postmortem for {run.workflow.name} ({run.status.value})."
                    ),
                ),
                types.PromptMessage(
                    role="user",
                    content=types.EmbeddedResource(
                        type="resource",
                        resource=types.TextResourceContents(
                            uri=AnyUrl(run_uri(run.id, "/log")), mimeType="text/plain", text="\n".join(run.log)
                        ),
                    ),
                ),
            ],
        )
    raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown prompt {name!r}"))


@server.completion()
async def handle_completion(
    ref: types.PromptReference | types.ResourceTemplateReference,
    argument: types.CompletionArgument,
    context: types.CompletionContext | None,
) -> types.Completion | None:
    engine = state().engine
    if argument.name == "workflow":
        names = sorted(n for n in engine.workflows if n.startswith(argument.value))
        return types.Completion(values=names, total=len(names), hasMore=False)
    if argument.name == "run_id":
        ids = sorted(r for r in engine.runs if r.startswith(argument.value))
        return types.Completion(values=ids[:20], total=len(ids), hasMore=len(ids) > 20)
    return None


@server.set_logging_level()
async def handle_set_level(level: types.LoggingLevel) -> None:
    state().log_level = level
