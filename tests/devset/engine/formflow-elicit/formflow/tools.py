"""Tools: wizards, polls and form administration."""

from __future__ import annotations

import json
import uuid
from typing import Any

from mcp.server.elicitation import (
    AcceptedElicitation,
    AcceptedUrlElicitation,
    CancelledElicitation,
    DeclinedElicitation,
)
from mcp.server.fastmcp import Context, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, ErrorData, ListRootsResult, ToolAnnotations

from formflow import badge
from formflow.app import mcp
from formflow.forms import (
    PLANS,
    FeedbackResult,
    PollAnswer,
    PollOutcome,
    RatingStep,
    RenameStep,
    RunStatus,
    SignupSummary,
)
from formflow.sampling import summarise
from formflow.state import FormflowState
from formflow.wizard import Step, confirm, run_steps

FormCtx = Context[ServerSession, FormflowState]


# --- helpers that pick up the active request through the server ------------------------


def current_state() -> FormflowState:
    return mcp.get_context().request_context.lifespan_context


def caller() -> tuple[str, str | None]:
    """(request id, client id) of the request currently being served."""
    ctx = mcp.get_context()
    return ctx.request_id, ctx.client_id


def requested_by() -> str:
    request_id, client_id = caller()
    return f"{client_id or 'anonymous'}#{request_id}"


# --- wizards ---------------------------------------------------------------------------


@mcp.tool(title="Sign up", annotations=ToolAnnotations(openWorldHint=False, destructiveHint=False))
async def start_signup(ctx: FormCtx) -> SignupSummary:
    """Walk the user through the three-step sign-up wizard."""
    state = ctx.request_context.lifespan_context
    run = state.start_run("signup", requested_by=requested_by(), client_id=ctx.client_id)
    await ctx.info(f"starting sign-up wizard {run.wizard_id}")
    outcome = await run_steps(ctx, run, [Step.named("contact"), Step.named("plan"), Step.named("confirm")])

    status = outcome.status
    if status == "completed" and not run.answers.get("confirm", {}).get("confirm", False):
        status = "declined"
    record = state.finish_run(run, status)
    if record is not None:
        await ctx.log(level="info", message=f"stored {record.submission_id}", logger_name="formflow.signup")

    contact = outcome.answers.get("contact", {})
    plan = outcome.answers.get("plan", {})
    return SignupSummary(
        wizard_id=run.wizard_id,
        status=status,
        steps_completed=outcome.steps_completed,
        email=contact.get("email"),
        plan=plan.get("plan"),
        seats=plan.get("seats"),
    )


@mcp.tool()
async def quick_poll(question: str, options: list[str], ctx: FormCtx) -> PollOutcome:
    """Ask a single multiple-choice question; re-asks once if the answer is not an option."""
    if len(options) < 2:
        raise ToolError("a poll needs at least two options")
    attempts = 0
    prompt = f"{question} (options: {', '.join(options)})"
    while attempts < 2:
        attempts += 1
        result = await ctx.elicit(message=prompt, schema=PollAnswer)
        match result:
            case AcceptedElicitation(data=PollAnswer(choice=choice)) if choice in options:
                return PollOutcome(question=question, answered=True, choice=choice, attempts=attempts)
            case AcceptedElicitation():
                prompt = f"Please pick one of: {', '.join(options)}"
            case DeclinedElicitation() | CancelledElicitation():
                break
    return PollOutcome(question=question, answered=False, choice=None, attempts=attempts)


@mcp.tool()
async def rename_form(form_id: str, ctx: FormCtx) -> str:
    """Ask for a new display title for a form template."""
    state = ctx.request_context.lifespan_context
    if form_id not in state.titles:
        raise ToolError(f"unknown form {form_id!r}")
    result = await ctx.elicit(message=f"New title for '{state.titles[form_id]}'?", schema=RenameStep)
    if isinstance(result, AcceptedElicitation):
        old, state.titles[form_id] = state.titles[form_id], result.data.new_title
        await ctx.info(f"renamed {form_id}: {old!r} -> {result.data.new_title!r}")
        return state.titles[form_id]
    if isinstance(result, DeclinedElicitation):
        return state.titles[form_id]
    raise ToolError("rename cancelled")


@mcp.tool()
async def collect_feedback(ctx: FormCtx) -> FeedbackResult:
    """Ask for a rating, then have the client's model summarise it."""
    result = await ctx.elicit(message="How would you rate formflow?", schema=RatingStep)
    if not isinstance(result, AcceptedElicitation):
        return FeedbackResult(score=None, would_recommend=None, summary=f"no feedback ({result.action})")
    answers = {"rating": result.data.model_dump()}
    sampled = await summarise(ctx, "Product feedback", answers, max_tokens=120)
    return FeedbackResult(
        score=result.data.score,
        would_recommend=result.data.would_recommend,
        summary=sampled.text,
        model=sampled.model,
        stop_reason=sampled.stop_reason,
    )


@mcp.tool()
async def connect_billing(plan: str, ctx: FormCtx) -> str:
    """Send the user to the billing portal to enter card details out of band."""
    if plan not in PLANS:
        raise ToolError(f"plan must be one of {', '.join(PLANS)}")
    elicitation_id = uuid.uuid4().hex
    url = f"https://billing.formflow.example/checkout?plan={plan}&ref={elicitation_id}"
    result = await ctx.elicit_url(message="Enter payment details", url=url, elicitation_id=elicitation_id)
    if isinstance(result, AcceptedUrlElicitation):
        await ctx.session.send_elicit_complete(elicitation_id, related_request_id=ctx.request_id)
        return f"billing connected for {plan}"
    return f"billing skipped ({result.action})"


# --- status and administration ---------------------------------------------------------


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
def wizard_status(wizard_id: str) -> RunStatus:
    """Report where a wizard run currently stands."""
    state = current_state()
    run = state.runs.get(wizard_id)
    if run is None:
        raise ToolError(f"no wizard run {wizard_id!r}")
    return RunStatus(
        wizard_id=run.wizard_id,
        form_id=run.form_id,
        status=run.status,
        current_step=run.current_step,
        answered_steps=sorted(run.answers),
        requested_by=run.requested_by,
    )


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def whoami(ctx: FormCtx) -> dict[str, Any]:
    """Echo the identifiers the server sees for this request."""
    request_id, client_id = caller()
    assert request_id == ctx.request_id
    return {"request_id": request_id, "client_id": client_id, "server": ctx.fastmcp.name}


@mcp.tool()
async def load_template(template_id: str, ctx: FormCtx) -> dict[str, Any]:
    """Fetch a template through the resource layer and annotate it with the live title."""
    contents = await ctx.read_resource(f"forms://templates/{template_id}")
    for item in contents:
        if item.mime_type == "application/json" and isinstance(item.content, str):
            template = json.loads(item.content)
            template["title"] = ctx.request_context.lifespan_context.titles.get(template_id, template["title"])
            return template
    raise ToolError(f"template {template_id!r} has no JSON body")


@mcp.tool(annotations=ToolAnnotations(destructiveHint=True))
async def delete_submission(submission_id: str, ctx: FormCtx) -> str:
    """Delete a stored submission after confirming with the user."""
    state = ctx.request_context.lifespan_context
    if submission_id not in state.submissions:
        raise McpError(
            ErrorData(
                code=INVALID_PARAMS,
                message=f"unknown submission {submission_id}",
                data={"submissionId": submission_id},
            )
        )
    ok, note = await confirm(ctx, f"Delete submission {submission_id}? This cannot be undone.")
    if not ok:
        return f"kept {submission_id}"
    del state.submissions[submission_id]
    await ctx.warning(f"deleted {submission_id}" + (f" ({note})" if note else ""))
    return f"deleted {submission_id}"


@mcp.tool()
async def render_badge(form_id: str, ctx: FormCtx) -> Image:
    """Render the completion badge for a form as a PNG."""
    title = ctx.request_context.lifespan_context.titles.get(form_id)
    if title is None:
        raise ToolError(f"unknown form {form_id!r}")
    await ctx.report_progress(0.5, 1.0, message="rendering")
    png = badge.render_badge_png(title, width=64, height=20)
    return Image(data=png, format="png")


@mcp.tool()
async def workspace_roots(ctx: FormCtx) -> list[str]:
    """List the client's workspace roots that look like form folders."""
    result: ListRootsResult = await ctx.session.list_roots()
    found: list[str] = []
    for root in result.roots:
        path = root.uri.path or ""
        if root.uri.scheme == "file" and ("form" in path or (root.name or "").startswith("form")):
            found.append(str(root.uri))
    await ctx.info(f"{len(found)} of {len(result.roots)} roots are form folders")
    return found
